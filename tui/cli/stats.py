"""``trodden stats DIR``: n of N customers per item, tag and channel, and saturation."""

from __future__ import annotations

import argparse

from trodden.models.names import visible
from trodden.tui.i18n import _
from trodden.tui.widgets.charts import bar

from .common import add_study_arg, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "stats",
        help=_("how many customers back each item, tag and channel; what each interview added"),
        description=(
            _(
                "Counts of customers (n of N; staff interviews are not counted) per map item, tag and channel, "
                "and saturation per interview."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument("--lang", choices=["en", "sv", "da"], default=None, help=_("language of the output"))
    parser.add_argument(
        "--width",
        type=bar_width,
        default=30,
        metavar="COLUMNS",
        help=f"width of the saturation bars, {MIN_WIDTH} to {MAX_WIDTH} (default 30)",
    )
    parser.set_defaults(run=run)


MIN_WIDTH, MAX_WIDTH = 5, 300
"""Bars narrower than 5 columns show nothing; wider than a wide terminal only wrap (and a
huge width would build huge strings)."""


def bar_width(value: str) -> int:
    """``--width``: a whole number of columns in a sane range, else a usage error (exit 2)."""
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a whole number of columns").format(value=repr(value))
        ) from None
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        wrong = _("{width} is not a bar width from {low} to {high} columns")
        raise argparse.ArgumentTypeError(wrong.format(width=width, low=MIN_WIDTH, high=MAX_WIDTH))
    return width


def stats_lines(loaded, width: int = 30, language: str | None = None) -> list[str]:
    """The report's lines, in ``language`` (the study's unless given)."""
    from trodden.models.stats import backing_counts, backing_sections, saturation, saturation_verdict
    from trodden.models.stats_words import word

    lang = language or loaded.data.study.language
    rows = backing_counts(loaded.index, loaded.journey)
    lines: list[str] = []
    of = word(lang, "of")
    for kind, section in backing_sections(rows):
        lines.append(word(lang, f"heading.{kind}"))
        if not section:
            lines.append(f"  {word(lang, 'none')}")
        for row in section:
            prefix = "#" if kind == "tag" else "@" if kind == "channel" else ""
            lines.append(f"  {row.n:>3} {of:<2} {row.total:<3} {prefix}{visible(row.label)}")
        lines.append("")
    yields = saturation(loaded.interviews, loaded.index, loaded.journey)
    lines.append(word(lang, "saturation"))
    if not yields:
        lines.append(f"  {word(lang, 'no-interviews')}")
    peak = max((y.new for y in yields), default=0)
    items, tags = word(lang, "items"), word(lang, "tags")
    for y in yields:
        bars = bar(y.new_items, peak, width) + ("▒" * round(y.new_tags / peak * width) if peak else "")
        lines.append(f"  {visible(y.interview):<24} +{y.new_items:<3} {items} +{y.new_tags:<3} {tags}  {bars}")
    scope = loaded.data.study.scope
    verdict = saturation_verdict(loaded.interviews, loaded.index, loaded.journey, scope)
    lines += ["", word(lang, "enough", scope=word(lang, f"scope.{scope.value}"))]
    lines.append(f"  {verdict.guidance_text(lang)}")
    lines.append(f"  {verdict.verdict_text(lang)}")
    if verdict.verdict == "too early":
        explained = word(lang, "explain.early", window=verdict.window)
    else:
        explained = word(lang, "explain", new=verdict.new, found=verdict.found, window=verdict.window)
    lines += [f"  {line}" for line in explained.splitlines()]
    return lines


def run(args) -> int:
    from trodden.models.map.evidence import load_study_map
    from trodden.models.map.journey_map import JourneyMap
    from trodden.models.map.map_session import read_study_map as read_map

    store = open_study(args.dir)
    loaded = load_study_map(store, read_map(store) or JourneyMap())  # read_map names damaged lines
    status = left_out(store, loaded.problems)
    say("\n".join(stats_lines(loaded, args.width, getattr(args, "lang", None))))
    return status
