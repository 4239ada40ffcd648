"""``trodden search DIR QUERY``: every note of the study that matches, one line each."""

from __future__ import annotations

import sys

from trodden.tui.i18n import N_, _, ngettext

from .common import add_study_arg, left_out, on_a_terminal, open_study, say, warn

FILTERS = [
    ("--tag", "tag", N_("a tag (#packaging; the start of one is enough)")),
    ("--channel", "channel", N_("a channel (@phone)")),
    ("--kind", "kind", N_("quote, touchpoint, moment, backstage or question")),
    ("--feeling", "feeling", N_("+ ++ - -- positive negative none, or -2..2")),
    ("--participant", "participant", N_("a participant code (P3)")),
    ("--type", "type", N_("part of the customer type (or staff team)")),
    ("--theme", "theme", N_("a guide theme: its number or part of its title")),
    ("--phase", "phase", N_("a journey phase: its number or part of its name")),
]


def register(sub) -> None:
    parser = sub.add_parser(
        "search",
        help=_("find notes by words (any ending), tag, channel, kind, feeling, participant, theme or phase"),
        description=(
            _(
                "Every note of the study, placed on the map or not, that has all the words (växt finds växter and"
                " växterna; the start of a word is enough) and passes every filter. Filters can also be typed in the"
                " query: #tag @channel kind:quote feeling:- p:P3 type:nurse theme:2 phase:home. With no query on a"
                " terminal it opens the search screen."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument("query", nargs="*", metavar="QUERY", help=_("words and typed filters"))
    for flag, name, text in FILTERS:
        parser.add_argument(flag, dest=f"filter_{name}", action="append", default=[], metavar="VALUE", help=_(text))
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.natural_sort import natural_key
    from trodden.models.search.loading import load_search
    from trodden.models.search.query import Query, QueryError, parse_query

    query = Query()
    try:
        for _flag, name, _text in FILTERS:
            for value in getattr(args, f"filter_{name}"):
                query = query.plus(name, value)
        query = parse_query(" ".join(args.query), query)
    except QueryError as error:
        warn(str(error))
        return 2
    if query.is_empty and sys.stdout.isatty() and on_a_terminal():  # nothing asked: the search screen, to type in
        from trodden.tui.app import run_app
        from trodden.tui.search.screen import SearchScreen

        return run_app(args.dir, start=SearchScreen)
    store = open_study(args.dir)
    index, loaded = load_search(store)
    for code in index.unknown_participants(query):
        known = sorted(index.codes(), key=natural_key)
        listed = ", ".join(known) or _("none yet")
        warn(_("no participant {code} in this study ({known})").format(code=code, known=listed))
    hits = index.search(query)
    for hit in hits:
        say(hit_line(hit))
    total = len(index)
    say(ngettext("{n} note of {total} found", "{n} notes of {total} found", len(hits)).format(n=len(hits), total=total))
    return left_out(store, loaded.problems)


def hit_line(hit) -> str:
    """``P2  24:40  ◆☁☁  words  #tags``: who, when, marks and the note as written."""
    from trodden.models.notes.marks import KIND_SYMBOLS, feeling_symbol

    note = hit.note
    whole = max(int(note.t), 0)
    marks = feeling_symbol(note.valence) + "".join(KIND_SYMBOLS[kind] for kind in note.kinds)
    words = note.text.casefold()
    extra = [f"#{tag}" for tag in note.tags if f"#{tag}" not in words]
    extra += [f"@{channel}" for channel in note.channels if f"@{channel}" not in words]
    placed = "  [" + _("on the map") + "]" if hit.items else ""
    return (
        " ".join([f"{hit.participant:<6} {whole // 60:02d}:{whole % 60:02d} {marks:<3}", note.text, *extra]).rstrip()
        + placed
    )
