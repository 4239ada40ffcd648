"""Search: words with their endings, filters, the command and the screen (Pilot)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import CLOCK, add_lines, build_study
from waiting import wait_until

from trodden.models.map.journey_map import MapItem
from trodden.models.map.map_session import MapSession
from trodden.models.notes.cleaning import parse_line
from trodden.models.search.loading import load_search
from trodden.models.search.query import QueryError, parse_query
from trodden.models.storage.store import StudyStore
from trodden.tui.app import TroddenApp
from trodden.tui.cli.main import main
from trodden.tui.search.results import ResultsList
from trodden.tui.search.screen import SearchScreen

MORE = ["Växterna dog i kylan #leverans", "alla växter kom fram hela @post", "En växt till köket"]


@pytest.fixture
def store(tmp_path: Path) -> StudyStore:
    """The crafted Swedish study plus a third interview whose notes share the stem ``växt``."""
    store = build_study(tmp_path / "study")
    interview = store.new_interview("P3", start=CLOCK + timedelta(days=2))
    with store.open_interview(interview.id) as session:
        add_lines(session, MORE, CLOCK + timedelta(days=2))
        session.end(CLOCK + timedelta(days=2, hours=1))
    with MapSession(store.path, writable=True) as session:
        p1 = store.find_interview("P1").id
        session.put_item(MapItem(id=1, title="Queues on the phone", phase="ph1", evidence=[f"{p1}/2"]))
    return StudyStore.open(store.path)


def texts(store: StudyStore, query: str) -> list[str]:
    index, _ = load_search(store)
    return [hit.note.text for hit in index.search(parse_query(query))]


def test_a_word_finds_its_swedish_endings(store: StudyStore) -> None:
    found = texts(store, "växt")
    assert len(found) == 4  # växter, Växterna, växter, växt: every ending, any case
    assert texts(store, "växterna") == found  # the same stem both ways


def test_the_start_of_a_word_is_enough(store: StudyStore) -> None:
    assert texts(store, "förpack") == ["lagret skickade fel kruka #förpackning"]
    assert texts(store, "telef minut") == ["@telefon i kö i 40 minuter #kundtjänst"]


def test_every_word_must_match(store: StudyStore) -> None:
    assert texts(store, "växt kylan") == ["Växterna dog i kylan #leverans"]
    assert texts(store, "växt zebra") == []


def test_filters_typed_in_the_query(store: StudyStore) -> None:
    assert texts(store, "#förp") == ["lagret skickade fel kruka #förpackning"]
    assert texts(store, "@butik kind:quote") == ["Jag vill bara att mina växter ska må bra"]
    assert len(texts(store, "feeling:-")) == 2  # P1's phone queue and P2's broken pot
    assert texts(store, "p:P2 @butik") == ["asked in the store about light @butik"]
    assert texts(store, 'type:"first-time" feeling:--') == ["potten var knust ved levering @e-mail #levering"]
    assert len(texts(store, "theme:plants p:P1")) == 6 and len(texts(store, "theme:1 p:P1")) == 6
    assert texts(store, "phase:searching") == []
    with pytest.raises(QueryError, match="banana"):
        parse_query("kind:banana")


def test_the_command_line_finds_and_filters(store: StudyStore, capsys) -> None:
    assert main(["search", str(store.path), "växt", "--participant", "P3"]) == 0
    out = capsys.readouterr().out
    assert "Växterna dog i kylan" in out and "alla växter" in out and "3 notes of 12 found" in out
    assert main(["search", str(store.path), "--tag", "förpackning", "--kind", "backstage"]) == 0
    assert "1 note of 12 found" in capsys.readouterr().out
    assert main(["search", str(store.path), "feeling:maybe"]) == 2
    assert "feeling “maybe”" in capsys.readouterr().err


async def _searched(pilot, query: str) -> ResultsList:
    screen = pilot.app.screen
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SearchScreen), "the search screen")
    screen = pilot.app.screen
    await wait_until(pilot, lambda: screen.index is not None, "the index to load")
    await pilot.press(*query)
    await pilot.pause()
    return screen.query_one(ResultsList)


def test_ctrl_f_then_enter_opens_the_note_in_its_interview(store: StudyStore) -> None:
    from trodden.tui.clean.screen import CleanScreen

    async def run() -> tuple[int, str, int | None]:
        app = TroddenApp(store)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("ctrl+f")
            results = await _searched(pilot, "kylan")
            count = len(results.hits)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, CleanScreen), "the clean screen")
            clean = app.screen
            await wait_until(pilot, lambda: clean.session is not None, "the interview to open")
            return count, clean.interview_id, clean.selected_seq()

    count, interview, seq = asyncio.run(run())
    assert count == 1
    assert interview == store.find_interview("P3").id and seq == 1


def test_m_opens_the_item_a_note_backs_on_the_map(store: StudyStore) -> None:
    from trodden.tui.map.screen import MapScreen

    async def run() -> int | None:
        app = TroddenApp(store)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("ctrl+f")
            await _searched(pilot, "kö minuter")
            await pilot.press("tab", "m")
            await wait_until(pilot, lambda: isinstance(app.screen, MapScreen), "the map")
            board = app.screen
            await wait_until(pilot, lambda: board.loaded is not None, "the map to load")
            await pilot.pause()
            item = board.current_item()
            return item.id if item else None

    assert asyncio.run(run()) == 1


def _search_app(tmp_path: Path) -> TroddenApp:
    store = build_study(tmp_path / "study")
    return TroddenApp(StudyStore.open(store.path), start=lambda s: SearchScreen(s))


async def _typed(pilot) -> None:
    await _searched(pilot, "växt")
    await pilot.pause()


def test_search_snapshot_80x24(tmp_path: Path, snap_compare) -> None:
    assert snap_compare(_search_app(tmp_path), terminal_size=(80, 24), run_before=_typed)


def test_search_snapshot_160x48(tmp_path: Path, snap_compare) -> None:
    assert snap_compare(_search_app(tmp_path), terminal_size=(160, 48), run_before=_typed)


def test_a_note_saved_later_is_found_without_a_rebuild(store: StudyStore) -> None:
    index, _ = load_search(store)
    first = index.search(parse_query("växt"))[0].note
    index.upsert(first.model_copy(update={"id": "x/99", "seq": 99, "text": "nya krukväxter"}))
    assert [hit.note.text for hit in index.search(parse_query("krukväxt"))] == ["nya krukväxter"]
    index.upsert(first.model_copy(update={"deleted": True}))
    assert first.text not in [hit.note.text for hit in index.search(parse_query("växt"))]


def test_the_kept_index_is_read_again_once_a_note_is_written(store: StudyStore) -> None:
    first, _ = load_search(store)
    assert load_search(store)[0] is first  # nothing changed: the same index, at once
    with store.open_interview(store.find_interview("P2").id) as session:
        session.add_note(parse_line("nya krukväxter @butik"), raw="nya krukväxter @butik")
    again, _ = load_search(store)
    assert again is not first and [h.note.text for h in again.search(parse_query("krukväxt"))] == [
        "nya krukväxter @butik"
    ]


def test_a_participant_the_study_does_not_have_is_named_not_just_zero(store: StudyStore, capsys) -> None:
    """``--participant P03`` on a study of P1..P3 found nothing, silently: the README's example on the sample."""
    index, _ = load_search(store)
    assert index.unknown_participants(parse_query("p:P03 p:p1")) == ["p03"]
    assert main(["search", str(store.path), "växt", "--participant", "P03"]) == 0
    captured = capsys.readouterr()
    assert "0 notes of" in captured.out and "no participant p03 in this study" in captured.err.casefold()
    assert "P1, P2, P3" in captured.err


