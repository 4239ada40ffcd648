"""``trodden study DIR show`` and ``trodden study DIR set KEY VALUE``: the study's settings after ``new``.

Written through the locked read-modify-write of the study file, so a capture or a map open
elsewhere keeps its own changes. Participants have their own command (``trodden participant``).
"""

from __future__ import annotations

from trodden.tui.i18n import _

from .common import add_study_arg, open_study, say


def register(sub) -> None:
    from_keys = (
        "name, purpose, scope (whole|episode), state (current|target|none), language (en|sv|da), redaction-terms,"
        " author, bullets-are-clouds (yes|no: a pasted line's leading '- ' is a thundercloud, or a list bullet)"
    )
    parser = sub.add_parser(
        "study",
        help=_(
            "show or change the study's settings (name, purpose, scope, state, language, redaction terms, author,"
            " bullets-are-clouds)"
        ),
        description=(
            f"Show or change what 'trodden new' set: {from_keys}. "
            "Participants are changed with 'trodden participant DIR add|edit|list'."
        ),
    )
    add_study_arg(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="show|set")
    actions.add_parser("show", help=_("show the study's settings"), description=_("Show the study's settings."))
    setter = actions.add_parser(
        "set",
        help=_("change one setting"),
        description=f"Change one setting: {from_keys}. Example: trodden study DIR set state current",
    )
    setter.add_argument("key", metavar="KEY", help=from_keys)
    setter.add_argument("value", metavar="VALUE", help=_("the new value ('' to empty a text)"))
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.errors import StoreError
    from trodden.models.settings import KEYS, SettingError, apply_setting, current_value, normal_key

    store = open_study(args.dir)
    if args.action == "show":
        width = max(len(key) for key in KEYS)
        for key in KEYS:
            say(f"{key.ljust(width)}  {current_value(store.data, key) or _('(not set)')}")
        say(f"{'participants'.ljust(width)}  {len(store.participants)} ('trodden participant DIR list')")
        return 0
    try:
        key = normal_key(args.key)
        before = current_value(store.data, key)
        data = store.update(lambda data: apply_setting(data, key, args.value))
    except SettingError as error:
        raise StoreError(str(error)) from None
    after = current_value(data, key)
    say(f"{key}: {after or _('(not set)')}" + ("" if after != before else " " + _("(unchanged)")))
    return 0
