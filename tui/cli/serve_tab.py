"""``python -m trodden.tui.cli.serve_tab DIR INTERVIEW [--allow-edit-guide]``: what one browser tab runs.

``trodden serve`` starts this (not ``trodden guide``) in a process per tab, with the interview
it resolved once at start. It opens nothing but that interview's guide view, as a served app
(tui/guide/served.py): no overview to fall back to, no other screen, no file import.
Not a ``trodden`` sub-command: nobody types it.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from trodden.models.names import visible
from trodden.tui.i18n import _


class VisibleStderr(io.TextIOBase):
    """This tab's stderr reaches the terminal running ``trodden serve`` (textual-serve copies it
    there): an error quoting study text shows its control characters instead of running them."""

    def __init__(self, target) -> None:
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="trodden-serve-tab", description=_("one served guide view (for trodden serve)")
    )
    parser.add_argument("dir", type=Path)
    parser.add_argument("interview")
    parser.add_argument("--allow-edit-guide", action="store_true")
    parser.add_argument("--ui-lang", choices=("en", "sv", "da"), default=None)
    args = parser.parse_args(argv)
    sys.stderr = VisibleStderr(sys.stderr)

    from trodden.models.errors import StoreError
    from trodden.tui.app import run_app
    from trodden.tui.guide.screen import GuideScreen
    from trodden.tui.guide.served import Served

    interview_id: str = args.interview
    try:
        return run_app(
            args.dir,
            start=lambda store: GuideScreen(store, interview_id),
            served=Served(allow_edit_guide=args.allow_edit_guide),
            ui_lang=args.ui_lang,
        )
    except StoreError as error:
        print(f"trodden: error: {error}", file=sys.stderr)  # through VisibleStderr
        return 1


if __name__ == "__main__":
    sys.exit(main())
