"""What a command does first so that it starts fast: no package metadata read at import.

Two libraries trodden imports on almost every command read installed packages' metadata
while they are imported, and ``importlib.metadata`` alone (with ``email``, ``zipfile``,
``tempfile``, ``calendar``... under it) costs ~15-20 ms before any of it is used:

- pydantic's plugin loader imports it at the first model, though with every plugin off
  (``PYDANTIC_DISABLE_PLUGINS``, which trodden sets unless the user did) it never uses it;
- pycrdt asks it for its own version number (``pycrdt.__version__``).

Each gets a stand-in module that gives the same answer without it: no plugins, and the
version written in the name of pycrdt's ``.dist-info`` folder beside it (left to pycrdt when
that folder is not found, or not found once). ``tests/test_cli_startup.py`` checks that the
answers are the ones the real modules give and that pydantic imports nothing else from its
loader.
"""

from __future__ import annotations

import os
import sys
import types
from importlib.util import find_spec

PLUGINS_OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` with which pydantic's ``get_plugins`` returns no plugin."""
PLUGIN_LOADER = "pydantic.plugin._loader"
PYCRDT_VERSION = "pycrdt._version"


def without_package_metadata() -> None:
    """Turn every pydantic plugin off (unless the user set the variable) and put the stand-ins in place."""
    # trodden uses no pydantic plugins; looking for them scans every installed package's
    # entry points at the first model (5-8 ms of each command). A value set by the user stands.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in PLUGINS_OFF and PLUGIN_LOADER not in sys.modules:
        _stand_in(PLUGIN_LOADER, "pydantic's plugin loader, every plugin off", get_plugins=no_plugins)
    version = installed_version("pycrdt")
    if version is not None and PYCRDT_VERSION not in sys.modules and "pycrdt" not in sys.modules:
        _stand_in(PYCRDT_VERSION, "pycrdt's version, from its .dist-info folder", __version__=version)


def no_plugins() -> tuple[()]:
    """What pydantic's ``get_plugins`` returns with every plugin off."""
    return ()


def installed_version(package: str) -> str | None:
    """``package``'s version from the one ``<package>-<version>.dist-info`` folder beside it, or None."""
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):  # pragma: no cover - a broken environment: the package says itself
        return None
    if spec is None or not spec.origin:
        return None
    folder = os.path.dirname(os.path.dirname(spec.origin))
    prefix, suffix = f"{package}-", ".dist-info"
    try:
        found = [name for name in os.listdir(folder) if name.startswith(prefix) and name.endswith(suffix)]
    except OSError:  # pragma: no cover
        return None
    return found[0][len(prefix) : -len(suffix)] if len(found) == 1 else None


def _stand_in(name: str, doc: str, **attributes: object) -> None:
    module = types.ModuleType(name, f"{doc} (a stand-in: trodden.tui.cli.startup)")
    module.__dict__.update(attributes)
    sys.modules[name] = module
