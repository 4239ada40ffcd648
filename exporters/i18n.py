"""Headings and fixed words of the journey report in English, Swedish and Danish.

Only trodden's own words are translated; the team's text (phase names, items, quotes)
is shown as written. ``Labels`` is a plain mapping so a missing key fails loudly in
tests instead of printing a blank heading.
"""

from __future__ import annotations

from typing import Literal

from trodden.models.i18n import decimal, in_quotes

from .i18n_change import CHANGE_WORDS

Language = Literal["en", "sv", "da"]
LANGUAGES: tuple[Language, ...] = ("en", "sv", "da")

_WORDS: dict[str, dict[Language, str]] = {
    "report": {"en": "Journey report", "sv": "Rapport: kundresa", "da": "Rapport: kunderejse"},
    "purpose": {"en": "Purpose", "sv": "Syfte", "da": "Formål"},
    "scope": {"en": "Scope", "sv": "Omfattning", "da": "Omfang"},
    "scope.whole": {"en": "The whole journey", "sv": "Hela resan", "da": "Hele rejsen"},
    "scope.episode": {"en": "One episode of the journey", "sv": "En episod av resan", "da": "En episode af rejsen"},
    "state": {"en": "State", "sv": "Kartan visar", "da": "Kortet viser"},
    "state.current": {"en": "Current state", "sv": "Nuläge", "da": "Nuværende tilstand"},
    "state.target": {"en": "Target state", "sv": "Målbild", "da": "Målbillede"},
    "state.unset": {"en": "Not chosen yet", "sv": "Inte valt ännu", "da": "Ikke valgt endnu"},
    "evidence.basis": {"en": "Based on", "sv": "Underlag", "da": "Grundlag"},
    "evidence.summary": {
        "en": "{interviews} with {participants}",
        "sv": "{interviews} med {participants}",
        "da": "{interviews} med {participants}",
    },
    "period": {"en": "Interviews held", "sv": "Intervjuperiod", "da": "Interviewperiode"},
    "participants": {"en": "Participants", "sv": "Deltagare", "da": "Deltagere"},
    "generated": {"en": "Prepared with trodden", "sv": "Framtagen med trodden", "da": "Udarbejdet med trodden"},
    "caveat": {
        "en": "A journey map is a simplified snapshot that guides priorities. It shows why customers feel as "
        "they do, not how many do: read the counts as evidence, never as statistics.",
        "sv": "En kundresekarta är en förenklad ögonblicksbild som vägleder prioriteringar. Den visar varför "
        "kunderna känner som de gör, inte hur många: läs antalen som underlag, aldrig som statistik.",
        "da": "Et kunderejsekort er et forenklet øjebliksbillede, der guider prioriteringer. Det viser, hvorfor "
        "kunderne føler, som de gør, ikke hvor mange: læs tallene som belæg, aldrig som statistik.",
    },
    "about": {"en": "About this journey", "sv": "Om resan", "da": "Om rejsen"},
    "map": {"en": "The journey map", "sv": "Kundresekartan", "da": "Kunderejsekortet"},
    "legend": {
        "en": "{heart} heart (strongest positive) · {cloud} thundercloud (strongest negative) · "
        "n/N customers backing an item · (hypothesis) no interview backs it yet",
        "sv": "{heart} hjärta (det mest positiva) · {cloud} åskmoln (det mest negativa) · "
        "n/N kunder som stöder en punkt · (hypotes) ingen intervju stöder den ännu",
        "da": "{heart} hjerte (det mest positive) · {cloud} tordensky (det mest negative) · "
        "n/N kunder bag et punkt · (hypotese) intet interview understøtter det endnu",
    },
    "lane": {"en": "Lane", "sv": "Spår", "da": "Spor"},
    "lane.touchpoints": {"en": "Touchpoints", "sv": "Kontaktpunkter", "da": "Kontaktpunkter"},
    "lane.channels": {"en": "Channels", "sv": "Kanaler", "da": "Kanaler"},
    "lane.emotions": {"en": "Hearts and thunderclouds", "sv": "Hjärtan och åskmoln", "da": "Hjerter og tordenskyer"},
    "lane.curve": {"en": "Emotion curve", "sv": "Känslokurva", "da": "Følelseskurve"},
    "lane.quotes": {"en": "Quotes", "sv": "Citat", "da": "Citater"},
    "lane.moments": {"en": "Moments of truth", "sv": "Sanningens ögonblick", "da": "Sandhedens øjeblikke"},
    "lane.backstage": {"en": "Backstage", "sv": "Backstage", "da": "Backstage"},
    "lane.staff": {"en": "Staff view", "sv": "Personalens perspektiv", "da": "Medarbejdernes perspektiv"},
    "staff.heading.one": {
        "en": "Staff view (1 staff interview)",
        "sv": "Personalens perspektiv (1 intervju med personal)",
        "da": "Medarbejdernes perspektiv (1 interview med en medarbejder)",
    },
    "staff.heading": {
        "en": "Staff view ({n} staff interviews)",
        "sv": "Personalens perspektiv ({n} intervjuer med personal)",
        "da": "Medarbejdernes perspektiv ({n} interviews med medarbejdere)",
    },
    "staff.intro": {
        "en": "The employees' own experience, phase by phase, computed like the customer curve from the staff "
        "interviews alone (backstage notes included). It is not part of the customer curve above.",
        "sv": "Medarbetarnas egen upplevelse fas för fas, beräknad som kundernas kurva men bara ur intervjuerna "
        "med personal (backstage-anteckningar inräknade). Den ingår inte i kundernas kurva ovan.",
        "da": "Medarbejdernes egen oplevelse fase for fase, beregnet som kundernes kurve, men kun ud fra "
        "interviewene med medarbejdere (backstage-noter medregnet). Den indgår ikke i kundernes kurve ovenfor.",
    },
    "staff.basis.one": {
        "en": "; also 1 staff interview (the staff view)",
        "sv": "; därtill 1 intervju med personal (personalens perspektiv)",
        "da": "; desuden 1 interview med en medarbejder (medarbejdernes perspektiv)",
    },
    "staff.basis": {
        "en": "; also {n} staff interviews (the staff view)",
        "sv": "; därtill {n} intervjuer med personal (personalens perspektiv)",
        "da": "; desuden {n} interviews med medarbejdere (medarbejdernes perspektiv)",
    },
    "backing.staff": {
        "en": "{s} of {S} staff, {n} {customers}",
        "sv": "{s} av {S} medarbetare, {n} {customers}",
        "da": "{s} af {S} medarbejdere, {n} {customers}",
    },
    "types.one": {"en": "one customer type only", "sv": "bara en kundtyp", "da": "kun én kundetype"},
    "type.unset": {"en": "type not given", "sv": "typ ej angiven", "da": "type ikke angivet"},
    "curve.intro": {
        "en": "The most trodden path: each customer's feelings are averaged first, then across customers, "
        "so a talkative customer counts once. Staff interviews and backstage notes are left out (see the staff "
        "view). Scale −2 (thundercloud) to +2 (heart).",
        "sv": "Den mest upptrampade stigen: först tas medelvärdet av varje kunds känslor, sedan medelvärdet "
        "över kunderna, så att en pratsam kund bara räknas en gång. Intervjuer med personal och "
        "backstage-anteckningar räknas inte (se personalens perspektiv). Skala −2 (åskmoln) till +2 (hjärta).",
        "da": "Den mest betrådte sti: først tages gennemsnittet af hver kundes følelser, derefter gennemsnittet "
        "på tværs af kunderne, så en snakkesalig kunde kun tæller én gang. Interviews med medarbejdere og "
        "backstage-noter tæller ikke med (se medarbejdernes perspektiv). Skala −2 (tordensky) til +2 (hjerte).",
    },
    "phase": {"en": "Phase", "sv": "Fas", "da": "Fase"},
    "phases": {"en": "The journey phase by phase", "sv": "Resan fas för fas", "da": "Rejsen fase for fase"},
    "feeling": {"en": "Feeling", "sv": "Känsla", "da": "Følelse"},
    "feeling.none": {"en": "no feeling noted", "sv": "ingen känsla noterad", "da": "ingen følelse noteret"},
    "feeling.detail": {
        "en": "{value} (n = {n}, spread ±{spread})",
        "sv": "{value} (n = {n}, spridning ±{spread})",
        "da": "{value} (n = {n}, spredning ±{spread})",
    },
    "override": {"en": "set by hand", "sv": "satt för hand", "da": "sat manuelt"},
    "override.detail": {
        "en": "{value}, set by hand (computed: {computed})",
        "sv": "{value}, satt för hand (beräknat: {computed})",
        "da": "{value}, sat manuelt (beregnet: {computed})",
    },
    "computed": {"en": "computed", "sv": "beräknat", "da": "beregnet"},
    "participants.n": {"en": "n", "sv": "n", "da": "n"},
    "spread": {"en": "Spread", "sv": "Spridning", "da": "Spredning"},
    "note": {"en": "Note", "sv": "Anmärkning", "da": "Bemærkning"},
    "none": {"en": "None yet.", "sv": "Inga ännu.", "da": "Ingen endnu."},
    "backing": {"en": "{n} of {N} customers", "sv": "{n} av {N} kunder", "da": "{n} af {N} kunder"},
    "backing.short": {"en": "{n}/{N}", "sv": "{n}/{N}", "da": "{n}/{N}"},
    "backing.short.staff": {"en": "staff {s}", "sv": "personal {s}", "da": "personale {s}"},
    "hypothesis": {"en": "hypothesis", "sv": "hypotes", "da": "hypotese"},
    "heart": {"en": "heart", "sv": "hjärta", "da": "hjerte"},
    "cloud": {"en": "thundercloud", "sv": "åskmoln", "da": "tordensky"},
    "moments.intro": {
        "en": "Where the most is at stake in the relationship. Each is a heading for a design problem.",
        "sv": "Där mest står på spel i relationen. Vart och ett är en rubrik för ett designproblem.",
        "da": "Hvor der er mest på spil i relationen. Hvert er en overskrift for et designproblem.",
    },
    "design_question": {"en": "Design question", "sv": "Designfråga", "da": "Designspørgsmål"},
    "backstage.intro": {
        "en": "What the customer does not see but that creates the experience.",
        "sv": "Det kunden inte ser men som skapar upplevelsen.",
        "da": "Det, kunden ikke ser, men som skaber oplevelsen.",
    },
    "backstage.people": {"en": "People and teams", "sv": "Människor och team", "da": "Mennesker og teams"},
    "backstage.policy": {"en": "Policies", "sv": "Policyer", "da": "Politikker"},
    "backstage.system": {"en": "Systems", "sv": "System", "da": "Systemer"},
    "backstage.employee": {
        "en": "The employees' experience",
        "sv": "Medarbetarnas upplevelse",
        "da": "Medarbejdernes oplevelse",
    },
    "backstage.other": {"en": "Other", "sv": "Övrigt", "da": "Andet"},
    "hyp.heading": {
        "en": "What the interviews did to the hypothesis",
        "sv": "Vad intervjuerna gjorde med hypotesen",
        "da": "Hvad interviewene gjorde ved hypotesen",
    },
    "hyp.intro": {
        "en": "The hypothesis journey drafted before the interviews ({n} items, kept {date}), item by item "
        "against the map now.",
        "sv": "Hypotesresan som skissades före intervjuerna ({n} punkter, sparad {date}), punkt för punkt "
        "mot kartan nu.",
        "da": "Hypoteserejsen, der blev skitseret før interviewene ({n} punkter, gemt {date}), punkt for punkt "
        "mod kortet nu.",
    },
    "hyp.confirmed": {"en": "Confirmed", "sv": "Bekräftat", "da": "Bekræftet"},
    "hyp.contradicted": {"en": "Contradicted", "sv": "Motsagt", "da": "Modsagt"},
    "hyp.unbacked": {"en": "Still unbacked", "sv": "Fortfarande utan stöd", "da": "Stadig uden belæg"},
    "hyp.removed": {
        "en": "Removed, not called contradicted",
        "sv": "Borttaget, inte kallat motsagt",
        "da": "Fjernet, ikke kaldt modsagt",
    },
    "hyp.new": {"en": "New: what no one expected", "sv": "Nytt: det ingen väntade sig", "da": "Nyt: det ingen ventede"},
    "hyp.as": {"en": "now {title}", "sv": "nu {title}", "da": "nu {title}"},
    "checks": {"en": "Open method checks", "sv": "Öppna metodkontroller", "da": "Åbne metodetjek"},
    "checks.none": {
        "en": "No open checks: the map follows the method.",
        "sv": "Inga öppna kontroller: kartan följer metoden.",
        "da": "Ingen åbne tjek: kortet følger metoden.",
    },
    "check": {"en": "Check", "sv": "Kontroll", "da": "Tjek"},
    "severity": {"en": "Severity", "sv": "Nivå", "da": "Niveau"},
    "severity.warning": {"en": "warning", "sv": "varning", "da": "advarsel"},
    "severity.info": {"en": "info", "sv": "info", "da": "info"},
    "finding": {"en": "Finding", "sv": "Iakttagelse", "da": "Iagttagelse"},
    "subject": {"en": "Concerns", "sv": "Gäller", "da": "Vedrører"},
    "appendix": {"en": "Appendix: evidence", "sv": "Bilaga: underlag", "da": "Bilag: belæg"},
    "appendix.intro": {
        "en": "Every map item with the interview notes that back it (participant code and time in the interview).",
        "sv": "Varje punkt på kartan med de intervjuanteckningar som stöder den (deltagarkod och tid i intervjun).",
        "da": "Hvert punkt på kortet med de interviewnoter, der understøtter det (deltagerkode og tid i interviewet).",
    },
    "verified": {
        "en": "verified against the transcript",
        "sv": "kontrollerat mot transkriptet",
        "da": "kontrolleret mod transskriptionen",
    },
    "no_phase": {"en": "Not in a phase yet", "sv": "Inte i någon fas ännu", "da": "Ikke i en fase endnu"},
    "quotes": {"en": "Quotes", "sv": "Citat", "da": "Citater"},
    "touchpoints": {"en": "Touchpoints", "sv": "Kontaktpunkter", "da": "Kontaktpunkter"},
    "channels": {"en": "Channels", "sv": "Kanaler", "da": "Kanaler"},
    "kind.touchpoint": {"en": "touchpoint", "sv": "kontaktpunkt", "da": "kontaktpunkt"},
    "kind.moment": {"en": "moment of truth", "sv": "sanningens ögonblick", "da": "sandhedens øjeblik"},
    "kind.backstage": {"en": "backstage", "sv": "backstage", "da": "backstage"},
    "csv.interview": {"en": "interview", "sv": "intervju", "da": "interview"},
    "csv.participant": {"en": "participant", "sv": "deltagare", "da": "deltager"},
    "csv.t": {"en": "t", "sv": "tid (h:mm:ss)", "da": "tid (t:mm:ss)"},
    "csv.seconds": {"en": "seconds", "sv": "sekunder", "da": "sekunder"},
    "csv.kinds": {"en": "kinds", "sv": "typ", "da": "type"},
    "csv.valence": {"en": "valence", "sv": "känsla", "da": "følelse"},
    "csv.channels": {"en": "channels", "sv": "kanaler", "da": "kanaler"},
    "csv.tags": {"en": "tags", "sv": "taggar", "da": "tags"},
    "csv.theme": {"en": "theme", "sv": "tema", "da": "tema"},
    "csv.phase": {"en": "phase", "sv": "fas", "da": "fase"},
    "csv.map_item": {"en": "map item", "sv": "punkt på kartan", "da": "punkt på kortet"},
    "csv.text": {"en": "text", "sv": "text", "da": "tekst"},
    "csv.remark": {"en": "remark", "sv": "kommentar", "da": "kommentar"},
    "note.quote": {"en": "quote", "sv": "citat", "da": "citat"},
    "note.touchpoint": {"en": "touchpoint", "sv": "kontaktpunkt", "da": "kontaktpunkt"},
    "note.moment": {"en": "moment", "sv": "sanningens ögonblick", "da": "sandhedens øjeblik"},
    "note.backstage": {"en": "backstage", "sv": "backstage", "da": "backstage"},
    "note.question": {"en": "question", "sv": "följdfråga", "da": "opfølgende spørgsmål"},
    "curve.alt": {
        "en": "Emotion curve of the customers, phase by phase (−2 to +2): {points}",
        "sv": "Kundernas känslokurva fas för fas (−2 till +2): {points}",
        "da": "Kundernes følelseskurve fase for fase (−2 til +2): {points}",
    },
    "staff.alt": {
        "en": "The staff's feelings, phase by phase (−2 to +2): {points}",
        "sv": "Personalens känslor fas för fas (−2 till +2): {points}",
        "da": "Medarbejdernes følelser fase for fase (−2 til +2): {points}",
    },
    "keywords": {
        "en": "customer journey; journey map",
        "sv": "kundresa; kundresekarta",
        "da": "kunderejse; kunderejsekort",
    },
    "contents": {"en": "Contents", "sv": "Innehåll", "da": "Indhold"},
}

_WORDS.update(CHANGE_WORDS)  # type: ignore[arg-type]


class Labels:
    """The report's fixed words in one language: ``labels["purpose"]``, ``labels.f("backing", n=3, N=8)``."""

    def __init__(self, language: str) -> None:
        self.language: Language = language if language in LANGUAGES else "en"  # type: ignore[assignment]

    def __getitem__(self, key: str) -> str:
        return _WORDS[key][self.language]

    def f(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    def number(self, text: str) -> str:
        """A printed number in the language's form: ``+1,3`` in Swedish and Danish, ``+1.3`` in English."""
        return decimal(text, self.language)

    def quoted(self, text: str) -> str:
        """``text`` in the language's quotation marks (quotes are always marked as quotes)."""
        return in_quotes(text, self.language)


def keys() -> list[str]:
    return list(_WORDS)
