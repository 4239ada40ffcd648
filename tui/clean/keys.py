"""The clean screen's keys and help text, registered once in the app's action registry.

Kept apart from the screen so the list of what a cleaner can do reads as one page.
"""

from __future__ import annotations

from trodden.tui.actions import Action, in_panel, register
from trodden.tui.i18n import N_

NOTE_KEYS = {
    *("clean.edit", "clean.quote", "clean.touchpoint", "clean.moment", "clean.backstage", "clean.question"),
    *("clean.heart", "clean.cloud", "clean.neutral", "clean.verbatim", "clean.use_said", "clean.widen"),
    *("clean.narrow", "clean.theme", "clean.phase", "clean.merge", "clean.split", "clean.delete"),
    *("clean.name", "clean.not_name"),
}
"""Keys that change the notes table's selected note: the footer shows them while the table has the focus."""
TRANSCRIPT_KEYS = {"clean.quote_line"}
"""Keys that act on the transcript panel's highlighted line: shown while the panel has the focus."""

ACTIONS = register(
    "clean",
    "Cleaning notes",
    in_panel(
        "notes",
        NOTE_KEYS,
        in_panel(
            "transcript",
            TRANSCRIPT_KEYS,
            [
                Action(
                    "clean.edit",
                    "enter,e",
                    "edit",
                    "Edit",
                    "Edit the note's line (capture syntax); enter saves, esc cancels",
                ),
                Action(
                    "clean.quote",
                    "quotation_mark",
                    "toggle_kind('quote')",
                    "Quote",
                    'Mark or unmark as a quote (")',
                    show=False,
                ),
                Action(
                    "clean.touchpoint",
                    "asterisk",
                    "toggle_kind('touchpoint')",
                    "Touchpoint",
                    "Touchpoint on/off (*)",
                    show=False,
                ),
                Action(
                    "clean.moment",
                    "exclamation_mark",
                    "toggle_kind('moment')",
                    "Moment",
                    "Moment of truth on/off (!)",
                    show=False,
                ),
                Action(
                    "clean.backstage",
                    "percent_sign",
                    "toggle_kind('backstage')",
                    "Backstage",
                    "Backstage on/off (%)",
                    show=False,
                ),
                Action(
                    "clean.question",
                    "question_mark",
                    "toggle_kind('question')",
                    "Follow-up",
                    "Follow-up question on/off (?)",
                    show=False,
                ),
                Action("clean.heart", "plus", "valence(1)", "Heart", "One step towards a heart (+)", show=False),
                Action(
                    "clean.cloud", "minus", "valence(-1)", "Cloud", "One step towards a thundercloud (-)", show=False
                ),
                Action("clean.neutral", "0", "clear_valence", "No feeling", "Clear the feeling (0)", show=False),
                Action(
                    "clean.verbatim",
                    "v",
                    "verbatim",
                    "Verbatim",
                    "Mark a quote's words as checked verbatim by hand (again to unmark)",
                ),
                Action(
                    "clean.use_said",
                    "w",
                    "use_said",
                    "Words said",
                    "Replace the quote with the words the transcript says were said (the typed ones stay in its history)",
                    show=False,
                ),
                Action(
                    "clean.widen",
                    "greater_than_sign",
                    "resize_span(1)",
                    "Widen",
                    "Widen the quote's transcript span (>)",
                    show=False,
                ),
                Action(
                    "clean.narrow",
                    "less_than_sign",
                    "resize_span(-1)",
                    "Narrow",
                    "Narrow the quote's transcript span (<)",
                    show=False,
                ),
                Action(
                    "clean.transcript",
                    "T",
                    "toggle_transcript",
                    "Transcript",
                    "Show or hide the transcript around the selected note (tab to walk its lines)",
                    show=False,
                ),
                Action(
                    "clean.quote_line",
                    "q",
                    "quote_from_line",
                    "Line as quote",
                    "Make the transcript line highlighted in the panel a new quote note, at its time",
                ),
                Action(
                    "clean.offset_earlier",
                    "left_square_bracket",
                    "nudge_offset(-5)",
                    "Offset -5 s",
                    "Nudge the transcript's offset 5 seconds earlier ([)",
                    show=False,
                ),
                Action(
                    "clean.offset_later",
                    "right_square_bracket",
                    "nudge_offset(5)",
                    "Offset +5 s",
                    "Nudge the transcript's offset 5 seconds later (])",
                    show=False,
                ),
                Action(
                    "clean.speakers",
                    "m",
                    "speakers",
                    "Speakers…",
                    "Say which transcript speaker is the participant",
                    show=False,
                ),
                Action(
                    "clean.import_transcript",
                    "i",
                    "import_transcript",
                    "Transcript…",
                    "Import the recording's transcript (.vtt, .srt, .docx, .txt); asks before replacing one",
                    show=False,
                ),
                Action("clean.theme", "t", "pick_theme", "Theme", "Move the note to another guide theme"),
                Action("clean.phase", "p", "pick_phase", "Phase", "Place the note in another journey phase"),
                Action("clean.merge", "j", "merge", "Join", "Join the next note onto this one (merge neighbours)"),
                Action(
                    "clean.split",
                    "s",
                    "split",
                    "Split",
                    "Split the note: put the cursor where the second note starts, enter",
                ),
                Action(
                    "clean.delete",
                    "d,delete",
                    "delete",
                    "Delete",
                    "Delete the note (soft: again, or undo, brings it back)",
                ),
                Action("clean.undo", "ctrl+z", "undo", "Undo", "Undo the last change", priority=True),
                Action(
                    "clean.deleted", "x", "toggle_deleted", "Show deleted", "Show or hide deleted notes", show=False
                ),
                Action(
                    "clean.next_flag",
                    "n",
                    "next_flag",
                    "Next to check",
                    "Jump to the next personal detail or unchecked quote",
                    show=False,
                ),
                Action(
                    "clean.redaction",
                    "r",
                    "redaction",
                    "Redact…",
                    "Set the participant's real name and the study's extra words to redact",
                ),
                Action(
                    "clean.name",
                    "a",
                    "confirm_name",
                    "A name",
                    "The note's likely name is a name: add it to the study's redaction terms",
                    show=False,
                ),
                Action(
                    "clean.not_name",
                    "o",
                    "not_a_name",
                    "Not a name",
                    "The note's likely name is not a name in this study (remembered with the study)",
                    show=False,
                ),
                Action(
                    "clean.cleaned", "c", "mark_cleaned", "Cleaned", "Mark the interview cleaned (again: back to done)"
                ),
                Action(
                    "clean.export",
                    "ctrl+e",
                    "export",
                    "Export",
                    "Write the notes for the group (Word and Markdown, redacted) to exports/",
                ),
                Action("clean.back", "escape", "back", "Back", "Leave the editor, or the screen"),
            ],
        ),
    ),
)

