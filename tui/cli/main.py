"""The ``trodden`` command line. Each subcommand lives in ``tui/cli/<name>.py``.

Heavy imports (Textual, python-docx) happen inside the commands that need them, so
``trodden export`` and ``--help`` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys

from trodden.models.errors import StoreError
from trodden.models.names import visible
from trodden.tui import i18n
from trodden.tui.i18n import _

from . import argparse_words, commands, startup
from .common import NoTerminal, UsageError, add_ui_lang_arg, say


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line plus a hint, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        said = _("{prog}: error: {message} (see '{prog} --help')").format(prog=self.prog, message=message)
        self.exit(2, said + "\n")

    def _print_message(self, message: str, file=None) -> None:
        """Usage errors quote what was typed (``invalid choice: '...'``): shown, never run."""
        super()._print_message(visible(message), file)


class VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (start-up stays fast)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"trodden {package_version()}")
        parser.exit(0)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # ~50 ms: only for --version

    try:
        return version("trodden")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"


def _command_names() -> set[str]:
    return set(commands.NAMES)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``only``: with that one command alone, for running it (the line
    parses the same, and no other command's module is imported)."""
    parser = ArgumentParser(
        prog="trodden",
        description=_("Customer-journey interviews and mapping, in the terminal."),
        epilog=_("Start with 'trodden demo' to open the sample study."),
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help=_("show the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for name in [only] if only else commands.MODULES:
        commands.load(name).register(sub)
    for command_parser in sub.choices.values():  # every command speaks the study's language, or --ui-lang
        _with_ui_lang(command_parser)
    return parser


def _with_ui_lang(parser: argparse.ArgumentParser) -> None:
    """``--ui-lang`` on this command and on its own sub-commands (``participant DIR list --ui-lang sv``)."""
    if "--ui-lang" not in parser._option_string_actions:
        add_ui_lang_arg(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _with_ui_lang(nested)


def interface_language(argv: list[str]) -> str:
    """The command line's language, chosen before its help is built: ``--ui-lang``, else
    ``$TRODDEN_UI_LANG``, else the language of the study named on the line (or of ``new --language``,
    or of the study ``sample``/``demo --lang`` writes)."""
    from trodden.models.storage.layout import study_language

    flags: dict[str, str] = {}
    study: str | None = None
    for index, word in enumerate(argv):
        name, equals, value = word.partition("=")
        if name == "--lang" and argv[:1] and argv[0] in ("sample", "demo"):
            name = "--language"  # the sample's language: the study it writes speaks it from the start
        if name in ("--ui-lang", "--language"):
            given = value if equals else (argv[index + 1] if index + 1 < len(argv) else "")
            flags.setdefault(name, given)
        elif study is None and not word.startswith("-") and os.path.isdir(word):
            study = study_language(word)
    language = i18n.choose(flags.get("--ui-lang"), study or flags.get("--language"))
    argparse_words.install()
    return language


def _is_validation_error(error: Exception) -> bool:
    """A pydantic ValidationError, told without importing pydantic at start-up (it costs
    ~60 ms before the first screen; it is loaded by then whenever one can be raised)."""
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(error, pydantic.ValidationError)


def _a_path(word: str) -> bool:
    """A word meant as a folder: one that exists, or is written as a path (a typo'd command is neither)."""
    return os.path.exists(word) or "/" in word or os.sep in word


def main(argv: list[str] | None = None) -> int:
    """Run one command; the interface's language is chosen for it and put back after (a caller in the
    same process, a test, keeps its own)."""
    before = i18n.language()
    argv = sys.argv[1:] if argv is None else list(argv)
    # trodden uses no pydantic plugins; looking for them scans every installed package's
    # entry points at the first model (5-8 ms of each command). A value set by the user stands.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    startup.without_package_metadata()
    interface_language(argv)
    try:
        return _run(argv)
    finally:
        i18n.set_language(before)


def _run(argv: list[str]) -> int:
    if argv and not argv[0].startswith("-") and argv[0] not in _command_names() and _a_path(argv[0]):
        argv = ["open", *argv]  # ``trodden DIR``: your study's overview (or why that path is none)
    parser = build_parser(argv[0] if argv and argv[0] in _command_names() else None)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except NoTerminal as error:
        say(f"trodden: {error}", sys.stderr)
        return 2
    except UsageError as error:
        said = _("trodden {command}: error: {error} (see 'trodden {command} --help')")
        say(said.format(command=args.command, error=error), sys.stderr)
        return 2
    except StoreError as error:
        say(f"trodden: {error}", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("trodden: " + _("interrupted"), sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:
        if _is_validation_error(error):  # a bad value from the command line (e.g. an empty --name)
            from trodden.models.storage.model_json import first_problem

            say(f"trodden: {first_problem(error)}", sys.stderr)
            return 1
        if os.environ.get("TRODDEN_DEBUG"):
            raise
        message = " ".join(str(error).split())  # always one line
        text = _("unexpected error: {kind}: {message} (set TRODDEN_DEBUG=1 for details)")
        say("trodden: " + text.format(kind=type(error).__name__, message=message), sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
