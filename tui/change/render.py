"""What the problem-area screen draws: an area's line and details, an idea's line, the matrix.

Pure functions from the plan and the computed evidence to Rich ``Text``; every user string goes
through ``visible`` (never parsed as markup).
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.change.areas import AreaEvidence, MapSays
from trodden.models.change.plan import Idea, IdeaStatus, ProblemArea, SourceKind
from trodden.models.change.priority import Quadrant, quadrant
from trodden.models.names import visible
from trodden.models.notes.marks import CLOUD
from trodden.tui.i18n import N_, NC_, _, ngettext, pgettext, quoted
from trodden.tui.i18n import number as decimal

QUADRANT = {
    Quadrant.QUICK_WIN: (N_("quick win"), "bold green"),
    Quadrant.BIG_BET: (N_("big bet"), "bold blue"),
    Quadrant.FILL_IN: (N_("fill-in"), "yellow"),
    Quadrant.MONEY_PIT: (N_("money pit"), "red"),
    Quadrant.UNSET: (N_("not prioritised"), "dim"),
}
STATUS_STYLE = {
    IdeaStatus.IDEA: "dim",
    IdeaStatus.TRYING: "yellow",
    IdeaStatus.DECIDED: "cyan",
    IdeaStatus.DONE: "green",
    IdeaStatus.DROPPED: "strike dim",
}
KIND_LABEL = {
    "prototype": N_("prototype"),
    "job_to_be_done": N_("job"),
    "narrative": N_("narrative"),
    "action": N_("action"),
}
STATUS_WORD = {  # in context: an idea that is "done" is not an interview that is
    IdeaStatus.IDEA: NC_("idea status", "idea"),
    IdeaStatus.TRYING: NC_("idea status", "trying"),
    IdeaStatus.DECIDED: NC_("idea status", "decided"),
    IdeaStatus.DONE: NC_("idea status", "done"),
    IdeaStatus.DROPPED: NC_("idea status", "dropped"),
}


def status_word(status: IdeaStatus) -> str:
    """An idea's status in the interface's language (``done`` as an idea is done, not an interview)."""
    return pgettext("idea status", STATUS_WORD.get(status, status.value))


SOURCE_WORD = {
    SourceKind.MOMENT: N_("moment"),
    SourceKind.CLOUD: N_("cloud"),
    SourceKind.PHASE: N_("phase"),
    SourceKind.CLUSTER: N_("cluster"),
}
"""The plan's stored words (English keys) as the interface says them."""


def _signed(value: float | None) -> str:
    return decimal(value) if value is not None else "–"


