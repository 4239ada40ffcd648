"""``trodden stats DIR``: n of N customers per item, tag and channel, and saturation."""

from __future__ import annotations

import argparse

from trodden.models.names import visible
from trodden.models.plurals import noun
from trodden.tui.widgets.charts import bar

from .common import add_study_arg, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "stats",
        help="how many customers back each item, tag and channel; what each interview added",
        description=(
            "Counts of customers (n of N; staff interviews are not counted) per map item, tag and channel, "
            "and saturation per interview."
        ),
    )
    add_study_arg(parser)
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
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of columns") from None
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is not a bar width from {MIN_WIDTH} to {MAX_WIDTH} columns")
    return width


def stats_lines(loaded, width: int = 30) -> list[str]:
    from trodden.models.stats import backing_counts, saturation, saturation_verdict

    rows = backing_counts(loaded.index, loaded.journey)
    lines: list[str] = []
    for kind, heading in (("item", "Map items"), ("tag", "Tags"), ("channel", "Channels")):
        section = [row for row in rows if row.kind == kind]
        lines.append(f"{heading} (customers, n of N: staff interviews are not counted)")
        if not section:
            lines.append("  none yet")
        for row in section:
            prefix = "#" if kind == "tag" else "@" if kind == "channel" else ""
            lines.append(f"  {row.n:>3} of {row.total:<3} {prefix}{visible(row.label)}")
        lines.append("")
    yields = saturation(loaded.interviews, loaded.index, loaded.journey)
    lines.append("Saturation: what each interview added (in date order; █ new items, ▒ new tags)")
    if not yields:
        lines.append("  no interviews yet")
    peak = max((y.new for y in yields), default=0)
    for y in yields:
        items = bar(y.new_items, peak, width)
        tags = "▒" * round(y.new_tags / peak * width) if peak else ""
        lines.append(
            f"  {visible(y.interview):<24} +{y.new_items:<3} {noun(y.new_items, 'item'):<5} +{y.new_tags:<3} {noun(y.new_tags, 'tag'):<4}  {items}{tags}"
        )
    verdict = saturation_verdict(loaded.interviews, loaded.index, loaded.journey, loaded.data.study.scope)
    lines += ["", f"Enough interviews? ({loaded.data.study.scope.value} journey)"]
    lines.append(f"  {verdict.guidance_text()}")
    lines.append(f"  {verdict.verdict_text()}")
    if verdict.verdict == "too early":
        lines.append(f"  (likely once the last {verdict.window} customer interviews add under 10% new map")
        lines.append("  items, tags and channels)")
    else:
        lines.append(f"  ({verdict.new} of {verdict.found} map items, tags and channels were new in the last")
        lines.append(f"  {verdict.window} customer interviews; under 10% means saturation likely)")
    return lines


def run(args) -> int:
    from trodden.models.interchange import read_map
    from trodden.models.map.evidence import load_study_map
    from trodden.models.map.journey_map import JourneyMap

    store = open_study(args.dir)
    loaded = load_study_map(store, read_map(store) or JourneyMap())  # read_map names damaged lines
    status = left_out(store, loaded.problems)
    say("\n".join(stats_lines(loaded, args.width)))
    return status
