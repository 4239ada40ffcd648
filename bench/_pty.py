"""Shared by the bench scripts: run a whole command in a real pseudo-terminal and watch its screen.

What a user waits for is the time from starting a command (or pressing a key) until the
terminal *shows* the data, so a ``Terminal`` starts the command on a new pty (``os.openpty``), a reader
thread takes the bytes off the pty as soon as they come (timestamping each chunk, so the
child never blocks on a full pty), and the caller feeds them to a VT emulator (``pyte``)
and asks for text on the screen. A time is the read time of the chunk after which the
screen first showed the text.

Also: medians, the machine line every script prints, and the ratio/PASS lines.
"""

from __future__ import annotations

import compileall
import contextlib
import fcntl
import importlib.util
import os
import platform
import queue
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

try:
    import pyte
except ImportError:  # pragma: no cover - told to the user, not a crash
    sys.exit("the benchmarks need pyte: .venv/bin/pip install -e '.[bench]'")

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
TRODDEN = str(VENV_BIN / "trodden") if (VENV_BIN / "trodden").exists() else shutil.which("trodden") or "trodden"

sys.setswitchinterval(0.0005)  # the reader thread timestamps chunks promptly while pyte parses

KEYS = {  # what a terminal sends for a key (xterm, no kitty protocol)
    "enter": b"\r",
    "tab": b"\t",
    "space": b" ",
    "escape": b"\x1b",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "shift+right": b"\x1b[1;2C",
    "shift+left": b"\x1b[1;2D",
    "pagedown": b"\x1b[6~",
    "pageup": b"\x1b[5~",
    "ctrl+q": b"\x11",
}

Check = str | Callable[[list[str]], bool]
Change = str | Callable[[list[str], list[str]], bool]  # text that appears, or test(lines before, lines now)
BURST = 0.005  # seconds between reads that still belong to one frame


class Terminal:
    """One command in a pty of ``cols`` x ``rows``, its screen kept by pyte."""

    def __init__(self, argv: list[str], cols: int = 160, rows: int = 50, cwd: Path | None = None) -> None:
        self.argv, self.cols, self.rows = argv, cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTEST"))}
        env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", COLUMNS=str(cols), LINES=str(rows))
        env.setdefault("TRODDEN_RESEARCHER", "BN")  # the map asks a researcher's initials once: not in a bench
        self.fd, child_end = os.openpty()
        fcntl.ioctl(child_end, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))  # sized before it starts
        self.started = time.perf_counter()
        # Popen, not pty.fork: forking a process that has threads (an app run in-process
        # before) must not run Python in the child.
        self.process = subprocess.Popen(
            argv, stdin=child_end, stdout=child_end, stderr=child_end, env=env, cwd=cwd, start_new_session=True
        )
        os.close(child_end)
        self.exit_status: int | None = None
        self.pending: tuple[float, bytes] | None = None
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                data = b""
            self.chunks.put((time.perf_counter(), data))
            if not data:
                return

    # --------------------------------------------------------------- watching
    def lines(self) -> list[str]:
        return self.screen.display

    def _pump(self, timeout: float) -> float | None:
        """Feed one burst of output (waiting up to ``timeout`` for it); the read time of its last chunk.

        A burst is chunks read within 5 ms of each other: one frame, however many reads it took.
        The screen is checked between bursts, so a later frame never hides an earlier one's time.
        The whole burst is read before any of it is parsed: pyte (pure Python, ~1 ms a KB) parsing
        one chunk while the next arrives would hold the interpreter lock the reader thread needs to
        note the next chunk's time, so a big frame (a board redrawn, ~18 KB) read late by the
        bench's own parsing, not by the app.
        """
        try:
            when, data = self.pending or self.chunks.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return None
        self.pending = None
        burst = []
        while data:
            burst.append(data)
            try:
                next_when, data = self.chunks.get(timeout=BURST)
            except queue.Empty:
                break
            if next_when - when > BURST:
                self.pending = (next_when, data)
                break
            when = next_when
        for chunk in burst:
            self.stream.feed(chunk)
        if not data and self.pending is None:
            self.pending = (when, data)  # keep the end visible for later calls
            raise EOFError(f"{self.argv[0]} ended before showing what was asked:\n" + "\n".join(self.lines()))
        return when

    def wait_for(self, check: Check, timeout: float = 120.0) -> float:
        """The perf_counter time at which the screen first satisfied ``check`` (text, or test of lines)."""
        test = (lambda lines: any(check in line for line in lines)) if isinstance(check, str) else check
        if test(self.lines()):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while (left := deadline - time.perf_counter()) > 0:
            when = self._pump(left)
            if when is not None and test(self.lines()):
                return when
        raise TimeoutError(f"not shown within {timeout} s: {check!r}\n" + "\n".join(self.lines()))

    def settle(self, quiet: float = 0.3, timeout: float = 30.0) -> None:
        """Wait until nothing has been drawn for ``quiet`` seconds (timers, notices fading)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._pump(quiet) is None:
                return

    def press(self, key: str) -> float:
        """Send a key (a name from KEYS, or literal text); the time it was written."""
        data = KEYS.get(key, key.encode())
        when = time.perf_counter()
        os.write(self.fd, data)
        return when

    def round_trip(self, key: str, change: Change | None = None, timeout: float = 30.0) -> float:
        """Seconds from writing ``key`` until the screen shows ``change`` (default: any change of text)."""
        self.settle()
        before = self.lines()
        sent = self.press(key)
        return self.wait_for(expected(change, before), timeout) - sent

    # ---------------------------------------------------------------- ending
    def close(self, quit_key: str = "ctrl+q", timeout: float = 15.0) -> None:
        """Quit the app the way a user does; kill it (by its pid) only if it does not go."""
        with contextlib.suppress(OSError):
            self.press(quit_key)
        deadline = time.perf_counter() + timeout
        while self.process.poll() is None and time.perf_counter() < deadline:
            with contextlib.suppress(EOFError):
                self._pump(0.05)
        if self.process.poll() is None:
            self.process.kill()  # only this command's own process, by its pid
        self.exit_status = self.process.wait()
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc) -> None:
        if self.exit_status is None:
            self.close()


def expected(change: Change | None, before: list[str]) -> Check:
    """The check a key's round trip waits for, given the screen before the key."""
    if change is None:
        return lambda lines: lines != before
    if isinstance(change, str):
        return change
    return lambda lines: change(before, lines)


