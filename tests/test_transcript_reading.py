"""Reading transcripts as Teams, Zoom and others write them, in every encoding they come in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from transcript_fixtures import (
    PLAIN_BRACKETS,
    PLAIN_LEADING,
    SRT,
    TEAMS_VTT,
    ZOOM_VTT,
    old_teams_docx,
    teams_docx,
)

from trodden.models.errors import StoreError
from trodden.models.transcript.model import SpeakerRole, Transcript
from trodden.models.transcript.reading import read_transcript


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_teams_vtt_reads_voice_tags_and_millisecond_times(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "möte.vtt", TEAMS_VTT.encode()))
    assert transcript.kind == "vtt"
    assert transcript.source == "möte.vtt"
    assert [(c.start, c.end, c.speaker) for c in transcript.cues] == [
        (3.12, 7.45, "Bo Ek"),
        (8.01, 14.9, "Anna Lind"),
        (15.0, 19.25, "Anna Lind"),
        (62.5, 65.0, "Bo Ek"),
    ]
    assert transcript.cues[2].text == "Jag vill bara att mina växter ska må bra."
    assert transcript.speaker_names() == ["Bo Ek", "Anna Lind"]


def test_zoom_vtt_takes_the_speaker_from_before_the_colon(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "zoom.vtt", ZOOM_VTT.encode()))
    assert [(c.speaker, c.text) for c in transcript.cues] == [
        ("Bo Ek", "Hur hittade du skötselguiden?"),
        ("Anna Lind", "Den låg på webbshoppen, öh, längst ner på sidan."),
    ]


def test_srt_joins_lines_of_a_subtitle(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "optagelse.srt", SRT.encode()))
    assert transcript.kind == "srt"
    assert [(c.start, c.end) for c in transcript.cues] == [(2.5, 5.0), (5.4, 9.1)]
    assert transcript.cues[1].text == "Potten var knust ved levering, altså helt smadret."
    assert transcript.cues[0].speaker == ""


def test_teams_word_transcript_reads_speaker_time_and_words(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "Intervju.docx", teams_docx()))
    assert transcript.kind == "docx"
    assert [(c.start, c.speaker) for c in transcript.cues] == [(3, "Bo Ek"), (8, "Anna Lind"), (3725, "Anna Lind")]
    assert transcript.cues[1].text == "Ja, alltså, jag ringde dem tre gånger innan någon svarade."
    assert transcript.cues[0].end == 8  # the next turn's start


def test_older_teams_word_transcript_with_time_ranges(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "old.docx", old_teams_docx()))
    assert [(c.start, c.end, c.speaker, c.text) for c in transcript.cues] == [
        (3.12, 7.45, "Bo Ek", "Hur gick det?"),
        (8.1, 14.9, "Anna Lind", "Det gick bra, tack."),
    ]


@pytest.mark.parametrize("text", [PLAIN_BRACKETS, PLAIN_LEADING])
def test_plain_text_with_timestamps(tmp_path: Path, text: str) -> None:
    transcript = read_transcript(_write(tmp_path, "t.txt", text.encode()))
    assert transcript.kind == "text"
    assert [(c.start, c.speaker) for c in transcript.cues][:2] == [(3, "Bo Ek"), (8, "Anna Lind")]
    assert transcript.cues[1].text == "Jag ringde dem tre gånger."


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with a BOM, as Windows writes "Unicode"
        lambda text: text.encode("utf-16-le"),  # without one
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
)
def test_utf8_bom_and_utf16_read_the_same(tmp_path: Path, encode) -> None:
    transcript = read_transcript(_write(tmp_path, "teams.vtt", encode(TEAMS_VTT)))
    assert transcript.cues[2].text == "Jag vill bara att mina växter ska må bra."
    assert transcript.cues[0].speaker == "Bo Ek"


def test_unknown_encoding_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "mac.vtt", TEAMS_VTT.encode("mac_roman"))
    with pytest.raises(StoreError, match=r"mac\.vtt is not in a known encoding"):
        read_transcript(path)


def test_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    transcript = read_transcript(_write(tmp_path, "ansi.vtt", TEAMS_VTT.encode("cp1252")))
    assert transcript.cues[2].text == "Jag vill bara att mina växter ska må bra."
    assert transcript.warning is not None and "ansi.vtt is not UTF-8" in transcript.warning
    assert read_transcript(_write(tmp_path, "utf8.vtt", TEAMS_VTT.encode("utf-8"))).warning is None


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"just some words\nno times\n", "holds no timed transcript lines"),
        ("bad.docx", b"not a zip at all", r"is not a Word file \(a \.docx is a zip package, and this is not one\)"),
        ("photo.vtt", bytes(range(256)) * 4, "is not a text transcript"),
    ],
)
def test_files_that_are_not_transcripts_are_named(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    with pytest.raises(StoreError, match=f"{name}.*{says}"):
        read_transcript(_write(tmp_path, name, data))


def test_the_most_talkative_unmapped_speaker_is_guessed_participant() -> None:
    transcript = Transcript.model_validate(
        {
            "cues": [
                {"start": 0, "end": 1, "speaker": "Bo", "text": "Hur?"},
                {"start": 1, "end": 9, "speaker": "Anna", "text": "Det var så här att jag ringde och ringde"},
            ]
        }
    )
    assert transcript.roles() == {"Bo": SpeakerRole.INTERVIEWER, "Anna": SpeakerRole.PARTICIPANT}
    mapped = transcript.model_copy(update={"speakers": {"Bo": SpeakerRole.PARTICIPANT}})
    assert mapped.roles() == {"Bo": SpeakerRole.PARTICIPANT, "Anna": SpeakerRole.INTERVIEWER}


def _zip(tmp_path: Path, name: str, members: dict[str, bytes]) -> Path:
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for member, data in members.items():
            package.writestr(member, data)
    return path


def test_a_word_file_that_would_unpack_too_large_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    """A zip bomb named .docx: refused by its table of contents, before python-docx inflates it."""
    import trodden.models.transcript.reading as reading

    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 10_000)  # the rule, without inflating 100 MB here
    opened: list = []
    monkeypatch.setattr("docx.Document", lambda *args: opened.append(args))
    bomb = _zip(tmp_path, "möte.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" * 20_000})
    with pytest.raises(StoreError, match=r"möte\.docx would unpack to 0\.0 MB \(a zip bomb, or not a transcript\)"):
        read_transcript(bomb)
    assert opened == []


def test_a_zip_without_a_word_document_is_named(tmp_path: Path) -> None:
    other = _zip(tmp_path, "bilder.docx", {"photo.jpg": b"\xff\xd8"})
    with pytest.raises(StoreError, match=r"bilder\.docx is a zip package but holds no Word document"):
        read_transcript(other)


def test_a_file_too_large_for_a_transcript_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    """50 MB (a recording chosen by mistake): named with its size, never read into memory."""
    big = tmp_path / "inspelning.vtt"
    with big.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: nothing written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(StoreError, match=r"inspelning\.vtt is 50\.0 MB, too large for a transcript"):
        read_transcript(big)
