"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import check, demo, export, import_, map, new, sample, stats

COMMANDS = [new, sample, demo, import_, export, map, check, stats]
