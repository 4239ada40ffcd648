"""WordprocessingML written as text: runs, paragraphs and fixed-width tables, parsed once.

python-docx builds a document one element at a time, and each ``add_paragraph`` scans the
body to find its place (quadratic in a long report); a run costs a parse. Here a page's
paragraphs and tables are written as XML text and ``BodyXml.flush`` parses them in one go
and puts them before the final section break: linear, and a fraction of the cost.

Tables get a width on every cell and a fixed layout: Word honours the cell widths,
LibreOffice the grid columns, and with both set they agree. Elements inside ``pPr``,
``tblPr`` and ``tcPr`` are written in the schema's order (Word rejects them otherwise).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from lxml import etree

from .word import safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAKS = re.compile(r"(\t|\n)")
_TABLE_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1"'
    ' w:val="04A0"/>'
)
_NO_BORDERS = (
    "<w:tblBorders>"
    + "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders>"
)
NO_SIDE_MARGINS = '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'
"""Cell property: zero left/right padding, so a picture fills the cell exactly."""


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped, as ``xml.sax.saxutils.escape`` does (that module imports
    ``urllib.request``, and with it http and ssl: ~15 ms of every Word report's start)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


_LANGUAGE: ContextVar[str] = ContextVar("proofing_language", default="")
"""The proofing language every run written now carries (``sv-SE``); empty: the style's."""


@contextmanager
def proofing(tag: str) -> Iterator[None]:
    """Every run written inside is marked ``tag`` for spelling and grammar (``sv-SE``), so a
    paragraph pasted into another document keeps its language."""
    token = _LANGUAGE.set(tag)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def twips(mm: float) -> int:
    """A length in twentieths of a point, rounded as python-docx rounds it."""
    return Mm(mm).twips


def style(document: DocxDocument, name: str):
    """``document.styles[name]``, found in a table of the styles by name made once a document:
    python-docx's own lookup runs an XPath over every style (~0.3 ms) each time."""
    table = document.part.__dict__.get("_trodden_style_table")
    if table is None:
        table = {}
        for element in document.styles.element.iterchildren(_STYLE):
            named = element.find(_NAME)
            if named is not None:
                table.setdefault(named.get(_VAL), element)  # the first of a name, as the XPath finds
        document.part.__dict__["_trodden_style_table"] = table
    element = table.get(BabelFish.ui2internal(name))
    return StyleFactory(element) if element is not None else document.styles[name]


_STYLE, _NAME, _VAL = qn("w:style"), qn("w:name"), qn("w:val")


def style_id(document: DocxDocument, name: str) -> str:
    """A style's id by its name, cached."""
    cache = document.part.__dict__.setdefault("_trodden_styles", {})
    if name not in cache:
        cache[name] = style(document, name).style_id
    return cache[name]


@functools.lru_cache(maxsize=128, typed=True)
def _run_properties(bold: bool, italic: bool | None, size: float | None, colour: RGBColor | None, lang: str) -> str:
    """``italic``: True sets it, None leaves it to the style, False turns a style's italic off."""
    italic_xml = {True: "<w:i/>", False: '<w:i w:val="0"/>'}.get(italic, "")  # type: ignore[call-overload]
    props = ("<w:b/>" if bold else "") + italic_xml
    if colour is not None:
        props += f'<w:color w:val="{colour}"/>'
    if size:
        props += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
    if lang:
        props += f'<w:lang w:val="{lang}"/>'
    return f"<w:rPr>{props}</w:rPr>" if props else ""