def test_decomposed_letters_as_a_mac_pastes_them_are_the_same_letters(store: StudyStore) -> None:
    """``ö`` as o + U+0308 (NFD: macOS file names, some editors) cut ``#förpackning`` to the tag ``fo``."""
    import unicodedata

    from trodden.models.notes.retag import clean_name
    from trodden.models.notes.syntax import parse

    nfd = unicodedata.normalize("NFD", "kartongen #förpackning @växtbutik")
    draft = parse(nfd)
    assert (draft.tags, draft.channels) == (("förpackning",), ("växtbutik",))
    assert clean_name(unicodedata.normalize("NFD", "#Förpackning")) == "förpackning"
    index, _ = load_search(store)
    typed = parse_query(unicodedata.normalize("NFD", "växt"))
    assert typed.words == ("växt",) and len(index.search(typed)) == len(index.search(parse_query("växt"))) > 0


def test_a_damaged_map_leaves_search_and_tags_working(store: StudyStore, capsys) -> None:
    """Search and tags are about notes: a damaged map edit (a complete frame whose checksum fails, in
    another researcher's file) must not stop them, and the file is never changed."""
    import struct
    import zlib

    from trodden.models.map.map_session import MAP_FOLDER

    payload = b"Ugarbage{"
    damaged = store.path / MAP_FOLDER / "ZZ.updates"
    damaged.parent.mkdir(exist_ok=True)
    damaged.write_bytes(struct.pack(">II", len(payload), zlib.crc32(payload) ^ 1) + payload)
    before = damaged.read_bytes()
    assert main(["search", str(store.path), "växt"]) in (0, 1)
    assert "4 notes of" in capsys.readouterr().out
    assert main(["tags", str(store.path)]) in (0, 1)
    assert "#leverans" in capsys.readouterr().out
    assert main(["tags", str(store.path), "rename", "#leverans", "#frakt"]) == 0
    assert "#leverans → #frakt" in capsys.readouterr().out
    assert damaged.read_bytes() == before


