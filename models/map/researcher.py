"""Who is editing the map: a researcher's initials, asked once and kept in the user's config.

They name the researcher's own update file (``map/<who>.updates``) and show on the board as
who last changed an item. Found, first to last: the ``--as`` flag, ``TRODDEN_RESEARCHER``
(tests, tmux), the user config (``researcher.json`` in platformdirs' config folder).
"""

from __future__ import annotations

import getpass
import json
import os
import re
from pathlib import Path

from platformdirs import user_config_dir

from trodden.models.i18n import _
from trodden.models.storage.atomic import atomic_write, make_dir

ENV = "TRODDEN_RESEARCHER"
_INITIALS = re.compile(r"^[^\W_][\w-]{0,11}$")


def config_path() -> Path:
    return Path(user_config_dir("trodden")) / "researcher.json"


def valid(initials: str) -> str | None:
    """The initials as stored (trimmed), or None if they cannot name a file: 1-12 letters, digits, -."""
    text = initials.strip()
    return text if _INITIALS.match(text) else None


def remembered() -> str | None:
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return valid(str(data.get("initials", ""))) if isinstance(data, dict) else None


def current(flag: str | None = None) -> str | None:
    """The researcher's initials, or None when they were never given (ask, then ``remember``)."""
    for candidate in (flag, os.environ.get(ENV)):
        if candidate and valid(candidate):
            return valid(candidate)
    return remembered()


def default() -> str:
    """The initials used when none are given (Esc in the app's dialog): the login name's, or ``anon``."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        login = ""
    return valid(login[:12]) or "anon"


def remember(initials: str) -> str:
    """Keep ``initials`` in the user config; raises ``ValueError`` if they cannot name a file."""
    value = valid(initials)
    if value is None:
        raise ValueError(_("initials are 1-12 letters or digits (a - is allowed), like AB or kari"))
    make_dir(config_path().parent)
    atomic_write(config_path(), json.dumps({"initials": value}, ensure_ascii=False).encode())
    return value
