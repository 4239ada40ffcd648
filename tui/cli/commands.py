"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default. The modules are imported when asked for
(``load``): ``trodden export`` imports the export command only, not the screens' words and
models every other command brings (about a third of a second of start-up).
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

MODULES = (
    "new",
    "open_",
    "study",
    "participant",
    "sample",
    "demo",
    "import_",
    "capture",
    "guide",
    "serve",
    "clean",
    "transcript",
    "map",
    "search",
    "tags",
    "target",
    "check",
    "stats",
    "actions",
    "export",
)
"""The command modules (``tui/cli/<module>.py``) in ``--help`` order."""

NAMES = {module.rstrip("_"): module for module in MODULES}
"""command name (``open``) -> its module (``open_``)."""


def load(name: str) -> ModuleType:
    """The command module of ``name`` (a command name or a module name)."""
    return import_module(f"{__package__}.{NAMES.get(name, name)}")


def __getattr__(name: str) -> list[ModuleType]:
    """``COMMANDS``: every command module, imported (for ``--help`` and tests)."""
    if name == "COMMANDS":
        return [load(module) for module in MODULES]
    raise AttributeError(name)
