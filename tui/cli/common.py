"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from trodden.models.errors import StoreError
from trodden.models.names import clean_participant_code, visible
from trodden.models.storage.atomic import write_export
from trodden.tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from trodden.models.storage.store import StudyStore


def participant_code(value: str) -> str:
    """``--participant``: refused, not silently changed, when it would not do as a file name."""
    try:
        cleaned = clean_participant_code(value)
    except StoreError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if cleaned != value.strip():
        wrong = _("{value} is not a participant code: use letters, digits, - and _ (like P3), e.g. {cleaned}")
        raise argparse.ArgumentTypeError(wrong.format(value=repr(value), cleaned=repr(cleaned)))
    return cleaned


def add_study_arg(parser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path, help=_("the study folder"))


UI_LANGUAGES = ("en", "sv", "da")


def add_ui_lang_arg(parser) -> None:
    """``--ui-lang``: every command that opens the app takes it."""
    parser.add_argument(
        "--ui-lang",
        choices=UI_LANGUAGES,
        default=None,
        help=_("the interface's language: en, sv or da (default: $TRODDEN_UI_LANG, else the study's language)"),
    )


def open_study(path: Path) -> StudyStore:
    from trodden.models.storage.store import StudyStore  # pydantic: loaded only by commands that run

    return StudyStore.open(path)


def on_a_terminal() -> bool:
    """The app reads keys from stdin and draws on stderr (Textual): without both it would wait forever."""
    return not not_a_terminal()


WITHOUT_A_TERMINAL = ("trodden export", "check", "stats", "search", "tags", "actions")
"""The commands that work without a terminal (the refusal names them, joined in its language)."""


class UsageError(Exception):
    """Options that do not go together (argparse cannot say so): one line, exit 2, like argparse."""


class NoTerminal(UsageError):
    """A screen asked for where nobody can see it or type: the command line says so and exits 2."""


def not_a_terminal() -> list[str]:
    """The standard streams that are not a terminal (stdout too: ``trodden map | cat`` is a script's habit)."""
    streams = (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr))
    return [name for name, stream in streams if stream is None or not stream.isatty()]


def needs_terminal(what: str) -> None:
    """Refuse at once, in one line, to start the app where nobody can see it or type (a script,
    cron, a pipe): it would otherwise wait for keys forever. Called after the arguments are
    checked and before anything is written or Textual is loaded."""
    if not on_a_terminal():
        missing = not_a_terminal()
        streams = (
            missing[0]
            if len(missing) == 1
            else _("{some} and {last}").format(some=", ".join(missing[:-1]), last=missing[-1])
        )
        said = ngettext(
            "'{what}' is a screen and needs a terminal, but {streams} is not one (a pipe, a script or cron?);"
            " without a terminal, use {commands}",
            "'{what}' is a screen and needs a terminal, but {streams} are not terminals (a pipe, a script or"
            " cron?); without a terminal, use {commands}",
            len(missing),
        )
        *some, last = WITHOUT_A_TERMINAL
        commands = _("{some} or {last}").format(some=", ".join(some), last=last)
        raise NoTerminal(said.format(what=what, streams=streams, commands=commands))


def say(message: str, file=None) -> None:
    """One line (or lines) for a person to read: every message and report line goes here, so a
    file name, theme or note in it shows its control characters instead of running them."""
    print(visible(message), file=file or sys.stdout)


def warn(message: str) -> None:
    say("trodden: " + _("warning: {message}").format(message=message), sys.stderr)


def left_out(store: StudyStore, problems: Iterable[object] = ()) -> int:
    """Name everything a read left out (unreadable interviews, damaged journal lines the
    store skipped) and give the exit status: 1 if anything was, so a backup script knows
    its copy is not the whole study."""
    named: list[str] = []
    for problem in [*problems, *store.damage]:
        if str(problem) not in named:
            named.append(str(problem))
            warn(_("left out: {what}").format(what=problem))
    return 1 if named else 0


def info(message: str) -> None:
    say(message, sys.stderr)


BINARY_TO_TERMINAL = N_("a Word file is not for the terminal: write it with -o FILE.docx, or redirect it (> FILE.docx)")
"""Translated where it is raised: ``StoreError(_(BINARY_TO_TERMINAL))``."""


def word_file_here(output: Path | None, name: str, *, force: bool) -> Path | None:
    """Where a Word export goes: without ``-o``, ``name`` in the current folder (a safe file
    name, made by the caller) and never over an existing file unless ``force``; else ``output``."""
    if output is not None:
        return output
    target = Path.cwd() / name
    if target.exists() and not force:
        exists = _("{target} already exists: add --force to replace it, or choose a file with -o")
        raise StoreError(exists.format(target=target))
    return target


def to_terminal(output: Path | None) -> bool:
    """True when an export would land on a terminal (no ``-o`` or ``-o -``, stdout a tty)."""
    return (output is None or str(output) == "-") and sys.stdout.isatty()


def write_output(data: bytes | str, output: Path | None, *, binary: bool = False) -> None:
    """Write an export to ``output`` (a file replaced atomically, a device or pipe written into,
    ``models.storage.atomic.write_export``), or to stdout when it is None or ``-``.

    On a terminal (stdout, or ``-o /dev/stdout`` / ``/dev/tty`` that is one), text is shown through
    ``visible`` (an escape sequence in a note is displayed, never run) and a binary file is refused;
    a pipe or a file gets the bytes as made.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or str(output) == "-":
        if sys.stdout.isatty():
            payload = _for_a_terminal(payload, binary)
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    if _a_terminal(Path(output)):
        payload = _for_a_terminal(payload, binary)
    write_export(Path(output), payload)
    info(_("wrote {file}").format(file=output))


def _for_a_terminal(payload: bytes, binary: bool) -> bytes:
    """An export as a terminal may show it: text made ``visible``; a binary file refused."""
    if binary:
        raise StoreError(_(BINARY_TO_TERMINAL))
    text = payload.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return visible(text).encode("utf-8")


def _a_terminal(path: Path) -> bool:
    """``path`` is a terminal (``/dev/tty``, ``/dev/stdout`` on one): not a file, and shown to a person."""
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)
