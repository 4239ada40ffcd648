"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import capture, demo, export, import_, new, sample

COMMANDS = [new, sample, demo, capture, import_, export]
