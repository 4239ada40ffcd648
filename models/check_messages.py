"""Every method check's message in English, Swedish and Danish, and the check's short name.

The checks (``checks.py``, ``checks_method.py``) decide; this module only words. A message is
in the study's language (the report sets it to the report's), user text in that language's
quotation marks. Models never import the exporters' words, so the check words live here;
the glossary (docs/glossary.md) keeps the terms the same as the report's.
"""

from __future__ import annotations

from .i18n import QUOTE_MARKS
from .names import visible

LANGUAGES = ("en", "sv", "da")

TEXT: dict[str, dict[str, str]] = {
    "funnel-phase": {
        "en": "phase {name} is named like a sales funnel ({words}); name it after what the customer does and wants",
        "sv": "fasen {name} är namngiven som ett steg i en säljtratt ({words}); döp den efter vad kunden gör och vill",
        "da": "fasen {name} er navngivet som et trin i en salgstragt ({words}); navngiv den efter hvad kunden gør og vil",
    },
    "state-unset": {
        "en": "choose whether this map shows the current state or a target state (never a mix):"
        " trodden study DIR set state current",
        "sv": "välj om kartan visar nuläget eller ett önskat läge (aldrig en blandning):"
        " trodden study DIR set state current",
        "da": "vælg om kortet viser den nuværende tilstand eller en ønsket tilstand (aldrig en blanding):"
        " trodden study DIR set state current",
    },
    "hearts-count": {
        "en": "{count} hearts on the map; the method suggests {low}-{high}",
        "sv": "{count} hjärtan på kartan; metoden föreslår {low}-{high}",
        "da": "{count} hjerter på kortet; metoden foreslår {low}-{high}",
    },
    "hearts-count.one": {
        "en": "{count} heart on the map; the method suggests {low}-{high}",
        "sv": "{count} hjärta på kartan; metoden föreslår {low}-{high}",
        "da": "{count} hjerte på kortet; metoden foreslår {low}-{high}",
    },
    "clouds-count": {
        "en": "{count} thunderclouds on the map; the method suggests {low}-{high}",
        "sv": "{count} åskmoln på kartan; metoden föreslår {low}-{high}",
        "da": "{count} tordenskyer på kortet; metoden foreslår {low}-{high}",
    },
    "clouds-count.one": {
        "en": "{count} thundercloud on the map; the method suggests {low}-{high}",
        "sv": "{count} åskmoln på kartan; metoden föreslår {low}-{high}",
        "da": "{count} tordensky på kortet; metoden foreslår {low}-{high}",
    },
    "moments-count": {
        "en": "{count} moments of truth on the map; the method suggests {low}-{high}",
        "sv": "{count} sanningens ögonblick på kartan; metoden föreslår {low}-{high}",
        "da": "{count} sandhedens øjeblikke på kortet; metoden foreslår {low}-{high}",
    },
    "moments-count.one": {
        "en": "{count} moment of truth on the map; the method suggests {low}-{high}",
        "sv": "{count} sanningens ögonblick på kartan; metoden föreslår {low}-{high}",
        "da": "{count} sandhedens øjeblik på kortet; metoden foreslår {low}-{high}",
    },
    "single-channel": {
        "en": "{count} channels{only} {where}; a journey crosses channels, including where the company is absent",
        "sv": "{count} kanaler{only} {where}; en kundresa går över flera kanaler, även där företaget inte finns",
        "da": "{count} kanaler{only} {where}; en kunderejse går på tværs af kanaler, også hvor virksomheden ikke er",
    },
    "single-channel.one": {
        "en": "{count} channel{only} {where}; a journey crosses channels, including where the company is absent",
        "sv": "{count} kanal{only} {where}; en kundresa går över flera kanaler, även där företaget inte finns",
        "da": "{count} kanal{only} {where}; en kunderejse går på tværs af kanaler, også hvor virksomheden ikke er",
    },
    "where.map": {"en": "on the map", "sv": "på kartan", "da": "på kortet"},
    "where.notes": {"en": "in the notes", "sv": "i anteckningarna", "da": "i noterne"},
    "no-evidence": {
        "en": "{name} is still a hypothesis: no interview note backs it; confirm or remove it",
        "sv": "{name} är fortfarande en hypotes: ingen intervjuanteckning stöder den; bekräfta eller ta bort den",
        "da": "{name} er stadig en hypotese: ingen interviewnote understøtter den; bekræft eller fjern den",
    },
    "quote-not-verbatim": {
        "en": "quote {note} now reads {text} but was typed as {typed}; quotes stay verbatim",
        "sv": "citatet {note} lyder nu {text} men skrevs som {typed}; citat ska vara ordagranna",
        "da": "citatet {note} lyder nu {text}, men blev skrevet som {typed}; citater skal være ordrette",
    },
    "not-cleaned": {
        "en": "interview {id} ({participant}) is {status}, not cleaned yet",
        "sv": "intervjun {id} ({participant}) är {status} men inte renskriven ännu",
        "da": "interviewet {id} ({participant}) er {status}, men ikke renskrevet endnu",
    },
    "status.done": {"en": "done", "sv": "klar", "da": "afsluttet"},
    "status.live": {"en": "live", "sv": "pågående", "da": "i gang"},
    "empty-phase": {
        "en": "phase {name} has nothing on the map",
        "sv": "fasen {name} har inget på kartan",
        "da": "fasen {name} har intet på kortet",
    },
    "journey-name-inside-out": {
        "en": "the journey {name} is named from the company's side ({words}); name it after what the customer wants",
        "sv": "resan {name} är namngiven från företagets sida ({words}); döp den efter vad kunden vill",
        "da": "rejsen {name} er navngivet fra virksomhedens side ({words}); navngiv den efter hvad kunden vil",
    },
    "purpose-unset": {
        "en": "the study has no purpose: say what the journey map should help decide",
        "sv": "studien saknar syfte: skriv vad kundresekartan ska hjälpa till att avgöra",
        "da": "studiet mangler et formål: skriv hvad kunderejsekortet skal hjælpe med at afgøre",
    },
    "too-many-phases": {
        "en": "{count} phases; the method suggests at most {most}: merge or narrow the scope",
        "sv": "{count} faser; metoden föreslår högst {most}: slå ihop eller smalna av omfattningen",
        "da": "{count} faser; metoden foreslår højst {most}: slå sammen eller indsnævr omfanget",
    },
    "phase-inside-out": {
        "en": "phase {name} is named after the company's process ({words}); name it after what the customer does",
        "sv": "fasen {name} är namngiven efter företagets process ({words}); döp den efter vad kunden gör",
        "da": "fasen {name} er navngivet efter virksomhedens proces ({words}); navngiv den efter hvad kunden gør",
    },
    "heart-thin-evidence": {
        "en": "heart {name} is backed by one customer only ({who}); look for more before choosing it",
        "sv": "hjärtat {name} stöds av bara en kund ({who}); sök mer stöd innan ni väljer det",
        "da": "hjertet {name} understøttes kun af én kunde ({who}); find mere belæg før I vælger det",
    },
    "cloud-thin-evidence": {
        "en": "thundercloud {name} is backed by one customer only ({who}); look for more before choosing it",
        "sv": "åskmolnet {name} stöds av bara en kund ({who}); sök mer stöd innan ni väljer det",
        "da": "tordenskyen {name} understøttes kun af én kunde ({who}); find mere belæg før I vælger den",
    },
    "moment-no-question": {
        "en": 'moment of truth {name} has no design question ("How might we ...?")',
        "sv": "sanningens ögonblick {name} saknar designfråga (”Hur kan vi …?”)",
        "da": "sandhedens øjeblik {name} mangler et designspørgsmål (»Hvordan kan vi …?«)",
    },
    "segment-narrow": {
        "en": "all {count} customers interviewed are of one type ({segment}); recruit across customer types",
        "sv": "alla {count} intervjuade kunder är av en kundtyp ({segment}); rekrytera från fler kundtyper",
        "da": "alle {count} interviewede kunder er af én kundetype ({segment}); rekruttér på tværs af kundetyper",
    },
    "interviews-few.one": {
        "en": "1 customer interview; the method suggests {low}-{high} for {scope}",
        "sv": "1 kundintervju; metoden föreslår {low}-{high} för {scope}",
        "da": "1 kundeinterview; metoden foreslår {low}-{high} for {scope}",
    },
    "interviews-few": {
        "en": "{count} customer interviews; the method suggests {low}-{high} for {scope}",
        "sv": "{count} kundintervjuer; metoden föreslår {low}-{high} för {scope}",
        "da": "{count} kundeinterviews; metoden foreslår {low}-{high} for {scope}",
    },
    "backstage-heavy": {
        "en": "{back} backstage items against {front} on stage; keep backstage brief on a first journey",
        "sv": "{back} backstagepunkter mot {front} på scenen; håll backstage kort på en första kundresa",
        "da": "{back} backstagepunkter mod {front} på scenen; hold backstage kort på en første kunderejse",
    },
    "scope.whole": {"en": "a whole journey", "sv": "en hel resa", "da": "en hel rejse"},
    "scope.episode": {"en": "an episode", "sv": "en episod", "da": "en episode"},
    "severity.warning": {"en": "warning", "sv": "varning", "da": "advarsel"},
    "severity.info": {"en": "info", "sv": "info", "da": "info"},
    "no-findings": {
        "en": "no findings: the study follows the method's rules of thumb",
        "sv": "inga iakttagelser: studien följer metodens tumregler",
        "da": "ingen iagttagelser: studiet følger metodens tommelfingerregler",
    },
    "untyped": {"en": "type not given", "sv": "kundtyp ej angiven", "da": "kundetype ikke angivet"},
    "quote-unverified": {
        "en": "quote {note} {text} is not found in the participant's words in the transcript; check it or mark it checked",
        "sv": "citatet {note} {text} finns inte bland deltagarens ord i transkriptet; kontrollera det eller markera det kontrollerat",
        "da": "citatet {note} {text} findes ikke blandt deltagerens ord i transskriptionen; tjek det eller markér det tjekket",
    },
    "quote-differs": {
        "en": "quote {note} {text} differs from what was said ({said}); take the words said or mark it checked",
        "sv": "citatet {note} {text} skiljer sig från det som sades ({said}); ta orden som sades eller markera det kontrollerat",
        "da": "citatet {note} {text} afviger fra det, der blev sagt ({said}); brug de sagte ord eller markér det tjekket",
    },
}
"""Each message by key, then language; ``{name}`` and the like are filled in already quoted."""