def area_line(number: int, area: ProblemArea, evidence: AreaEvidence, ideas: int = 0) -> Text:
    """Two lines: ``1. Title`` and ``   I5 E2 quick win · 3/8 customers · 2 ideas``."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{number:>2}. ", style="bold")
    text.append(visible(area.title, one_line=True))
    text.append("\n    ")
    label, style = QUADRANT[quadrant(area)]
    if area.impact is not None and area.effort is not None:
        short = _("I{impact} E{effort}").format(impact=area.impact, effort=area.effort)  # impact, effort
        text.append(short + " ", style="bold")
    text.append(_(label), style=style)
    text.append(f" · {evidence.n}/{evidence.total}", style="cyan")
    count = ngettext("{n} idea", "{n} ideas", ideas)
    text.append(" · " + count.format(n=ideas), style="dim")
    return text


def area_details(
    area: ProblemArea, evidence: AreaEvidence, says: MapSays, phase_name: str, quotes: list[tuple[str, str]]
) -> Text:
    """The selected area: where it comes from, the write-up, quotes, questions, evidence, what the map says."""
    text = Text()
    text.append(visible(area.title), style="bold")
    source = SOURCE_WORD.get(area.source)
    where = (_(source) if source else area.source.value.replace("_", " ")) + (
        f" · {visible(phase_name, one_line=True)}" if phase_name else ""
    )
    text.append(f"\n{where}", style="dim")
    text.append("\n\n" + _("Experience:") + " ", style="bold")
    if area.experience:
        text.append(visible(area.experience))
    else:
        text.append(_("not written yet (w)"), style="dim italic")
    for who, quote in quotes:
        text.append("\n  " + quoted(visible(quote)), style="italic")
        text.append(f" — {visible(who, one_line=True)}", style="dim")
    text.append("\n" + _("Design questions:") + " ", style="bold")
    if area.design_questions:
        for question in area.design_questions:
            text.append(f"\n  • {visible(question)}")
    else:
        text.append(_("none yet (d)"), style="dim italic")
    text.append("\n" + _("Evidence:") + " ", style="bold")
    backing = ngettext("{n} of {total} customer", "{n} of {total} customers", evidence.total)
    text.append(backing.format(n=evidence.n, total=evidence.total), style="cyan")
    types = [(segment, n) for segment, n in evidence.by_type]
    if any(segment for segment, _n in types):
        unknown = _("type not given")
        text.append(": " + ", ".join(f"{visible(s or unknown, one_line=True)} {n}" for s, n in types))
    text.append("\n" + _("The map says:") + " ", style="bold")
    parts = [_("curve in its phase {value}").format(value=_signed(says.depth))]
    if says.clouds:
        parts.append(f"{CLOUD} " + ", ".join(visible(c, one_line=True) for c in says.clouds))
    if says.staff_feeling is not None:
        value = _signed(says.staff_feeling)  # the phase's staff feeling; the area's own staff only when there are any
        if says.staff_backing:
            parts.append(_("staff view {value} ({n} staff)").format(value=value, n=says.staff_backing))
        else:
            parts.append(_("staff view in the phase {value}").format(value=value))
    text.append(" · ".join(parts))
    text.append("\n" + _("Priority:") + " ", style="bold")
    label, style = QUADRANT[quadrant(area)]
    if area.impact is not None and area.effort is not None:
        text.append(_("impact {impact} · effort {effort}").format(impact=area.impact, effort=area.effort) + " · ")
    text.append(_(label), style=style)
    return text


def idea_line(idea: Idea) -> Text:
    """``[trying] AB  job: When I ... → fewer calls``"""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"[{status_word(idea.status)}]", style=STATUS_STYLE[idea.status])
    text.append(f" {visible(idea.owner, one_line=True) or '--':<3} ", style="bold")
    text.append(f"{_(KIND_LABEL[idea.kind.value])}: ", style="magenta")
    text.append(visible(idea.text, one_line=True))
    if idea.effect:
        text.append(f"  → {visible(idea.effect, one_line=True)}", style="green")
    if idea.outcome:
        text.append(f"  ✓ {visible(idea.outcome, one_line=True)}", style="dim")
    return text


CELL = 9


def matrix_text(numbered: list[tuple[int, ProblemArea]], selected: int | None) -> Text:
    """The 5x5 impact/effort grid: impact 5 at the top, effort 1 at the left, the areas' numbers
    in their cells (the selected one highlighted), quick wins top-left."""
    cells: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for number, area in numbered:
        if area.impact is not None and area.effort is not None:
            cells.setdefault((area.impact, area.effort), []).append((number, area.id))
    text = Text(no_wrap=True)
    text.append(_("impact") + "\n", style="bold")
    rule = "   +" + "+".join("-" * CELL for _cell in range(5)) + "+\n"
    for impact in range(5, 0, -1):
        text.append(rule, style="dim")
        text.append(f" {impact} |", style="bold")
        for effort in range(1, 6):
            quick = impact >= 3 and effort < 3
            pit = impact < 3 and effort >= 3
            background = "on #1f3d2b" if quick else "on #3d1f1f" if pit else ""
            entries = cells.get((impact, effort), [])
            shown = Text(justify="center")
            for at, (number, area_id) in enumerate(entries):
                if at:
                    shown.append(",")
                shown.append(str(number), style="reverse bold" if area_id == selected else "bold")
            if len(shown.plain) > CELL:
                shown = Text(shown.plain[: CELL - 1] + "…")
            if background:
                shown.stylize(background)
            pad = max(0, CELL - len(shown.plain))
            text.append(" " * (pad // 2), style=background)
            text.append_text(shown)
            text.append(" " * (pad - pad // 2), style=background)
            text.append("|", style="dim")
        text.append("\n")
    text.append(rule, style="dim")
    text.append("    " + "".join(f"{effort:^{CELL + 1}}" for effort in range(1, 6)) + "\n", style="bold")
    text.append("    " + _("effort") + " →", style="bold")
    text.append("\n    " + _("quick wins top left · big bets top right · money pits bottom right"), style="dim")
    unplaced = [number for number, area in numbered if area.impact is None or area.effort is None]
    if unplaced:
        text.append(
            "\n    " + _("not placed yet: {numbers}").format(numbers=", ".join(str(n) for n in unplaced)),
            style="yellow",
        )
    return text
