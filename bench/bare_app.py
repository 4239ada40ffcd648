"""The floor the benchmarks compare trodden with: a bare Textual app (Header, a DataTable of
the same notes, Footer), started and driven the same way as trodden, in a pty.

    python bench/bare_app.py EXPORT.json [--participant P9] [--write STUDY] [--interviews]

It reads the study's JSON export (stdlib ``json``) and shows one row a note (with
``--interviews``: one row an interview, as trodden's study screen lists them), and a
one-line Static under the table. Key ``1`` writes "marked N" into that line: the floor of a
key round trip, the least any app must draw. Key ``2`` writes it into the highlighted row
instead, for reference (on 20,000 rows the DataTable takes ~100 ms more for that). The
DataTable's own keys (down, up: its cursor moves a row) are the app's natural key round
trip, measured by bench/map.py as a second reference floor. With
``--write STUDY`` an Input at the bottom saves each line durably in a thread worker with
trodden's own store (the same durable write as capture), then shows it in the Static line.
(Appending it to the table or to a scrolled Log cost the floor 70-120 ms more.)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static


class Saved(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Bare(App):
    BINDINGS = [("1", "mark", "Mark"), ("2", "mark_row", "Mark row")]
    CSS = "DataTable { height: 1fr; }"

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__()
        self.args = args
        self.marked = 0
        self.session = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Static(id="status")
        if self.args.write:
            yield Input(placeholder="a note")
        yield Footer()

    def on_mount(self) -> None:
        document = json.loads(Path(self.args.export).read_text(encoding="utf-8"))
        rows = [
            (record["participant"], f"{int(note['t']) // 60:02d}:{int(note['t']) % 60:02d}", note["text"])
            for record in document["interviews"]
            if self.args.participant in (None, record["participant"])
            for note in record["notes"]
        ]
        table = self.query_one(DataTable)
        if self.args.interviews:
            table.add_columns("Interview", "Participant", "Date", "Status", "Notes")
            table.add_rows(
                (r["id"], r["participant"], r["date"], r["status"], str(len(r["notes"])))
                for r in document["interviews"]
            )
            return
        table.add_columns("Who", "Time", "Note")
        table.add_rows(rows)
        if self.args.write:
            self.query_one(Input).focus()
            self.open_store()

    def action_mark(self) -> None:
        self.marked += 1
        self.query_one("#status", Static).update(f"marked {self.marked}")

    def action_mark_row(self) -> None:
        table = self.query_one(DataTable)
        self.marked += 1
        table.update_cell_at((table.cursor_row, 2), f"marked {self.marked}")

    @work(thread=True, exclusive=True, group="store")
    def open_store(self) -> None:
        from trodden.models.storage.store import StudyStore

        store = StudyStore.open(Path(self.args.write))
        self.session = store.open_interview(store.find_interview(self.args.participant).id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        self.save(event.value)

    @work(thread=True, group="store")
    def save(self, line: str) -> None:
        from trodden.models.notes.syntax import parse

        self.session.add_note(parse(line), raw=line)  # journal line + fdatasync, as capture
        self.post_message(Saved(line))

    def on_saved(self, message: Saved) -> None:
        self.query_one("#status", Static).update(f"{self.args.participant} {message.text}")

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--participant", default=None, help="only this participant's notes")
    parser.add_argument(
        "--write", default=None, metavar="STUDY", help="save typed lines to the participant's interview"
    )
    parser.add_argument("--interviews", action="store_true", help="one row an interview instead of a note")
    Bare(parser.parse_args()).run()


if __name__ == "__main__":
    main()
