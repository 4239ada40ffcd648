"""``trodden sample DIR``: write the demo study."""

from __future__ import annotations

from trodden.tui.i18n import _, quoted

from .common import add_study_arg, info


def add_lang_arg(parser) -> None:
    parser.add_argument(
        "--lang",
        choices=("en", "sv", "da"),
        default="en",
        help=_("the study's language: en (default), sv (Swedish) or da (Danish)"),
    )


def register(sub) -> None:
    parser = sub.add_parser(
        "sample",
        help=_("write the sample study to DIR"),
        description=_("Write the sample study (a plant shop's customer journey, finished up to the workshop) to DIR."),
    )
    add_study_arg(parser)
    add_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.sample import write_sample  # only this command needs it: start-up stays light

    store = write_sample(args.dir, args.lang)
    info(_("wrote the sample study {name} to {folder}").format(name=quoted(store.study.name), folder=args.dir))
    return 0