def run_xml(
    text: str, *, bold=False, italic: bool | None = None, size: float | None = None, colour: RGBColor | None = None
) -> str:
    """One run of text; tabs and line breaks become Word's own elements. ``italic=False`` sets the
    run upright in an italic style (a quote's remark in the Quote style)."""
    text = safe(text)
    if "\t" not in text and "\n" not in text:  # most runs: one piece of text
        content = f'<w:t xml:space="preserve">{xml_escape(text)}</w:t>' if text else ""
    else:
        pieces = []
        for piece in _BREAKS.split(text):
            if piece == "\t":
                pieces.append("<w:tab/>")
            elif piece == "\n":
                pieces.append("<w:br/>")
            elif piece:
                pieces.append(f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>')
        content = "".join(pieces)
    return f"<w:r>{_run_properties(bold, italic, size, colour, _LANGUAGE.get())}{content}</w:r>"


def paragraph_xml(
    runs: str = "",
    *,
    style: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
    border_top: str = "",
    space_after: float | None = None,
    align: str | None = None,
) -> str:
    """A paragraph of ``runs`` (``style`` is a style *id*; ``space_after`` in points;
    ``align`` ``"center"`` or ``"right"``; ``border_top`` a ``<w:top .../>`` element)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        props += "<w:keepNext/>"
    if page_break_before:
        props += "<w:pageBreakBefore/>"
    if border_top:
        props += f"<w:pBdr>{border_top}</w:pBdr>"
    if space_after is not None:
        props += f'<w:spacing w:after="{round(space_after * 20)}"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def cell_xml(
    width_twips: int,
    paragraphs: str = "",
    *,
    span: int = 1,
    v_merge: str | None = None,
    fill: str | None = None,
    margins: str = "",
    v_align: str | None = None,
) -> str:
    """A table cell; ``v_merge`` is ``"restart"`` or ``""`` (continue), ``fill`` a hex colour."""
    props = f'<w:tcW w:type="dxa" w:w="{width_twips}"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if v_merge is not None:
        props += f'<w:vMerge w:val="{v_merge}"/>' if v_merge else "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    props += margins
    if v_align:
        props += f'<w:vAlign w:val="{v_align}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>"


def row_xml(cells: Iterable[str], *, header: bool = False, cant_split: bool = False) -> str:
    """A table row; a ``header`` row repeats on every page, a ``cant_split`` one moves whole."""
    props = ('<w:tblHeader w:val="true"/>' if header else "") + ("<w:cantSplit/>" if cant_split else "")
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def table_xml(style: str, widths_mm: list[float], rows: Iterable[str], *, borders: bool = True) -> str:
    """A centred fixed-layout table whose columns keep ``widths_mm`` (``style`` is a style id)."""
    grid = "".join(f'<w:gridCol w:w="{twips(mm)}"/>' for mm in widths_mm)
    width = round(sum(widths_mm) / 25.4 * 1440)
    properties = (
        f'<w:tblStyle w:val="{style}"/><w:tblW w:type="dxa" w:w="{width}"/><w:jc w:val="center"/>'
        + ("" if borders else _NO_BORDERS)
        + '<w:tblLayout w:type="fixed"/>'
        + _TABLE_LOOK
    )
    return f"<w:tbl><w:tblPr>{properties}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def picture_xml(document: DocxDocument, png: bytes, width_mm: float, alt: str) -> str:
    """A run holding ``png`` at ``width_mm`` (the image is added to the package now), described
    by ``alt`` for screen readers and Word's accessibility check."""
    inline = document.part.new_pic_inline(io.BytesIO(png), Mm(width_mm), None)
    for side in ("distT", "distB", "distL", "distR"):  # LibreOffice pads pictures without these
        inline.set(side, "0")
    described = inline.find(qn("wp:docPr"))
    described.set("descr", safe(alt))
    described.set("title", safe(alt.split(":")[0])[:255])
    return f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"


class BodyXml:
    """A page's paragraphs and tables as text, parsed once by ``flush`` and put before the
    final section break. Flush before anything python-docx adds (a section, a picture)."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.chunks: list[str] = []

    def style(self, name: str) -> str:
        return style_id(self.document, name)

    def add(self, xml: str) -> None:
        self.chunks.append(xml)

    def paragraph(self, runs: str = "", *, style: str | None = None, **properties) -> None:
        """A paragraph in the style called ``style`` (a name, e.g. ``"Heading 1"``)."""
        self.chunks.append(paragraph_xml(runs, style=self.style(style) if style else None, **properties))

    def flush(self) -> list:
        """Parse and place what was written; the new body elements, in order."""
        if not self.chunks:
            return []
        body = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(self.chunks)}</w:body>')
        self.chunks = []
        elements = list(body)
        anchor = self.document.element.body.sectPr
        for element in elements:
            if anchor is not None:
                anchor.addprevious(element)
            else:
                self.document.element.body.append(element)
        return elements
