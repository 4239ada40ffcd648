"""Transcript files as Teams, Zoom and others really write them, built for the tests."""

from __future__ import annotations

import io

from docx import Document

TEAMS_VTT = """WEBVTT

0f7cbb43-9c3e-4b51-a2a3-6e7b1c0d2f11/14-0
00:00:03.120 --> 00:00:07.450
<v Bo Ek>Kan du berätta om senaste gången du köpte en växt?</v>

0f7cbb43-9c3e-4b51-a2a3-6e7b1c0d2f11/15-0
00:00:08.010 --> 00:00:14.900
<v Anna Lind>Ja, alltså, jag ringde dem tre gånger innan någon svarade.</v>

0f7cbb43-9c3e-4b51-a2a3-6e7b1c0d2f11/15-1
00:00:15.000 --> 00:00:19.250
<v Anna Lind>Jag vill bara att mina växter ska må bra.</v>

NOTE Teams writes cue settings and notes too

0f7cbb43-9c3e-4b51-a2a3-6e7b1c0d2f11/16-0
00:01:02.500 --> 00:01:05.000 align:start
<v Bo Ek>Och sen då?</v>
"""

ZOOM_VTT = """WEBVTT

1
00:00:01.200 --> 00:00:04.800
Bo Ek: Hur hittade du skötselguiden?

2
00:00:05.100 --> 00:00:09.900
Anna Lind: Den låg på webbshoppen, öh, längst ner på sidan.
"""

SRT = """1
00:00:02,500 --> 00:00:05,000
Jeg elsker at have planter i stuen.

2
00:00:05,400 --> 00:00:09,100
Potten var knust ved levering,
altså helt smadret.
"""

PLAIN_BRACKETS = """Interview P1, 2 March
[00:00:03] Bo Ek: Kan du berätta om senaste gången?
[00:00:08] Anna Lind: Jag ringde dem tre gånger.
[00:01:02] Och sen då?
"""

PLAIN_LEADING = """00:00:03 Bo Ek: Kan du berätta om senaste gången?
00:00:08 Anna Lind: Jag ringde dem tre gånger.
"""


def teams_docx() -> bytes:
    """Teams' Word transcript (2023 on): a title, then per turn 'Name   m:ss' and the words."""
    document = Document()
    document.add_paragraph("Intervju P1-20260302_100000-Mötesinspelning")
    document.add_paragraph("2 mars 2026, 10:00AM\n42m 10s")
    for speaker, stamp, words in (
        ("Bo Ek", "0:03", "Kan du berätta om senaste gången du köpte en växt?"),
        ("Anna Lind", "0:08", "Ja, alltså, jag ringde dem tre gånger innan någon svarade."),
        ("Anna Lind", "1:02:05", "Jag vill bara att mina växter ska må bra."),
    ):
        document.add_paragraph(f"{speaker}   {stamp}")
        document.add_paragraph(words)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def old_teams_docx() -> bytes:
    """Teams' older Word transcript: 'start --> end', then the speaker, then the words."""
    document = Document()
    for start, end, speaker, words in (
        ("0:0:3.120", "0:0:7.450", "Bo Ek", "Hur gick det?"),
        ("0:0:8.10", "0:0:14.900", "Anna Lind", "Det gick bra, tack."),
    ):
        document.add_paragraph(f"{start} --> {end}\n{speaker}\n{words}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
