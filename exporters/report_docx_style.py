"""The Word report's look: its font, colours and the styles every page uses.

Real Word styles throughout (Title, Heading 1-3, Quote, List Bullet...), restyled here,
so the reader's own template, navigation pane and table of contents work.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from trodden.models.notes.marks import CLOUD, HEART

from .docx_xml import cell_xml, paragraph_xml, row_xml, run_xml, style

FONT = "Arial"
"""Metric-compatible fonts exist everywhere (Liberation Sans), so Word and LibreOffice lay out alike."""
INK = RGBColor(0x1F, 0x2A, 0x37)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x6B, 0x72, 0x80)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
HEART_RED = RGBColor(0xC8, 0x2D, 0x3C)
CLOUD_GREY = RGBColor(0x4B, 0x55, 0x63)
HEADER_FILL = "1F4E79"
LANE_FILL = "DCE6F1"
ZEBRA_FILL = "F5F7FA"
SYMBOL = {"heart": HEART, "cloud": CLOUD}  # the one vocabulary (models/notes/marks.py)
SYMBOL_COLOUR = {"heart": HEART_RED, "cloud": CLOUD_GREY}


def _font(style, name: str = FONT, size: float | None = None, colour: RGBColor | None = None, bold=None) -> None:
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    if size:
        style.font.size = Pt(size)
    if colour is not None:
        style.font.color.rgb = colour
    if bold is not None:
        style.font.bold = bold


_RESTYLED = (
    "Normal",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Title",
    "Subtitle",
    "Quote",
    "List Bullet",
    "Header",
    "Footer",
)


def apply_styles(document: DocxDocument) -> None:
    """Restyle the template's styles in the report's font and colours."""
    styles = {name: style(document, name) for name in _RESTYLED}
    _font(styles["Normal"], size=10, colour=INK)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    for name, size, before, after in (("Heading 1", 17, 18, 8), ("Heading 2", 13, 14, 4), ("Heading 3", 11, 10, 3)):
        _font(styles[name], size=size, colour=ACCENT, bold=True)
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(after)
    _font(styles["Title"], size=30, colour=ACCENT, bold=True)
    title_rpr = styles["Title"].element.get_or_add_pPr()
    for border in title_rpr.findall(qn("w:pBdr")):  # the default template underlines the title
        title_rpr.remove(border)
    styles["Title"].paragraph_format.space_after = Pt(12)
    _font(styles["Subtitle"], size=13, colour=MUTED)
    styles["Subtitle"].font.italic = False
    subtitle = styles["Subtitle"].element.get_or_add_rPr()
    for spacing in subtitle.findall(qn("w:spacing")):  # the template letter-spaces it, which reads oddly
        subtitle.remove(spacing)
    _font(styles["Quote"], size=10.5, colour=INK)
    styles["Quote"].paragraph_format.left_indent = Mm(8)
    styles["Quote"].paragraph_format.right_indent = Mm(8)
    _font(styles["List Bullet"], size=10, colour=INK)
    for name in ("Header", "Footer"):
        _font(styles[name], size=8, colour=MUTED)


def section_margins(section, side_mm: float, top_mm: float = 18) -> None:
    section.left_margin = section.right_margin = Mm(side_mm)
    section.top_margin = section.bottom_margin = Mm(top_mm)
    section.header_distance = section.footer_distance = Mm(min(10, top_mm / 2))
    section.different_first_page_header_footer = False


def usable_width(section) -> float:
    """The width between the section's margins, in millimetres."""
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


def mark_xml(mark: str | None, size: float | None = None) -> str:
    """The heart or thundercloud before an item's title, or nothing."""
    return run_xml(SYMBOL[mark] + " ", bold=True, colour=SYMBOL_COLOUR[mark], size=size) if mark else ""


def header_row(widths: list[int], headers: list[str]) -> str:
    """A table's header row: white bold text on the accent colour, repeated on every page."""
    cells = [
        cell_xml(width, paragraph_xml(run_xml(text, bold=True, colour=WHITE, size=9), space_after=1), fill=HEADER_FILL)
        for width, text in zip(widths, headers, strict=True)
    ]
    return row_xml(cells, header=True)
