"""The ``trodden`` command line: ``main`` parses the arguments, one module per sub-command runs it.

Heavy imports (Textual, python-docx) happen inside the commands that need them, so ``trodden export``,
``check``, ``stats`` and ``--help`` start fast and never load Textual.
"""
