"""``trodden demo``: the sample study in a fresh folder, opened in the app."""

from __future__ import annotations

from pathlib import Path

from trodden.tui.i18n import _

from .common import add_ui_lang_arg, info, needs_terminal
from .sample import add_lang_arg


def register(sub) -> None:
    parser = sub.add_parser(
        "demo",
        help=_("open the sample study in the app"),
        description=_("Write the sample study into a fresh folder under your data directory and open it."),
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help=_("where to write it (default: a new folder under the user data directory)"),
    )
    add_lang_arg(parser)
    add_ui_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from datetime import datetime

    from platformdirs import user_data_dir

    from trodden.models.sample import write_sample

    needs_terminal("trodden demo")  # before the sample is written: nothing left behind
    folder = args.dir or Path(user_data_dir("trodden")) / f"demo-{datetime.now():%Y%m%d-%H%M%S}"
    store = write_sample(folder, args.lang)
    info(_("sample study written to {folder}").format(folder=folder))
    from trodden.tui.app import run_app

    return run_app(store.path, ui_lang=args.ui_lang)
