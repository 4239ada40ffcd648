"""``trodden import DIR FILE``: read a JSON study export back."""

from __future__ import annotations

from pathlib import Path

from trodden.models.errors import StoreError
from trodden.models.interchange import import_document, load_document

from .common import add_study_arg, info, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "import",
        help="import a JSON study export",
        description="Import FILE into the study DIR (created if it does not exist). A .json file is a trodden study export.",
    )
    add_study_arg(parser)
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.file.suffix.lower() != ".json":
        raise StoreError(f"{args.file}: trodden imports .json study exports")
    document = load_document(args.file)
    store, report = import_document(document, args.dir)
    for line in report:
        warn(line)
    info(f"imported {len(document.interviews) - len(report)} interview(s) into {store.path}")  # report: skipped ones
    return 0