def line_changed(marker: str) -> Callable[[list[str], list[str]], bool]:
    """The (first) line holding ``marker``, e.g. a panel's title with a count, is drawn differently."""

    def changed(before: list[str], lines: list[str]) -> bool:
        new = next((line for line in lines if marker in line), None)
        return new is not None and new != next((line for line in before if marker in line), None)

    return changed


def time_to_show(argv: list[str], check: Check, cols: int = 160, rows: int = 50) -> float:
    """Seconds from starting ``argv`` in a fresh pty until its screen shows ``check``."""
    with Terminal(argv, cols, rows) as term:
        return term.wait_for(check) - term.started


def python_script(name: str, *args: str) -> list[str]:
    """argv running bench/``name`` with this interpreter (the bare reference apps)."""
    return [sys.executable, str(HERE / name), *args]


def run(argv: list[str], **kwargs) -> float:
    """Seconds a whole non-interactive command takes (its output discarded)."""
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    return time.perf_counter() - started


# ------------------------------------------------------------------ figures
def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def spread(values: list[float], unit: str = "s") -> str:
    scale, fmt = (1000, "{:.1f} ms") if unit == "ms" else (1, "{:.3f} s")
    shown = [fmt.format(v * scale) for v in (median(values), min(values), max(values))]
    return f"median {shown[0]:>10} (min {shown[1]}, max {shown[2]}, n={len(values)})"


def verdict(label: str, ours: float, reference: float, limit: float) -> str:
    """One target line: the ratio ours/reference against ``limit``, PASS or MISS."""
    ratio = ours / reference
    return f"  {label}: {ratio:.2f}x (target <= {limit:g}x) {'PASS' if ratio <= limit else 'MISS'}"


def ratio(label: str, ours: float, reference: float) -> str:
    """A ratio printed for information: issue 11 sets no target for it."""
    return f"  {label}: {ours / reference:.2f}x (no target set)"


def absolute(label: str, seconds: float, limit: float) -> str:
    ms, target = seconds * 1000, limit * 1000
    return f"  {label}: {ms:.1f} ms (target <= {target:g} ms) {'PASS' if seconds <= limit else 'MISS'}"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def compiled() -> str:
    """trodden's bytecode written before anything is measured, as ``pip install`` does: with
    ``PYTHONDONTWRITEBYTECODE`` set (as on the development VM) every command would otherwise
    compile trodden's ~400 modules from source, ~0.2 s of CPU no installed copy pays."""
    for package in ("trodden.models", "trodden.exporters", "trodden.tui"):
        spec = importlib.util.find_spec(package)
        for folder in spec.submodule_search_locations if spec else ():
            compileall.compile_dir(folder, quiet=1)
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return f"bytecode: trodden compiled first, as installed (PYTHONDONTWRITEBYTECODE={flag or 'unset'})"


def machine(when: str = "start") -> str:
    """The line printed with every set of figures: who measured on what, how busy it was."""
    if when != "start":
        return f"load average at end: {load()}"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"machine: {cores} cores (nproc), {cpu_model()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at start: {load()}\n{compiled()}"
    )
