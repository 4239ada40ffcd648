"""The first names a Nordic study's notes are likely to hold, and the words that only look like one.

The names come from Jörg Michael's ``nam_dict.txt`` (GNU FDL 1.2; about 48,000 first names
with a frequency per country, kept since 2007 and shipped by the PyPI package
``gender-guesser``, a dependency). It is read as a data file, never imported, so none of the
package's code runs. A name is kept when it reaches frequency 3 of 13 (the list's scale doubles a
step from 7 = 0.25-0.5 %, so about 1 person in 5,000) in Sweden, Denmark, Norway, Finland,
Great Britain, Ireland or the USA: some 2,800 names. The derived set is cached (about 25 kB)
so an export does not parse the 4 MB list every time.

Some first names are also everyday words; ``AMBIGUOUS`` lists those, and ``likely_names``
counts them only where a name is the likely reading.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from trodden.models.i18n import _

DISTRIBUTION = "gender-guesser"
PACKAGE = "gender_guesser"
DATA_FILE = "data/nam_dict.txt"
COLUMNS = {"Great Britain": 30, "Ireland": 31, "U.S.A.": 32, "Denmark": 46, "Norway": 47, "Sweden": 48, "Finland": 49}
"""Character columns of each country's frequency in ``nam_dict.txt`` (its header draws them)."""
MIN_FREQUENCY = 3
CACHE_VERSION = "1"
MIN_NAMES = 1000
"""Fewer names than this in the cache means it is damaged: the list is read again."""

AMBIGUOUS = frozenset(
    [
        "per",
        "bo",
        "hans",
        "ben",
        "lin",
        "mark",
        "sten",
        "stig",
        "dag",
        "inga",
        "enda",
        "tom",
        "vita",
        "rosa",
        "rita",
        "bror",
        "kaj",
        "ned",
        "sol",
        "liv",
        "björn",
        "tage",
        "sine",
        "rene",
        "finn",
        "mats",
        "love",
        "will",
        "may",
        "april",
        "june",
        "rose",
        "bill",
        "hope",
        "joy",
        "faith",
        "grace",
        "dawn",
        "pearl",
        "ruby",
        "ivy",
        "iris",
        "lily",
        "holly",
        "summer",
        "storm",
        "sky",
        "even",
        "are",
        "odd",
        "else",
        "line",
        "gun",
        "owe",
        "rob",
        "tone",
        "ray",
        "rex",
        "sue",
        "don",
        "guy",
        "max",
        "jack",
        "pat",
        "drew",
        "dale",
        "dean",
        "glen",
        "gale",
        "kit",
        "wade",
        "fay",
        "mel",
        "con",
        "des",
        "dick",
        "chad",
        "kent",
        "kirk",
        "ken",
        "jay",
        "ed",
        "sam",
    ]
)
"""First names that are also everyday words at the start of a sentence (Swedish ``per``, ``bo``,
``ben``, ``lin``, ``mark``, ``inga``, ``tom``, ``vita``; Danish ``hans``, ``sine``, ``tage``;
English ``will``, ``may``, ``rose``, ``even``, ``are``...). There they count only with a
capitalised surname after them; inside a sentence a capital still marks the name."""

NEVER_ALONE = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "christmas",
        "easter",
        "willys",
        "maj",
        "juni",
        "juli",
        "augusti",
    ]
)
"""Written with a capital in English (months, days), Nordic months that are also names, or
brands that read as a name (``Willys``): a name only with a surname after them."""


def _cache_file(size: int) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trodden" / f"first-names-{CACHE_VERSION}-{MIN_FREQUENCY}-{size}.txt"


def _parse(data: bytes) -> set[str]:
    columns = sorted(COLUMNS.values())
    low, high = columns[:3], columns[3:]
    floor = ord(str(MIN_FREQUENCY))
    names = set()
    for line in data.split(b"\n"):
        frequencies = line[low[0] : low[-1] + 1] + line[high[0] : high[-1] + 1]
        if not frequencies.strip() or line[:1] in b"#=" or line[29:30] == b"+":
            continue  # no frequency in these countries, a comment, or the same name sorted again
        if max(frequencies) >= floor:
            names.add(line[3:29].strip().decode("utf-8"))
    return {name.casefold() for name in names if "+" not in name and len(name) >= 2}


@cache
def first_names() -> frozenset[str]:
    """Casefolded first names (``anna``, ``erik``, ``søren``); read once a process, cached on disk."""
    try:  # located, not imported: none of the package's code runs (importlib.metadata costs 30 ms)
        spec = find_spec(PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError(PACKAGE)
        path = Path(next(iter(spec.submodule_search_locations))) / DATA_FILE
        size = path.stat().st_size
    except OSError as error:
        raise RuntimeError(
            _("the first-name list ({distribution}) is missing: reinstall trodden; names cannot be redacted").format(
                distribution=DISTRIBUTION
            )
        ) from error
    cached = _cache_file(size)
    try:
        names = frozenset(cached.read_text(encoding="utf-8").split("\n"))
        if len(names) >= MIN_NAMES:  # a cache emptied by hand must not switch name detection off
            return names
    except (OSError, UnicodeDecodeError):
        pass
    names = _parse(path.read_bytes())
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text("\n".join(sorted(names)), encoding="utf-8")
        os.replace(temporary, cached)
    except OSError:
        pass  # a read-only home: parse again next time
    return frozenset(names)
