"""Word documents as recipients expect them: A4, real styles, properties, page numbers, in their language.

Every piece of user text goes through ``safe`` first: Word's XML cannot hold most control
characters, and python-docx raises on them; they become visible symbols instead.
"""

from __future__ import annotations

import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from trodden.models.names import visible

from .word_package import language_tag, make_native, set_language

A4_WIDTH = Mm(210)
A4_HEIGHT = Mm(297)


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> str:
    """Text Word can store: control characters (bar tab and newline) made visible, and the
    few code points XML cannot hold at all (lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", visible(text))


def new_document(
    title: str, author: str = "", *, subject: str = "", language: str = "en", keywords: str = ""
) -> DocxDocument:
    """An A4 document with sensible margins, page numbers, and the file made native to
    ``language`` (proofing language, real properties, no template leftovers: ``word_package``)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(22))
    section.top_margin = section.bottom_margin = Mm(20)
    make_native(
        document,
        language=language,
        title=safe(title),
        author=safe(author),
        subject=safe(subject),
        keywords=safe(keywords),
    )
    document.styles["Normal"].font.size = Pt(10.5)
    add_page_numbers(section, language_tag(language))
    return document


def in_language(run, tag: str):
    """Mark a python-docx run for proofing in ``tag`` (``sv-SE``); returns the run."""
    set_language(run._r.get_or_add_rPr(), tag)
    return run


def add_page_numbers(section, tag: str = "") -> None:
    """A centred PAGE field in the footer (Word and LibreOffice both update it)."""
    paragraph = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    if tag:
        in_language(run, tag)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def landscape_section(document: DocxDocument):
    """Start a new landscape A4 section (for wide tables) and return it."""
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4_HEIGHT, A4_WIDTH
    return section


def portrait_section(document: DocxDocument):
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    return section


def repeat_header_row(row) -> None:
    """Mark a table row as a header that repeats on every page."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def shade(cell, hex_fill: str) -> None:
    """Background colour of a table cell (``"D9E2F3"``)."""
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_fill)
    # the schema puts shd before these; Word rejects a file with them out of order
    successors = {qn(f"w:{tag}") for tag in ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")}
    following = next((child for child in properties if child.tag in successors), None)
    if following is not None:
        following.addprevious(shading)
    else:
        properties.append(shading)
