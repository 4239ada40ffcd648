"""The fixed words of ``trodden stats`` and the saturation verdict, in English, Swedish and Danish.

The counts are the same in every language; only the words around them change. The terms follow
the glossary (docs/glossary.md), so the terminal and the report say the same thing.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "heading.item": {
        "en": "Map items (customers, n of N: staff interviews are not counted)",
        "sv": "Punkter på kartan (kunder, n av N: intervjuer med personal räknas inte)",
        "da": "Punkter på kortet (kunder, n af N: interviews med medarbejdere tælles ikke med)",
    },
    "heading.backstage": {
        "en": "Backstage only staff told of (staff, n of N staff interviewed)",
        "sv": "Bakom kulisserna, bara från personalen (personal, n av N intervjuade)",
        "da": "Bag kulisserne, kun fra medarbejdere (medarbejdere, n af N interviewede)",
    },
    "heading.tag": {
        "en": "Tags (customers, n of N: staff interviews are not counted)",
        "sv": "Taggar (kunder, n av N: intervjuer med personal räknas inte)",
        "da": "Tags (kunder, n af N: interviews med medarbejdere tælles ikke med)",
    },
    "heading.channel": {
        "en": "Channels (customers, n of N: staff interviews are not counted)",
        "sv": "Kanaler (kunder, n av N: intervjuer med personal räknas inte)",
        "da": "Kanaler (kunder, n af N: interviews med medarbejdere tælles ikke med)",
    },
    "none": {"en": "none yet", "sv": "inga ännu", "da": "ingen endnu"},
    "of": {"en": "of", "sv": "av", "da": "af"},
    "saturation": {
        "en": "Saturation: what each interview added (in date order; █ new items, ▒ new tags)",
        "sv": "Mättnad: vad varje intervju tillförde (i datumordning; █ nya punkter, ▒ nya taggar)",
        "da": "Mætning: hvad hvert interview tilføjede (i datoorden; █ nye punkter, ▒ nye tags)",
    },
    "no-interviews": {"en": "no interviews yet", "sv": "inga intervjuer ännu", "da": "ingen interviews endnu"},
    "items": {"en": "items", "sv": "punkter", "da": "punkter"},
    "tags": {"en": "tags", "sv": "taggar", "da": "tags"},
    "enough": {
        "en": "Enough interviews? ({scope})",
        "sv": "Tillräckligt många intervjuer? ({scope})",
        "da": "Nok interviews? ({scope})",
    },
    "scope.whole": {"en": "whole journey", "sv": "hela resan", "da": "hele rejsen"},
    "scope.episode": {"en": "episode journey", "sv": "en episod av resan", "da": "en episode af rejsen"},
    "explain.early": {
        "en": "(likely once the last {window} customer interviews add under 10% new map\nitems, tags and channels)",
        "sv": "(troligen när de senaste {window} kundintervjuerna tillför under 10 % nya\npunkter, taggar och kanaler)",
        "da": "(sandsynligvis når de seneste {window} kundeinterviews tilføjer under 10 % nye\n"
        "punkter, tags og kanaler)",
    },
    "explain": {
        "en": "({new} of {found} map items, tags and channels were new in the last\n"
        "{window} customer interviews; under 10% means saturation likely)",
        "sv": "({new} av {found} punkter, taggar och kanaler var nya i de senaste\n"
        "{window} kundintervjuerna; under 10 % betyder att mättnad är trolig)",
        "da": "({new} af {found} punkter, tags og kanaler var nye i de seneste\n"
        "{window} kundeinterviews; under 10 % betyder, at mætning er sandsynlig)",
    },
    "guidance": {
        "en": "{n} of {low}-{high} customer interviews",
        "sv": "{n} av {low}-{high} kundintervjuer",
        "da": "{n} af {low}-{high} kundeinterviews",
    },
    "why.untagged": {"en": "nothing tagged yet", "sv": "inget taggat ännu", "da": "intet tagget endnu"},
    "why.few": {"en": "from {n} interviews", "sv": "från {n} intervjuer", "da": "fra {n} interviews"},
    "too-early": {
        "en": "saturation: too early ({why})",
        "sv": "mättnad: för tidigt ({why})",
        "da": "mætning: for tidligt ({why})",
    },
    "verdict": {
        "en": "saturation {verdict}: last {window} added {share}% new",
        "sv": "mättnad {verdict}: de senaste {window} tillförde {share} % nytt",
        "da": "mætning {verdict}: de seneste {window} tilføjede {share} % nyt",
    },
    "verdict.likely": {"en": "likely", "sv": "trolig", "da": "sandsynlig"},
    "verdict.not yet": {"en": "not yet", "sv": "inte än", "da": "ikke endnu"},
}


def word(language: str, key: str, **values: object) -> str:
    """``key`` in ``language`` (English for any other), ``values`` filled in."""
    forms = WORDS[key]
    return forms.get(language, forms["en"]).format(**values)
