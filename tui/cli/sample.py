"""``trodden sample DIR``: write the demo study."""

from __future__ import annotations

from .common import add_study_arg, info


def add_lang_arg(parser) -> None:
    parser.add_argument(
        "--lang",
        choices=("en", "sv", "da"),
        default="en",
        help="the study's language: en (default), sv (Swedish) or da (Danish)",
    )


def register(sub) -> None:
    parser = sub.add_parser(
        "sample",
        help="write the sample study to DIR",
        description="Write the sample study (a plant shop's customer journey, finished up to the workshop) to DIR.",
    )
    add_study_arg(parser)
    add_lang_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.sample import write_sample  # only this command needs it: start-up stays light

    store = write_sample(args.dir, args.lang)
    info(f"wrote the sample study {store.study.name!r} to {args.dir}")
    return 0
