"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import clean, demo, export, import_, new, sample

COMMANDS = [new, sample, demo, import_, clean, export]