HELP_INTRO = N_("""[b]Cleaning an interview's notes[/b]
Walk every note: fix typos and shorthand in its line ([b]enter[/b]), using the capture syntax:
[b]"[/b] quote  [b]+[/b]/[b]++[/b] heart  [b]-[/b]/[b]--[/b] thundercloud  [b]*[/b] touchpoint  [b]![/b] moment  [b]%[/b] backstage  [b]?[/b] follow-up  [b]@channel[/b]  [b]#tag[/b]
Quotes must stay verbatim: [b]✎ changed[/b] means the words differ from what was typed live; check them and press [b]v[/b].
[on rgb(255,170,120)] Highlighted [/] words are personal details (the participant's name, phone numbers, e-mails, ID numbers, IBANs, addresses, the study's redaction terms); exports replace them with markers like \\[name] unless asked otherwise.
[u on rgb(255,225,110)] Likely names [/] are replaced too: [b]a[/b] confirms one (it joins the study's terms), [b]o[/b] says it is not a name.
With the recording's transcript ([b]i[/b] or [b]trodden transcript[/b]), each quote shows [b]✓ verbatim[/b], [b]≈ close[/b] or [b]not found[/b]:
[b]w[/b] takes the words said · [b]<[/b] [b]>[/b] narrow/widen the span · [b]T[/b] the transcript panel ([b]q[/b] makes a line a quote) · [b]\\[[/b] [b]][/b] nudge the offset · [b]m[/b] speakers.
Every change is saved at once and the words as typed stay in the note's history.""")
