"""The install's one build step beyond pyproject.toml: compile the interface's catalogues.

``tui/locale/<lang>/LC_MESSAGES/trodden.po`` is what translators edit and git keeps; the ``.mo``
gettext reads is built here with Babel's compiler, into the wheel for a normal install and next to
the ``.po`` for an editable one (``pip install -e .``). Without it the app compiles the ``.po`` in
memory at start-up (tui/i18n.py), so a clone that skipped the install still speaks Swedish.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path(__file__).resolve().parent / "tui" / "locale"


def compile_catalogues(target: Path) -> list[str]:
    """Every ``.po`` under tui/locale compiled to ``.mo`` under ``target`` (same layout)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(LOCALE).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as out:
            write_mo(out, catalog)
        written.append(str(mo))
    return written


class BuildWithCatalogues(build_py):
    """build_py, then the catalogues: in the source tree when editable, else in the build folder."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_catalogues(LOCALE)
        else:
            compile_catalogues(Path(self.build_lib) / "trodden" / "tui" / "locale")


setup(cmdclass={"build_py": BuildWithCatalogues})
