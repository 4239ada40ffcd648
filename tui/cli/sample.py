"""``trodden sample DIR``: write the demo study."""

from __future__ import annotations

from .common import add_study_arg, info


def register(sub) -> None:
    parser = sub.add_parser(
        "sample",
        help="write the sample study to DIR",
        description="Write the sample study (a plant shop's customer journey) to DIR.",
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.sample import write_sample  # only this command needs it: start-up stays light

    store = write_sample(args.dir)
    info(f"wrote the sample study {store.study.name!r} to {args.dir}")
    return 0
