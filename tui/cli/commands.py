"""Every ``trodden`` subcommand, in the order ``--help`` lists them.

A command module has ``register(subparsers)``, which adds its parser and sets
``run=<function(args) -> int>`` as a default.
"""

from . import (
    actions,
    capture,
    check,
    clean,
    demo,
    export,
    guide,
    import_,
    map,
    new,
    open_,
    participant,
    sample,
    search,
    serve,
    stats,
    study,
    tags,
    target,
    transcript,
)

COMMANDS = [
    new,
    open_,
    study,
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
    search,
    tags,
    target,
    check,
    stats,
    actions,
    export,
]
