"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import (
    capture,
    check,
    clean,
    demo,
    export,
    guide,
    import_,
    map,
    new,
    participant,
    sample,
    serve,
    stats,
    transcript,
)

COMMANDS = [
    new,
    participant,
    sample,
    demo,
    import_,
    capture,
    guide,
    serve,
    clean,
    transcript,
    map,
    check,
    stats,
    export,
]
