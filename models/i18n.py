"""The words models make for a person (a query's error, a retag's summary, a conflict, a status word)
in the interface's language, without models knowing there is an interface.

models/ must not import tui/ or Textual, yet its sentences are shown by the screens and the command
line. So it marks them with this module's ``_``/``ngettext`` (extracted into the one catalogue,
``tui/locale``, like the screens' words) and translates them through whatever catalogue the interface
**installs** here: ``tui/i18n.set_language`` calls ``install`` when it picks a language. Until then
(a script, a test, an exporter alone) the English msgid is the message. Message codes with arguments
were the other choice; they would split every sentence from where it is made, for no reader that needs
the code. The words of files (reports, check messages) follow the file's language instead and keep
their own tables (``check_messages``, ``stats_words``, ``exporters/i18n.py``).
"""

from __future__ import annotations

import gettext

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"

QUOTE_MARKS = {"en": ("“", "”"), "sv": ("”", "”"), "da": ("»", "«")}
"""Each language's quotation marks, as its reports and exporters write them (Swedish ”…”, Danish »…«)."""


def _(message: str) -> str:
    """``message`` in the installed language (itself when nothing is installed or it has no entry)."""
    return _current.gettext(message) if message else message


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; ``_`` translates it where it is said."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form that goes with ``n`` by the language's own plural rule (the catalogue's Plural-Forms)."""
    return _current.ngettext(singular, plural, n)


def language() -> str:
    """The installed language's code (``en`` until the interface installs one)."""
    return _language


def install(translations: gettext.NullTranslations, lang: str) -> None:
    """Speak ``lang`` from now on: the interface calls this when it chooses its language."""
    global _current, _language
    _current, _language = translations, lang


DECIMAL_COMMA = ("sv", "da")
"""Languages that write a decimal comma: ``+1,3``."""


def decimal(text: str, lang: str | None = None) -> str:
    """A printed number (``+1.3``) with the decimal sign of ``lang`` (default: the installed
    language): ``+1,3`` in Swedish and Danish. The reports and the screens both write numbers so."""
    return text.replace(".", ",") if (lang or _language) in DECIMAL_COMMA else text


def in_quotes(text: str, lang: str | None = None) -> str:
    """``text`` in the quotation marks of ``lang`` (default: the installed language)."""
    opening, closing = QUOTE_MARKS.get(lang or _language, QUOTE_MARKS["en"])
    return f"{opening}{text}{closing}"
