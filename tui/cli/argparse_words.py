"""argparse's own words (``usage:``, ``options``, its usage errors) in the command line's language.

argparse looks its sentences up through the module-level ``_`` it took from ``gettext``; ``install``
points that at trodden's catalogue, so ``trodden --help`` in a Swedish study says ``användning:`` and
``alternativ`` around the commands' own (translated) help. The sentences are listed here, exactly as
Python 3.11-3.13 spell them, so the extractor puts them in the catalogue; one argparse rewords in a
later Python simply stays English.
"""

from __future__ import annotations

import argparse

from trodden.tui.i18n import N_, _

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
)


def install() -> None:
    """argparse's lookups go through the interface's catalogue from now on (English: the msgid itself)."""
    argparse._ = _  # type: ignore[attr-defined]
