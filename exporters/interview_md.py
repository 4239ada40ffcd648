"""An interview's notes as CommonMark: what the note-taker mails or pastes to the group.

Only lays out ``InterviewNotes``; every user string goes through ``escape`` or ``cell``,
so a note can never become a heading, a table row or HTML.
"""

from __future__ import annotations

from .interview_notes import ExportNote, InterviewNotes, meta_line, quoted
from .markdown_text import cell, escape, table


def _note_item(note: ExportNote, labels: dict[str, str], *, with_theme: bool = False) -> str:
    head = f"`{note.time}`"
    if note.marks:
        head += " " + escape(note.marks)
    line = f"- {head} {escape(quoted(note, labels))}"
    extras = []
    meta = meta_line(note, labels)
    if with_theme and note.theme:
        meta = f"{note.theme} · {meta}" if meta else note.theme
    if meta:
        extras.append(f"  *{escape(meta)}*")
    if note.as_typed is not None:
        extras.append(f"  *{escape(labels['as_typed'])}:* {escape(note.as_typed)}")
    if extras:
        line += "  \n" + "  \n".join(extras)
    return line


def render_markdown(model: InterviewNotes) -> str:
    labels = model.labels
    out = [f"# {escape(model.title)}", "", f"**{escape(labels['journey'])}:** {escape(model.journey)}", ""]
    out.append(table([cell(label) for label, _ in model.header], [[cell(value) for _, value in model.header]]))
    out.append("")
    for warning in model.warnings:
        out.append(f"> **{escape(warning)}**")
        out.append("")

    for section in model.sections:
        out.append(f"## {escape(section.title)}")
        out.append("")
        out.extend(_note_item(note, labels) for note in section.notes)
        out.append("")
    if not model.sections:
        out.extend([escape(labels["none"]), ""])

    if model.follow_ups:
        out.extend([f"## {escape(labels['follow_ups'])}", ""])
        out.extend(_note_item(note, labels, with_theme=True) for note in model.follow_ups)
        out.append("")
    if model.open_points:
        out.extend([f"## {escape(labels['open_points'])}", ""])
        for note, why in model.open_points:
            out.append(f"- `{note.time}` {escape(quoted(note, labels))} ({escape(why)})")
        out.append("")

    if model.transcript is not None:
        out.extend([f"## {escape(model.transcript.title)}", "", f"*{escape(model.transcript.intro)}*", ""])
        for line in model.transcript.lines:
            who = f" **{escape(line.who)}:**" if line.who else ""
            out.append(f"- `{line.time}`{who} {escape(line.text)}")
        out.append("")
    out.extend([f"## {escape(labels['legend'])}", ""])
    headers = [cell(labels["mark"]), cell(labels["meaning"])]
    out.append(table(headers, [[cell(mark), cell(meaning)] for mark, meaning in model.legend]))
    out.append("")
    return "\n".join(out)
