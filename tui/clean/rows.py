"""How a note looks in the clean screen: table cells and the detail panel (Rich Text only).

User text is never markup: it becomes ``Text`` with control characters made visible,
and personal details found by the redactor are highlighted on top.
"""

from __future__ import annotations

from rich.text import Text

from trodden.models.domain import Kind, Note
from trodden.models.names import visible
from trodden.models.notes.cleaning import original_text, quote_changed, text_changed
from trodden.models.notes.marks import KIND_SYMBOLS, feeling_symbol
from trodden.models.notes.redaction import LIKELY_NAME, Redactor
from trodden.tui.i18n import _, ngettext

REDACTION_STYLE = "bold black on rgb(255,170,120)"
LIKELY_NAME_STYLE = "bold black on rgb(255,225,110) underline"
"""A likely name waits for a person: ``a`` makes it a redaction term, ``o`` says it is not a name.
Exports replace it either way until then."""
DELETED_STYLE = "dim strike"


def mm_ss(seconds: float) -> str:
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def highlighted(text: str, redactor: Redactor, *, one_line: bool = False) -> Text:
    """``text`` made visible, personal details highlighted (same positions as ``text``)."""
    shown = visible(text)
    if one_line:
        shown = shown.replace("\n", "⏎").replace("\t", " ")
    result = Text(shown)
    for span in redactor.find(text):
        style = LIKELY_NAME_STYLE if span.kind == LIKELY_NAME else REDACTION_STYLE
        result.stylize(style, span.start, span.end)
    return result


def marks(note: Note) -> Text:
    """The note's symbols as capture shows them (``♥♥❝◆``: one vocabulary, ``models/notes/marks.py``);
    the editor below shows the same note as the syntax it is typed in."""
    text = Text()
    if note.valence:
        text.append(feeling_symbol(note.valence), style="bold red" if note.valence > 0 else "bold bright_blue")
    for kind in note.kinds:
        text.append(KIND_SYMBOLS[kind], style="bold cyan")
    return text


def flags(note: Note) -> Text:
    if note.deleted:
        return Text(_("deleted"), style="red")
    if note.has(Kind.QUOTE):
        if note.checked:
            return Text(_("✓ verbatim"), style="green")
        if quote_changed(note):
            return Text(_("✎ changed"), style="bold yellow")
        return Text(_("unchecked"), style="dim")
    if text_changed(note):
        return Text(_("edited"), style="dim")
    return Text("")


def cells(note: Note, redactor: Redactor, themes: dict[str, str], phases: dict[str, str]) -> list[Text]:
    row = [
        Text(mm_ss(note.t), style="dim"),
        marks(note),
        highlighted(note.text + (f" — {note.remark}" if note.remark else ""), redactor, one_line=True),
        Text(visible(themes.get(note.theme or "", "")), style="italic"),
        Text(visible(phases.get(note.phase or "", ""))),
        flags(note),
    ]
    if note.deleted:
        for cell in row:
            cell.stylize(DELETED_STYLE)
    return row


def detail(note: Note | None, redactor: Redactor, themes: dict[str, str], phases: dict[str, str]) -> Text:
    """The selected note in full: words (highlighted), where it sits, what changed."""
    if note is None:
        return Text(_("No note selected."), style="dim")
    text = Text()
    text.append(f"{mm_ss(note.t)}  ", style="bold")
    text.append_text(marks(note))
    text.append("  ")
    text.append_text(highlighted(note.text, redactor))
    if note.remark:  # a quote's words after its closing mark: the note-taker's, not verbatim
        text.append(" — ", style="dim")
        text.append_text(highlighted(note.remark, redactor))
    where = []
    if note.theme:
        where.append(_("theme:") + " " + visible(themes.get(note.theme, note.theme)))
    if note.phase:
        where.append(_("phase:") + " " + visible(phases.get(note.phase, note.phase)))
    if note.channels:
        where.append(_("channels:") + " " + ", ".join("@" + visible(c) for c in note.channels))
    if note.tags:
        where.append(_("tags:") + " " + ", ".join("#" + visible(t) for t in note.tags))
    if where:
        text.append("\n" + " · ".join(where), style="dim")
    if text_changed(note):
        text.append("\n" + _("as typed:") + " ", style="yellow")
        text.append_text(highlighted(original_text(note), redactor))
    found = redactor.find(note.text)
    if found:
        kinds = sorted({span.kind for span in found})
        text.append(
            "\n"
            + ngettext(
                "{n} personal detail ({kinds}): replaced by a marker in exports",
                "{n} personal details ({kinds}): replaced by markers in exports",
                len(found),
            ).format(n=len(found), kinds=", ".join(kinds)),
            style=REDACTION_STYLE,
        )
    likely = [note.text[span.start : span.end] for span in found if span.kind == LIKELY_NAME]
    if likely:
        text.append("\n" + _("likely name: {name}").format(name=visible(likely[0])), style=LIKELY_NAME_STYLE)
        text.append(_("  a: a name, redact it in every interview · o: not a name"), style="dim")
    return text
