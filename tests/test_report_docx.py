"""The Word report read back with python-docx: sections, orientation, tables, pictures, styles, properties."""

from __future__ import annotations

import io
import math
import struct
import zlib

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from report_study import HOSTILE, make_study

from trodden.exporters.curve_image import Dot, curve_png
from trodden.exporters.report_assemble import build_report
from trodden.exporters.report_docx import render


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = make_study(tmp_path_factory.mktemp("docx") / "s")
    report, _ = build_report(store)
    return report, Document(io.BytesIO(render(report)))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_sections_a4_title_portrait_map_landscape(built):
    _, document = built
    sections = document.sections
    assert len(sections) == 3
    orientations = [s.orientation for s in sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    for section in sections:
        short, long = sorted([section.page_width, section.page_height])
        assert abs(short - Mm(210)) < Mm(1) and abs(long - Mm(297)) < Mm(1)
    assert sections[1].page_width > sections[1].page_height
    assert sections[0].different_first_page_header_footer  # a clean title page
    assert not sections[1].different_first_page_header_footer


def test_page_numbers_in_footer(built):
    _, document = built
    footer = document.sections[0].footer._element
    assert any(node.text == "PAGE" for node in footer.iter(qn("w:instrText")))


def test_properties(built):
    _report, document = built
    properties = document.core_properties
    assert properties.title == "Creating a thriving home"
    assert properties.author == ""  # no author given: never a made-up one
    assert properties.subject == "Journey report"
    assert properties.language == "en-GB"


def test_real_styles(built):
    _, document = built
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote", "List Bullet"} <= used
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "The journey map",
        "Emotion curve",
        "The journey phase by phase",
        "Moments of truth",
        "Problem areas and next steps",
        "Backstage",
        "Open method checks",
        "Appendix: evidence",
    ]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert "“Why does nobody call when it goes wrong?”  — P3, 06:40" in quotes


def test_map_table_layout(built):
    report, document = built
    body = document.element.body
    # the map table is the first table after the landscape section break
    tables = document.tables
    table = next(t for t in tables if t.rows[0].cells[-1].text.startswith("3. Caring"))
    assert len(table.columns) == 1 + len(report.phases)
    assert [c.text for c in table.rows[0].cells[1:]] == [f"{p.number}. {p.name}" for p in report.phases]
    lanes = [row.cells[0].text for row in table.rows[1:]]
    assert lanes[:3] == ["Touchpoints", "Channels", "Hearts and thunderclouds"]
    assert lanes.count("Emotion curve") == 2  # the picture row and the values row, merged
    # repeating header, fixed layout, a width on every cell, shaded lane headers
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    for row in table.rows:
        for tc in row._tr.tc_lst:
            assert tc.tcPr.find(qn("w:tcW")) is not None
    lane_fill = table.rows[1].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert lane_fill == "DCE6F1"
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) / 1440 * 25.4 <= 297 - 2 * 14  # fits the landscape page
    # the map table sits in the landscape section
    position = list(body).index(table._tbl)
    breaks = [i for i, el in enumerate(body) if el.find(f".//{qn('w:sectPr')}") is not None]
    assert breaks[0] < position < breaks[1]
    cells = "\n".join(c.text for row in table.rows for c in row.cells)
    assert "♥ Gets inspired by others' homes  2/3" in cells
    assert "☁ Fills in the address  2/3" in cells
    assert HOSTILE in cells


def test_curve_pictures_are_png(built):
    _, document = built
    shapes = document.inline_shapes
    assert len(shapes) == 2  # inside the map, and on the curve page
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = document.part.related_parts[blip.embed]
        assert part.content_type == "image/png"
        assert part.blob.startswith(b"\x89PNG\r\n\x1a\n")


def test_text_is_complete_and_private(built):
    report, document = built
    text = all_text(document)
    assert "Secret Name" not in text
    assert "How might we make the first hour with a new plant a joy?" in text
    assert "set by hand: workshop call (computed: −0.7)" in text
    for item in report.items:
        assert item.title in text
    assert "Plant arrived wilted " + HOSTILE in text


def test_control_characters_do_not_break_word(tmp_path):
    store = make_study(tmp_path / "s", phase3="bell\x07 and escape\x1b[31m")
    report, _ = build_report(store)
    document = Document(io.BytesIO(render(report)))
    assert "bell␇ and escape␛[31m" in all_text(document)


def test_swedish_headings(tmp_path):
    store = make_study(tmp_path / "s", language="sv")
    report, _ = build_report(store)
    document = Document(io.BytesIO(render(report)))
    assert next(p.text for p in document.paragraphs if p.style.name == "Heading 1") == "Kundresekartan"
    assert document.core_properties.language == "sv-SE"


def _png_size_and_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        chunks[kind] = chunks.get(kind, b"") + body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    return width, height, zlib.decompress(chunks[b"IDAT"])


def test_curve_png_draws_the_line():
    data = curve_png([Dot(2.0), Dot(-2.0, 0.5, override=True), Dot(None)], width_mm=60, height_mm=20, dpi=100)
    width, height, raw = _png_size_and_pixels(data)
    assert (width, height) == (round(60 / 25.4 * 100), round(20 / 25.4 * 100))
    stride = width * 3 + 1
    assert len(raw) == stride * height

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        i = y * stride + 1 + x * 3
        return raw[i], raw[i + 1], raw[i + 2]

    # the line's colour appears between the first two dots, and the third column stays empty of it
    line = (31, 78, 121)
    middle = width // 3
    assert any(pixel(middle, y) == line for y in range(height))
    assert not any(pixel(width * 5 // 6, y) == line for y in range(height))
    assert curve_png([Dot(1.0)], width_mm=30, height_mm=10) == curve_png([Dot(1.0)], width_mm=30, height_mm=10)


@pytest.mark.parametrize(("cx", "cy", "size"), [(37.4, 40.3, 17.7), (9.3, 12.77, 7.3), (2.0, 2.5, 2.0)])
def test_curve_heart_is_sampled_like_one_sample_at_a_time(cx, cy, size):
    """The heart icon's 4x4 samples are tested a row at a time; every pixel is as one sample
    at a time gives (the picture's bytes do not change with the speed-up)."""
    from trodden.exporters.curve_image import HEART, Canvas, _heart

    drawn, expected = Canvas(90, 80), Canvas(90, 80)
    _heart(drawn, cx, cy, size)
    offsets = [(i + 0.5) / 4 for i in range(4)]
    for y in range(math.floor(cy - size), math.ceil(cy + size)):
        for x in range(math.floor(cx - size), math.ceil(cx + size)):
            hits = 0
            for ox in offsets:
                for oy in offsets:
                    u, v = (x + ox - cx) / size * 1.3, -(y + oy - cy) / size * 1.3 + 0.25
                    hits += (u * u + v * v - 1) ** 3 - u * u * v**3 <= 0
            if hits:
                expected.blend(x, y, HEART, hits / 16)
    assert drawn.pixels == expected.pixels
    assert bytes(HEART) in drawn.pixels  # the heart is there, solid in its middle


PPR = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TBLPR = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]
TCPR = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]


def test_properties_in_schema_order(built):
    """Word refuses a file whose property elements are out of the schema's order."""
    _, document = built
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tag, order in (("pPr", PPR), ("rPr", RPR), ("tblPr", TBLPR), ("tcPr", TCPR)):
        for element in document.element.body.iter(w + tag):
            names = [child.tag.replace(w, "") for child in element]
            assert all(name in order for name in names), (tag, names)
            positions = [order.index(name) for name in names]
            assert positions == sorted(positions), (tag, names)