def test_no_query_with_stdin_not_a_terminal_lists_instead_of_waiting(store: StudyStore, capsys, monkeypatch) -> None:
    """``trodden search DIR < file`` in a terminal opened the screen with no keyboard and waited forever."""
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # stdout a terminal; pytest's stdin is none
    assert main(["search", str(store.path)]) == 0
    assert "notes of" in capsys.readouterr().out


def test_notes_stored_decomposed_are_found_by_composed_words_tags_and_marked(store: StudyStore) -> None:
    """A note written in NFD (an old import, a Mac's file) was indexed as ``va`` + ``xterna``."""
    import unicodedata

    from trodden.models.search.index import SearchIndex

    index, loaded = load_search(store)
    note = index.search(parse_query("kylan"))[0].note
    nfd = note.model_copy(
        update={
            "text": unicodedata.normalize("NFD", "Får växterna i kön"),
            "tags": [unicodedata.normalize("NFD", "förpackning")],
        }
    )
    decomposed = SearchIndex.build([nfd], loaded.interviews, language="sv")
    for typed in ("får", "växt", "kön", "#förp", unicodedata.normalize("NFD", "växterna")):
        assert len(decomposed.search(parse_query(typed))) == 1, typed
    assert len(decomposed.search(parse_query("xterna"))) == 0  # the word is not cut at the combining mark
    spans = decomposed.spans(nfd.text, parse_query("växt"))
    assert [unicodedata.normalize("NFC", nfd.text[start:end]) for start, end in spans] == ["växterna"]


@pytest.mark.parametrize("typed", ["p:", "p:  växt", 'p:""', "kind:", "theme: växt"])
def test_a_filter_with_no_value_is_named_not_searched_for(typed: str) -> None:
    """``p:`` alone searched for the word "p" and found nothing, silently."""
    name = typed.split(":")[0]
    with pytest.raises(QueryError, match=f"^{name}: needs a value, as in"):
        parse_query(typed)


def test_the_command_line_names_an_empty_filter(store: StudyStore, capsys) -> None:
    assert main(["search", str(store.path), "växt", "--participant", ""]) == 2
    assert "participant: needs a value, as in p:P3" in capsys.readouterr().err
    assert main(["search", str(store.path), "p:"]) == 2
    assert "p: needs a value" in capsys.readouterr().err


def test_the_screen_says_a_filter_needs_a_value_then_finds_once_it_has_one(store: StudyStore) -> None:
    async def run() -> tuple[str, str, int]:
        app = TroddenApp(store, start=lambda s: SearchScreen(s))
        async with app.run_test(size=(100, 24)) as pilot:
            results = await _searched(pilot, "p:")
            said = str(app.screen.query_one("#search-status").render())
            await pilot.press("P", "3")
            await pilot.pause()
            return said, str(app.screen.query_one("#search-status").render()), len(results.hits)

    said, then, found = asyncio.run(run())
    assert "p: needs a value, as in p:P3" in said
    assert found == 3 and "3 of 12 notes: p:P3" in then
