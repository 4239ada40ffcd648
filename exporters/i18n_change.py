"""The report's fixed words for problem areas, ideas and the target state (en, sv, da).

Kept apart from ``i18n`` only for size; ``i18n.Labels`` reads them like its own words.
"""

from __future__ import annotations

CHANGE_WORDS: dict[str, dict[str, str]] = {
    "areas": {
        "en": "Problem areas and next steps",
        "sv": "Problemområden och nästa steg",
        "da": "Problemområder og næste skridt",
    },
    "areas.intro": {
        "en": "Each moment of truth heads a problem area, written up from the customer's side and prioritised by "
        "the group. Under each: the ideas the team turns it into, who owns them and how far they have come.",
        "sv": "Varje sanningens ögonblick är rubrik för ett problemområde, beskrivet ur kundens perspektiv och "
        "prioriterat av gruppen. Under varje: idéerna som teamet gör av det, vem som äger dem och hur långt de kommit.",
        "da": "Hvert sandhedens øjeblik er overskrift for et problemområde, beskrevet fra kundens side og "
        "prioriteret af gruppen. Under hvert: idéerne, teamet gør det til, hvem der ejer dem, og hvor langt de er.",
    },
    "areas.none": {
        "en": "No problem areas yet: every moment of truth can head one.",
        "sv": "Inga problemområden ännu: varje sanningens ögonblick kan bli rubrik för ett.",
        "da": "Ingen problemområder endnu: hvert sandhedens øjeblik kan blive overskrift for et.",
    },
    "area.experience": {"en": "The customer's experience", "sv": "Kundens upplevelse", "da": "Kundens oplevelse"},
    "area.questions": {"en": "Design questions", "sv": "Designfrågor", "da": "Designspørgsmål"},
    "area.evidence": {"en": "Evidence", "sv": "Underlag", "da": "Belæg"},
    "area.says": {"en": "What the map says", "sv": "Vad kartan säger", "da": "Hvad kortet siger"},
    "area.priority": {"en": "Priority", "sv": "Prioritet", "da": "Prioritet"},
    "area.ideas": {"en": "Ideas and actions", "sv": "Idéer och åtgärder", "da": "Idéer og handlinger"},
    "source.moment": {"en": "moment of truth", "sv": "sanningens ögonblick", "da": "sandhedens øjeblik"},
    "source.cloud": {"en": "thundercloud", "sv": "åskmoln", "da": "tordensky"},
    "source.phase": {"en": "phase", "sv": "fas", "da": "fase"},
    "source.cluster": {"en": "group of items", "sv": "grupp av punkter", "da": "gruppe af punkter"},
    "says.depth": {"en": "curve in the phase {value}", "sv": "kurvan i fasen {value}", "da": "kurven i fasen {value}"},
    "says.clouds": {"en": "thunderclouds: {titles}", "sv": "åskmoln: {titles}", "da": "tordenskyer: {titles}"},
    "says.staff": {
        "en": "staff view {value} ({n} staff behind it)",
        "sv": "personalens vy {value} ({n} medarbetare bakom)",
        "da": "medarbejdernes syn {value} ({n} medarbejdere bag)",
    },
    "says.staff_phase": {
        "en": "staff view in the phase {value}",
        "sv": "personalens vy i fasen {value}",
        "da": "medarbejdernes syn i fasen {value}",
    },
    "impact": {"en": "Impact", "sv": "Nytta", "da": "Gevinst"},
    "effort": {"en": "Effort", "sv": "Insats", "da": "Indsats"},
    "priority.unset": {"en": "not prioritised yet", "sv": "inte prioriterat ännu", "da": "ikke prioriteret endnu"},
    "quadrant.quick_win": {"en": "quick win", "sv": "snabb vinst", "da": "hurtig gevinst"},
    "quadrant.big_bet": {"en": "big bet", "sv": "stor satsning", "da": "stor satsning"},
    "quadrant.fill_in": {"en": "fill-in", "sv": "utfyllnad", "da": "udfyldning"},
    "quadrant.money_pit": {"en": "money pit", "sv": "pengaslukare", "da": "pengesluger"},
    "quadrant.unset": {"en": "not placed", "sv": "ej placerad", "da": "ikke placeret"},
    "matrix": {"en": "Priority matrix", "sv": "Prioriteringsmatris", "da": "Prioriteringsmatrix"},
    "matrix.intro": {
        "en": "Impact (up) against effort (across), 1 to 5, as the group set them; the numbers are the problem areas.",
        "sv": "Nytta (uppåt) mot insats (åt höger), 1 till 5, som gruppen satte dem; siffrorna är problemområdena.",
        "da": "Gevinst (op) mod indsats (hen ad), 1 til 5, som gruppen satte dem; tallene er problemområderne.",
    },
    "matrix.alt": {
        "en": "Priority matrix of impact against effort: {areas}",
        "sv": "Prioriteringsmatris, nytta mot insats: {areas}",
        "da": "Prioriteringsmatrix, gevinst mod indsats: {areas}",
    },
    "idea.prototype": {"en": "Prototype", "sv": "Prototyp", "da": "Prototype"},
    "idea.job_to_be_done": {"en": "Job to be done", "sv": "Jobb att utföra", "da": "Job, der skal udføres"},
    "idea.narrative": {"en": "Narrative", "sv": "Berättelse", "da": "Fortælling"},
    "idea.action": {"en": "Action", "sv": "Åtgärd", "da": "Handling"},
    "status.idea": {"en": "idea", "sv": "idé", "da": "idé"},
    "status.trying": {"en": "trying", "sv": "testas", "da": "afprøves"},
    "status.decided": {"en": "decided", "sv": "beslutad", "da": "besluttet"},
    "status.done": {"en": "done", "sv": "klar", "da": "færdig"},
    "status.dropped": {"en": "dropped", "sv": "struken", "da": "droppet"},
    "idea.kind": {"en": "Kind", "sv": "Typ", "da": "Type"},
    "idea.text": {"en": "Idea", "sv": "Idé", "da": "Idé"},
    "idea.owner": {"en": "Owner", "sv": "Ansvarig", "da": "Ansvarlig"},
    "idea.status": {"en": "Status", "sv": "Status", "da": "Status"},
    "idea.effect": {"en": "Expected effect", "sv": "Förväntad effekt", "da": "Forventet effekt"},
    "idea.outcome": {"en": "What happened", "sv": "Vad som hände", "da": "Hvad der skete"},
    "actions.none": {
        "en": "No ideas or actions yet.",
        "sv": "Inga idéer eller åtgärder ännu.",
        "da": "Ingen idéer eller handlinger endnu.",
    },
    "actions.happened": {"en": "happened: {what}", "sv": "hände: {what}", "da": "skete: {what}"},
    "actions.none_md": {"en": "None yet.", "sv": "Inga ännu.", "da": "Ingen endnu."},
    "actions.area": {"en": "Area", "sv": "Område", "da": "Område"},
    "idea.none": {"en": "No ideas yet.", "sv": "Inga idéer ännu.", "da": "Ingen idéer endnu."},
    "target": {"en": "Current and target state", "sv": "Nuläge och målbild", "da": "Nuværende tilstand og målbillede"},
    "target.intro": {
        "en": "What the target state changes on the current map, which problem area each change answers, and the "
        "two curves. The target curve is set by hand, with the reason; it is a goal, not a finding.",
        "sv": "Vad målbilden ändrar på nulägeskartan, vilket problemområde varje förändring svarar på, och de två "
        "kurvorna. Målkurvan är satt för hand, med motivering; den är ett mål, inte ett resultat.",
        "da": "Hvad målbilledet ændrer på det nuværende kort, hvilket problemområde hver ændring besvarer, og de to "
        "kurver. Målkurven er sat manuelt, med begrundelse; den er et mål, ikke et fund.",
    },
    "target.kept": {
        "en": "{n} items are kept as they are.",
        "sv": "{n} punkter behålls som de är.",
        "da": "{n} punkter beholdes, som de er.",
    },
    "target.none": {
        "en": "No changes marked yet.",
        "sv": "Inga förändringar markerade ännu.",
        "da": "Ingen ændringer markeret endnu.",
    },
    "fate.keep": {"en": "kept", "sv": "behålls", "da": "beholdes"},
    "fate.change": {"en": "changed", "sv": "ändras", "da": "ændres"},
    "fate.remove": {"en": "removed", "sv": "tas bort", "da": "fjernes"},
    "fate.new": {"en": "new", "sv": "ny", "da": "ny"},
    "target.what": {"en": "What", "sv": "Vad", "da": "Hvad"},
    "target.current": {"en": "Current", "sv": "Nuläge", "da": "Nu"},
    "target.target": {"en": "Target", "sv": "Målbild", "da": "Mål"},
    "target.change": {"en": "Change", "sv": "Förändring", "da": "Ændring"},
    "target.answers": {"en": "Answers", "sv": "Svarar på", "da": "Besvarer"},
    "target.curve": {"en": "The two curves", "sv": "De två kurvorna", "da": "De to kurver"},
    "target.reason": {"en": "Reason", "sv": "Motivering", "da": "Begrundelse"},
    "target.legend": {
        "en": "Filled dots and solid line: the current curve. Open dots and dashed line: the target, set by hand.",
        "sv": "Fyllda punkter och heldragen linje: nuläget. Ofyllda punkter och streckad linje: målet, satt för hand.",
        "da": "Fyldte punkter og fuld linje: den nuværende kurve. Åbne punkter og stiplet linje: målet, sat manuelt.",
    },
    "target.alt": {
        "en": "Emotion curve, current and target, phase by phase: {values}",
        "sv": "Känslokurva, nuläge och målbild, fas för fas: {values}",
        "da": "Følelseskurve, nu og mål, fase for fase: {values}",
    },
    "state.target.note": {
        "en": "A target-state map: its items need no interview evidence, so the evidence checks are left out.",
        "sv": "En målbildskarta: punkterna behöver inget stöd i intervjuer, så kontrollerna av underlag görs inte.",
        "da": "Et målbilledkort: punkterne behøver ikke belæg fra interviews, så tjekkene af belæg er udeladt.",
    },
}
