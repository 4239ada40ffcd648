"""``trodden new DIR --name NAME [--phase NAME]... [--guide GUIDE.md] [--participant CODE:ROLE:TYPE]...``"""

from __future__ import annotations

import argparse
from pathlib import Path

from trodden.models.errors import StoreError
from trodden.tui.i18n import _, quoted

from .common import add_study_arg, info, warn


def register(sub) -> None:
    parser = sub.add_parser("new", help=_("create a new study"), description=_("Create a new study folder."))
    add_study_arg(parser)
    parser.add_argument("--name", required=True, help=_("the journey's name, from the customer's side"))
    parser.add_argument("--purpose", default="", help=_("what the map is for"))
    parser.add_argument("--scope", choices=["whole", "episode"], default="whole")
    parser.add_argument("--state", choices=["current", "target"], default=None)
    parser.add_argument("--language", choices=["en", "sv", "da"], default="en", help=_("language of the notes"))
    parser.add_argument("--author", default="", help=_("the author named in the study's Word files"))
    parser.add_argument("--phase", action="append", default=[], metavar="NAME", help=_("a phase (repeat, in order)"))
    parser.add_argument(
        "--guide", type=Path, metavar="GUIDE.md", help=_("interview guide: headings are themes, list items questions")
    )
    parser.add_argument(
        "--participant",
        action="append",
        default=[],
        type=participant_spec,
        metavar="CODE[:ROLE[:TYPE]]",
        help=(
            _(
                "a participant planned (repeat): P1:customer:'first-time buyer' (TYPE: the customer type) or "
                "P7:staff:warehouse (TYPE: the team); ROLE defaults to customer"
            )
        ),
    )
    parser.set_defaults(run=run)


def participant_spec(value: str):
    """``--participant``: refused with its reason, never silently changed."""
    from trodden.models.participants import parse_spec

    try:
        return parse_spec(value)
    except StoreError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args) -> int:
    from trodden.models.domain import Phase, Study
    from trodden.models.guide.markdown import read_guide_file
    from trodden.models.settings import SettingError, one_line
    from trodden.models.storage.store import StudyStore

    try:  # the same rule as 'trodden study DIR set' and the settings screen: one line each
        for what, value in (("name", args.name), ("purpose", args.purpose), ("author", args.author)):
            one_line(what, value)
        for name in args.phase:
            one_line("phase name", name)
    except SettingError as error:
        raise StoreError(str(error)) from None

    guide = None
    if args.guide:
        guide, warning = read_guide_file(args.guide)  # a named StoreError if it is no text file
        if warning:
            warn(warning)
        if not guide.themes:
            raise StoreError(_("{file} has no themes (each Markdown heading is a theme)").format(file=args.guide))
    phases = [Phase(id=f"ph{i}", name=name, order=i) for i, name in enumerate(args.phase, start=1) if name.strip()]
    study = Study(
        name=args.name,
        purpose=args.purpose,
        scope=args.scope,
        state=args.state,
        language=args.language,
        author=" ".join(args.author.split()),
    )
    StudyStore.create(args.dir, study, phases, guide, planned(args.participant))
    info(_("created study {name} in {folder}").format(name=quoted(args.name), folder=args.dir))
    return 0


def planned(people: list) -> list:
    """The participants given, each once (a code twice is refused), types spelled as first given."""
    from trodden.models.participants import match_type

    kept: list = []
    for person in people:
        if any(other.code.casefold() == person.code.casefold() for other in kept):
            raise StoreError(_("participant {code} is given twice").format(code=person.code))
        if person.is_staff:
            person.team = match_type(person.team, kept, staff=True)
        else:
            person.segment = match_type(person.segment, kept)
        kept.append(person)
    return kept