TITLES: dict[str, dict[str, str]] = {
    "funnel-phase": {
        "en": "Phase named like a sales funnel",
        "sv": "Fas namngiven som säljtratt",
        "da": "Fase navngivet som salgstragt",
    },
    "state-unset": {
        "en": "State not chosen",
        "sv": "Nuläge eller önskat läge ej valt",
        "da": "Nuværende eller ønsket tilstand ikke valgt",
    },
    "hearts-count": {"en": "Number of hearts", "sv": "Antal hjärtan", "da": "Antal hjerter"},
    "clouds-count": {"en": "Number of thunderclouds", "sv": "Antal åskmoln", "da": "Antal tordenskyer"},
    "moments-count": {
        "en": "Number of moments of truth",
        "sv": "Antal sanningens ögonblick",
        "da": "Antal sandhedens øjeblikke",
    },
    "single-channel": {"en": "A single channel", "sv": "Bara en kanal", "da": "Kun én kanal"},
    "no-evidence": {"en": "Not backed yet", "sv": "Saknar stöd", "da": "Mangler belæg"},
    "quote-not-verbatim": {"en": "Quote not verbatim", "sv": "Citat inte ordagrant", "da": "Citat ikke ordret"},
    "not-cleaned": {"en": "Notes not cleaned", "sv": "Anteckningar ej renskrivna", "da": "Noter ikke renskrevet"},
    "empty-phase": {"en": "Empty phase", "sv": "Tom fas", "da": "Tom fase"},
    "journey-name-inside-out": {
        "en": "Journey named inside-out",
        "sv": "Resan namngiven inifrån",
        "da": "Rejsen navngivet indefra",
    },
    "purpose-unset": {"en": "No purpose", "sv": "Syfte saknas", "da": "Formål mangler"},
    "too-many-phases": {"en": "Too many phases", "sv": "För många faser", "da": "For mange faser"},
    "phase-inside-out": {"en": "Phase named inside-out", "sv": "Fas namngiven inifrån", "da": "Fase navngivet indefra"},
    "heart-thin-evidence": {
        "en": "Heart with thin backing",
        "sv": "Hjärta med svagt stöd",
        "da": "Hjerte med tyndt belæg",
    },
    "cloud-thin-evidence": {
        "en": "Thundercloud with thin backing",
        "sv": "Åskmoln med svagt stöd",
        "da": "Tordensky med tyndt belæg",
    },
    "moment-no-question": {"en": "No design question", "sv": "Designfråga saknas", "da": "Designspørgsmål mangler"},
    "segment-narrow": {"en": "One customer type", "sv": "En enda kundtyp", "da": "Kun én kundetype"},
    "interviews-few": {"en": "Few interviews", "sv": "Få intervjuer", "da": "Få interviews"},
    "backstage-heavy": {"en": "Much backstage", "sv": "Mycket backstage", "da": "Meget backstage"},
    "quote-unverified": {
        "en": "Quote not in the transcript",
        "sv": "Citat saknas i transkriptet",
        "da": "Citat mangler i transskriptionen",
    },
    "quote-differs": {
        "en": "Quote differs from the transcript",
        "sv": "Citat avviker från transkriptet",
        "da": "Citat afviger fra transskriptionen",
    },
}
"""Each check's short name for a reader (the report's table); scripts use the code."""


def language_of(data) -> str:
    """The study's language if trodden speaks it, else English (``StudyFile``)."""
    language = data.study.language
    return language if language in LANGUAGES else "en"


def say(data, key: str, **values: object) -> str:
    """The message ``key`` in the study's language, ``values`` filled in."""
    return TEXT[key][language_of(data)].format(**values)


def title(code: str, language: str) -> str:
    """The check's short name in ``language``; its code when it has none."""
    names = TITLES.get(code)
    return names.get(language, names["en"]) if names else code


def quote(data, text: str) -> str:
    """User text in the study language's quotation marks, on one line, control characters made visible."""
    opening, closing = QUOTE_MARKS[language_of(data)]
    return f"{opening}{visible(text, one_line=True)}{closing}"
