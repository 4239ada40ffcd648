"""``trodden export DIR --format FORMAT [-o PATH]``"""

from __future__ import annotations

from pathlib import Path

from trodden.exporters.json_export import study_json
from trodden.models.errors import StoreError

from .common import add_study_arg, open_study, warn, write_output

FORMATS = ["json"]


def register(sub) -> None:
    parser = sub.add_parser("export", help="export the study", description="Export the study.")
    add_study_arg(parser)
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: standard output)")
    parser.add_argument(
        "--include-private", action="store_true", help="include participants' real names and redaction terms"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    store = open_study(args.dir)
    if args.format == "json":
        text, problems = study_json(store, include_private=args.include_private)
        for problem in problems:
            warn(f"left out: {problem}")
        write_output(text, args.output)
        return 0
    raise StoreError(f"unknown format {args.format}")  # pragma: no cover
