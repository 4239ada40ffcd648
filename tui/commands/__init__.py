"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import capture, clean, demo, export, guide, import_, new, sample, serve

COMMANDS = [new, sample, demo, import_, capture, guide, serve, clean, export]
