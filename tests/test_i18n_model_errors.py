"""The errors models raise reach the user in the study's language (or --ui-lang): settings refused,
storage problems, transcripts that cannot be read. The English stays word for word as before (other
tests assert it); paths and technical detail are data, kept as they are. Pure and in-process: fast."""

from __future__ import annotations

from conftest import build_study

from trodden.tui import i18n
from trodden.tui.cli.main import main


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_swedish_study_refuses_a_setting_in_swedish(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    store = build_study(tmp_path / "s")  # a Swedish study
    code, _, err = _run(capsys, "study", store.path, "set", "name", "a\nb")
    assert code == 1
    assert err.strip() == (
        "trodden: namnet måste vara en rad vanlig text, men tecken 2 är en radbrytning (␊): "
        "skriv in det igen utan det tecknet"
    )
    _, _, err = _run(capsys, "study", store.path, "set", "scope", "hela", "--ui-lang", "da")
    assert err.strip() == "trodden: scope kan ikke være 'hela'; vælg en af: whole, episode"
    _, _, err = _run(capsys, "study", store.path, "set", "name", "", "--ui-lang", "en")
    assert err.strip() == "trodden: the name cannot be empty"
    assert i18n.language() == "en"


def test_storage_errors_say_their_words_in_the_language_and_keep_paths_as_data(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    empty = tmp_path / "tom [bold]mapp"  # a path that looks like markup stays as it is
    empty.mkdir()
    code, _, err = _run(capsys, "tags", empty, "--ui-lang", "sv")
    assert code == 1
    assert err.strip() == f"trodden: {empty} är ingen trodden-studie (ingen study.json); skapa en med 'trodden new'"
    _, _, err = _run(capsys, "tags", tmp_path / "saknas", "--ui-lang", "da")
    assert err.strip() == f"trodden: {tmp_path / 'saknas'} findes ikke"
    _, _, err = _run(capsys, "tags", empty)
    assert err.strip() == f"trodden: {empty} is not a trodden study (no study.json); create one with 'trodden new'"


def test_a_full_disk_a_lock_and_a_damaged_file_in_swedish():
    import errno

    from trodden.models.errors import CorruptFile, Locked, WriteFailed, unreadable

    full = OSError(errno.ENOSPC, "No space left on device")
    i18n.set_language("sv")
    assert str(WriteFailed("/s/x.json", full, doing="write", then="nothing was left behind")) == (
        "kunde inte skriva /s/x.json: Det finns inget utrymme kvar på enheten; inget lämnades kvar"
    )
    assert str(WriteFailed("/s/x", OSError(errno.EIO, "Input/output error"))) == (
        "kunde inte spara till /s/x: Input/output error"  # a rare reason stays the system's own
    )
    assert str(Locked("/s/map", "en annan process")).startswith("/s/map är redan öppen för skrivning av en annan")
    assert str(CorruptFile("/s/study.json", unreadable(PermissionError(errno.EACCES, "Permission denied")))) == (
        "/s/study.json: kan inte läsas (Åtkomst nekad) (filen lämnades orörd)"
    )
    i18n.set_language("en")
    assert str(WriteFailed("/s/x", full, doing="open for writing")) == (
        "could not open for writing /s/x: No space left on device"
    )


def test_transcripts_that_cannot_be_read_are_named_in_danish_and_swedish(tmp_path):
    import pytest

    from trodden.models.errors import StoreError
    from trodden.models.transcript.reading import read_transcript

    fake = tmp_path / "möte.docx"
    fake.write_bytes(b"not a zip at all")
    latin = tmp_path / "möte.vtt"
    latin.write_bytes("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSå säger jag\n".encode("mac_roman"))
    i18n.set_language("da")
    with pytest.raises(StoreError) as refused:
        read_transcript(fake)
    assert str(refused.value) == (
        f"{fake} er ikke en Word-fil (en .docx er en zip-pakke, og det er denne ikke); "
        "eksporter transskriptionen igen fra Teams (.docx eller .vtt)"
    )
    i18n.set_language("sv")
    with pytest.raises(StoreError) as refused:
        read_transcript(latin)
    assert str(refused.value).startswith(
        f"{latin} har ingen känd teckenkodning (varken UTF-8, UTF-16 eller Windows-1252, rad 4); spara"
    )
    with pytest.raises(StoreError) as refused:
        read_transcript(tmp_path / "saknas.vtt")
    assert str(refused.value) == f"{tmp_path / 'saknas.vtt'} finns inte"
    i18n.set_language("en")
    with pytest.raises(StoreError) as refused:
        read_transcript(fake)
    assert "is not a Word file (a .docx is a zip package, and this is not one); export" in str(refused.value)


def test_the_map_clean_and_change_screens_refuse_in_the_studys_language():
    """What models refuse while a researcher works (a merge with nothing selected, a note emptied, an
    idea without words) is said in the interface's language, not in English."""
    from datetime import datetime

    import pytest

    from trodden.models.change.areas import PlanError, new_area
    from trodden.models.change.edit import add_idea
    from trodden.models.change.plan import ChangePlan, ProblemArea
    from trodden.models.change.priority import set_priority
    from trodden.models.domain import Note
    from trodden.models.map.edit import EditError, merge_items
    from trodden.models.map.journey_map import JourneyMap, MapItem
    from trodden.models.notes.cleaning import CleanError, merge

    journey = JourneyMap(items=[MapItem(id=1, title="Leveransen")])
    try:
        i18n.set_language("sv")
        with pytest.raises(EditError, match=r"^välj andra lappar att slå ihop med den här"):
            merge_items(journey, 1, [])
        i18n.set_language("da")
        with pytest.raises(CleanError, match=r"^en note kan ikke lægges sammen med sig selv$"):
            note = Note(id="i/1", interview="i", seq=1, t=0, wall=datetime(2026, 1, 1), text="blåbär")
            merge(note, note, datetime(2026, 1, 1))
        with pytest.raises(Exception, match=r"^Vælg et problemområde først$"):
            add_idea(ChangePlan(), 7, "mere tid", lambda _collection: 1)
        plan = ChangePlan(areas=[ProblemArea(id=1, title="Leveransen")])
        with pytest.raises(PlanError, match=r"^værdi er 1 til 5, ikke 9$"):  # typed "9 2" on the change screen
            set_priority(plan, 1, impact=9, effort=2)
        i18n.set_language("sv")
        with pytest.raises(PlanError, match=r"^insats är 1 till 5, inte 0$"):
            set_priority(plan, 1, impact=3, effort=0)
        with pytest.raises(PlanError, match=r"^Ge det nya området en rubrik"):
            new_area(plan, JourneyMap(), lambda _collection: 2, title="  ")
    finally:
        i18n.set_language("en")


def test_a_damaged_table_file_is_named_in_swedish(tmp_path):
    """A damaged file's reason is translated too; the path stays as it is (data)."""
    import pytest

    from trodden.models.errors import CorruptFile
    from trodden.models.storage.snapshot import parse_snapshot

    path = tmp_path / "intervjuer" / "notes.json"
    try:
        i18n.set_language("sv")
        with pytest.raises(CorruptFile) as refused:
            parse_snapshot(b'{"notes": []}', path)
        assert str(refused.value).startswith(f"{path}: tabell 'notes' är inget JSON-objekt")
    finally:
        i18n.set_language("en")
