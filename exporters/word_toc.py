"""A table of contents in the Word report: a real TOC field, already filled with the headings.

Word fills a TOC field's page numbers when it updates fields (``word_package.ask_to_update_fields``
asks it to on opening); LibreOffice shows what the field holds until the reader updates it. So
the field is written with the report's headings (levels 1 and 2, in order) already inside it:
the contents are never an empty box, and Word replaces them with linked, numbered entries.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from .docx_xml import W_NS, paragraph_xml, run_xml, style_id, twips
from .word_package import ask_to_update_fields, language_tag

LEVELS = 2
"""Heading 1 (the report's parts) and Heading 2 (phases, moments, backstage kinds)."""
_FIELD = f' TOC \\o "1-{LEVELS}" \\h \\z \\u '


def _toc_styles(document: DocxDocument, tag: str, width_mm: float) -> None:
    """Word's own "toc 1"/"toc 2" styles (the template only names them), indented by level,
    with a dotted tab to the page number at the right margin."""
    styles = document.styles.element
    for level in range(1, LEVELS + 1):
        if styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='TOC{level}']") is not None:
            continue
        styles.append(
            parse_xml(
                f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="TOC{level}">'
                f'<w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
                '<w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
                f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{twips(width_mm)}"/></w:tabs>'
                f'<w:spacing w:before="{120 if level == 1 else 0}" w:after="40"/>'
                f'<w:ind w:left="{(level - 1) * 340}"/></w:pPr>'
                f'<w:rPr>{"<w:b/>" if level == 1 else ""}<w:lang w:val="{tag}"/></w:rPr></w:style>'
            )
        )


_LEVEL = " or ".join(f"@w:val = $level{level}" for level in range(1, LEVELS + 1))
_STYLED = etree.XPath(f"w:p[w:pPr/w:pStyle[{_LEVEL}]]", namespaces={"w": W_NS})
"""The body's paragraphs in a heading style of the contents, found in C (a report has ~1,000 paragraphs, a
few dozen headings: the rest are never made Python objects)."""
_STYLE_PATH, _VAL, _TEXT = f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val"), qn("w:t")


def headings(document: DocxDocument) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1 and 2 in the body, in order."""
    wanted = {style_id(document, f"Heading {level}"): level for level in range(1, LEVELS + 1)}
    styles = {f"level{level}": style_id(document, f"Heading {level}") for level in range(1, LEVELS + 1)}
    found = []
    for paragraph in _STYLED(document.element.body, **styles):
        style = paragraph.find(_STYLE_PATH)  # the paragraph's style, as Word reads it: its first
        if style is not None and style.get(_VAL) in wanted:
            text = "".join(t.text or "" for t in paragraph.iter(_TEXT))
            found.append((wanted[style.get(_VAL)], text))
    return found


def add_contents(document: DocxDocument, after, title: str, language: str, width_mm: float) -> None:
    """A contents page after the body element ``after``: a heading and the TOC field, filled."""
    tag = language_tag(language)
    _toc_styles(document, tag, width_mm)
    entries = headings(document)
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{_FIELD}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    paragraphs = [paragraph_xml(run_xml(title), style=style_id(document, "TOC Heading"), page_break_before=True)]
    for number, (level, text) in enumerate(entries):
        paragraphs.append(paragraph_xml((begin if number == 0 else "") + run_xml(text), style=f"TOC{level}"))
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    paragraphs.append(paragraph_xml(("" if entries else begin) + end))
    body = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(paragraphs)}</w:body>')
    for element in reversed(list(body)):
        after.addnext(element)
    ask_to_update_fields(document)
