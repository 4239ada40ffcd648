"""``trodden tags DIR``: every tag and channel with its counts; ``rename`` and ``merge`` across the study."""

from __future__ import annotations

from trodden.tui.i18n import _, ngettext

from .common import add_study_arg, left_out, open_study, say, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "tags",
        help=_("list tags and channels with counts; rename or merge them in every note and on the map"),
        description=(
            _(
                "Without an action: every tag and channel, its notes and n of N customers. 'rename OLD NEW' and"
                " 'merge A B --into B' change every note (a new revision: the words as typed stay in its history) and"
                " the map's hand-set channels; renaming onto a name the study already has merges the two, so it asks"
                " for --merge. Write #name for a tag, @name for a channel (a bare name is looked up)."
                " An interview being captured right now is left as it is, and named."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument(
        "action", nargs="?", choices=["rename", "merge"], help=_("rename OLD NEW, or merge A B --into B")
    )
    parser.add_argument("names", nargs="*", metavar="NAME")
    parser.add_argument("--into", metavar="NAME", help=_("merge: the name they all get"))
    parser.add_argument(
        "--merge", action="store_true", help=_("rename: NEW may be a name the study already has (the two become one)")
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.map.evidence import load_study_map
    from trodden.models.notes.retag import RetagError, token_counts

    store = open_study(args.dir)
    loaded = load_study_map(store, without_damaged_map=True)
    index = loaded.index
    counts = token_counts(list(index.notes.values()), index.participant_of, set(index.staff), len(index.participants))
    if args.action is None:
        for kind in ("tag", "channel"):
            rows = [row for row in counts if row.kind == kind]
            heading = ngettext("{n} tag", "{n} tags", len(rows)) if kind == "tag" else None
            say((heading or ngettext("{n} channel", "{n} channels", len(rows))).format(n=len(rows)))
            for row in rows:
                sign = "#" if kind == "tag" else "@"
                backing = ngettext("{n} of {of} customer", "{n} of {of} customers", row.of).format(
                    n=row.customers, of=row.of
                )
                if row.staff:
                    backing += ", " + ngettext("{n} staff", "{n} staff", row.staff).format(n=row.staff)
                notes = ngettext("{n} note", "{n} notes", row.notes).format(n=row.notes)
                say(f"  {sign + row.name:<24} {notes:>10}  {backing}")
        return left_out(store, loaded.problems)
    try:
        kind, sources, target = _plan(args, {(row.kind, row.name) for row in counts})
    except RetagError as error:
        warn(str(error))
        return 2
    return _apply(store, kind, sources, target)


def _plan(args, known: set[tuple[str, str]]) -> tuple[str, list[str], str]:
    """(kind, sources, target) from ``rename OLD NEW`` or ``merge A B --into B``."""
    from trodden.models.notes.retag import RetagError, clean_name

    if args.action == "rename":
        if len(args.names) != 2 or args.into:
            raise RetagError(_("rename takes two names: trodden tags DIR rename OLD NEW"))
        sources, target = [args.names[0]], args.names[1]
    else:
        if not args.into or not args.names:
            raise RetagError(_("merge takes the names and where they go: trodden tags DIR merge A B --into B"))
        sources, target = list(args.names), args.into
    kinds = {_kind(name, known) for name in [*sources, target]} - {None}
    if len(kinds) > 1:
        raise RetagError(_("a tag and a channel cannot be merged: write #name for tags, @name for channels"))
    kind = kinds.pop() if kinds else "tag"
    missing = [name for name in sources if (kind, name.lstrip("#@").lower()) not in known]
    if missing:
        missing_one = _("no tag called {names} in this study") if kind == "tag" else None
        missing_one = missing_one or _("no channel called {names} in this study")
        raise RetagError(missing_one.format(names=", ".join(missing)))
    cleaned = clean_name(target)  # a name that is no tag is refused here, with its message, before anything changes
    sign = "#" if kind == "tag" else "@"
    taken = (kind, cleaned) in known and cleaned not in {clean_name(name) for name in sources}
    if args.action == "rename" and taken and not args.merge:
        raise RetagError(
            _("{new} already exists: renaming {old} to it would merge the two; add --merge to do that").format(
                new=sign + cleaned, old=sign + clean_name(sources[0])
            )
        )
    return kind, sources, target


def _kind(name: str, known: set[tuple[str, str]]) -> str | None:
    if name.startswith("#"):
        return "tag"
    if name.startswith("@"):
        return "channel"
    bare = name.lower()
    found = {kind for kind, known_name in known if known_name == bare}
    if len(found) > 1:
        from trodden.models.notes.retag import RetagError

        raise RetagError(_("{name} is both a tag and a channel: write #{bare} or @{bare}").format(name=name, bare=bare))
    return found.pop() if found else None


def _apply(store, kind: str, sources: list[str], target: str) -> int:
    from trodden.models.retag import retag

    done = retag(store, kind, sources, target)  # type: ignore[arg-type]
    say(done.summary())
    for line in done.skipped:
        warn(_("skipped {what}").format(what=line))
    return 1 if done.skipped else 0
