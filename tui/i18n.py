"""The interface's language: one ``_`` for every fixed word a screen shows, from gettext catalogues.

The catalogues are ``tui/locale/<lang>/LC_MESSAGES/trodden.po`` (Swedish, Danish; English is the
msgid itself). The install compiles them to ``.mo`` (setup.py's build hook); a fresh clone that was
never installed, or a ``.po`` edited since, is compiled in memory from the ``.po`` with Babel, so the
interface never falls back to English by accident.

The language is chosen once per app (``choose``): ``--ui-lang``, then ``TRODDEN_UI_LANG``, then the
study's own language. Strings defined at import time (the actions registry, module constants) stay
English in the code, marked with ``N_`` for extraction, and are translated where they are shown.
User text never goes through ``_``.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from pathlib import Path

from trodden.models import i18n as models_i18n

LANGUAGES = ("en", "sv", "da")
DOMAIN = "trodden"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENV = "TRODDEN_UI_LANG"

FRESH_SLACK = 5.0
"""Seconds a .mo may seem older than its .po and still be used: an installer writes both at once, in
any order; a .po edited after the build (a source tree) is newer by more than that."""

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_loaded: dict[str, gettext.NullTranslations] = {}


def _(message: str) -> str:
    """``message`` in the interface's language (itself in English, or if it has no translation)."""
    return _current.gettext(message) if message else message


def action_text(text: str) -> str:
    """A registry label or help line as the sinks (footer, F1, palette) show it: its translation, or
    for a numbered one (``Phase 3``, declared as ``N_("Phase {n}").format(n=3)``) its template's."""
    found = _(text)
    if found != text or not any(char.isdigit() for char in text):
        return found
    numbers = iter(re.findall(r"\d+", text))
    template = re.sub(r"\d+", "{n}", text)
    translated = _(template)
    if translated == template or len(set(re.findall(r"\d+", text))) != 1:
        return found
    return translated.format(n=next(numbers))


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context``: one English word with two meanings (an interview
    that is ``done`` is "klar"/"afsluttet", an idea that is ``done`` is "klar"/"færdig")."""
    return _current.pgettext(context, message) if message else message


def NC_(context: str, message: str) -> str:
    """``N_`` for a word translated with ``pgettext(context, ...)`` where it is shown."""
    return message


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; ``_`` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form that goes with ``n``: ``ngettext("{n} idea", "{n} ideas", n).format(n=n)``; the
    catalogue's Plural-Forms decides (Swedish and Danish: one for 1, another for the rest)."""
    return _current.ngettext(singular, plural, n)


def quote_marks() -> tuple[str, str]:
    """The interface language's opening and closing quotation marks (as its reports use them)."""
    return models_i18n.QUOTE_MARKS.get(_language, models_i18n.QUOTE_MARKS["en"])


def quoted(text: str) -> str:
    """``text`` in the interface language's quotation marks (”…” in Swedish, »…« in Danish)."""
    return models_i18n.in_quotes(text, _language)


def language() -> str:
    return _language


def number(value: float, spec: str = "+.1f") -> str:
    """``value`` formatted by ``spec`` with the language's decimal sign: ``+1,3`` in Swedish and
    Danish, ``+1.3`` in English (as the reports print it)."""
    return models_i18n.decimal(format(value, spec), _language)


def resolve(ui_lang: str | None = None, study_language: str | None = None) -> str:
    """The interface language: the flag, else the environment, else the study's, else English."""
    for candidate in (ui_lang, os.environ.get(ENV), study_language):
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return "en"


def choose(ui_lang: str | None = None, study_language: str | None = None) -> str:
    """Switch the interface to the resolved language (see ``resolve``) and return it."""
    return set_language(resolve(ui_lang, study_language))


def set_language(lang: str) -> str:
    global _current, _language
    _language = lang if lang in LANGUAGES else "en"
    _current = catalogue(_language)
    models_i18n.install(_current, _language)  # the words models make, in the same language
    return _language


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue if it is as new as its ``.po``, else the ``.po`` compiled in memory."""
    if lang in _loaded:
        return _loaded[lang]
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    found: gettext.NullTranslations = gettext.NullTranslations()
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime - FRESH_SLACK):
        with mo.open("rb") as file:
            found = gettext.GNUTranslations(file)
    elif po.is_file():
        found = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    _loaded[lang] = found
    return found


def compile_po(po: Path) -> bytes:
    """A ``.po`` file as ``.mo`` bytes, with Babel's own reader and writer (as the install does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()
