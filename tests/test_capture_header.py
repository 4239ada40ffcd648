"""The capture status line keeps the participant, the clock and the save indicator at any width."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from test_capture_support import FakeClock, capture_app, pilot_test, settle

from trodden.models.domain import Guide, GuideTheme, Study
from trodden.models.storage.store import StudyStore
from trodden.tui.capture.header import HeaderParts, fit_header

PARTS = HeaderParts(
    study="Skapa ett grönt hem för hela familjen",
    participant="P12",
    clock="41:07",
    clock_state=None,
    theme="4 Att hitta rätt växt för ett mörkt hörn",
    phase="Söka och jämföra",
    status=("✓ saved", "green"),
)


def test_everything_shows_when_it_fits():
    line = fit_header(PARTS, 200).plain
    assert line == (
        "Skapa ett grönt hem för hela familjen  │  P12  │  41:07  │  Theme 4 Att hitta rätt växt för ett mörkt hörn"
        "  │  Phase Söka och jämföra  │  ✓ saved"
    )


def test_the_study_name_goes_first_then_names_are_shortened():
    assert fit_header(PARTS, 100).plain == (
        "P12 │ 41:07 │ Theme 4 Att hitta rätt växt för ett mörkt hörn │ Phase Söka och jämföra │ ✓ saved"
    )
    assert (
        fit_header(PARTS, 80).plain
        == "P12 │ 41:07 │ Theme 4 Att hitta rätt växt fö… │ Phase Söka och jämföra │ ✓ saved"
    )
    assert fit_header(PARTS, 60).plain == "P12 │ 41:07 │ Theme 4 Att hit… │ Phase Söka och j… │ ✓ saved"
    assert fit_header(PARTS, 45).plain == "P12 │ 41:07 │ Theme 4 Att hitta rä… │ ✓ saved"  # no room for two
    assert fit_header(PARTS, 24).plain == "P12 │ 41:07 │ ✓ saved"


@given(
    study=st.text(max_size=80),
    participant=st.text(min_size=1, max_size=8),
    theme=st.text(max_size=120),
    phase=st.text(max_size=60),
    paused=st.booleans(),
    width=st.integers(min_value=40, max_value=240),
)
def test_fits_and_keeps_what_matters(study, participant, theme, phase, paused, width):
    parts = HeaderParts(
        study=study,
        participant=participant,
        clock="123:59",
        clock_state=(" paused", "bold yellow") if paused else None,
        theme=theme,
        phase=phase,
        status=("✗ not saved", "bold red"),
    )
    line = fit_header(parts, width)
    assert line.cell_len <= width or cell_len(fit_header(parts, 0).plain) > width
    assert "123:59" in line.plain and line.plain.endswith("✗ not saved")


@pilot_test
async def test_an_80_column_terminal_still_shows_the_save_indicator(tmp_path):
    store = StudyStore.create(
        tmp_path / "s",
        Study(name="Skapa ett grönt hem"),
        guide=Guide(themes=[GuideTheme(id="th1", title="Om att hitta " * 8)]),
    )
    app, _source = capture_app(store, FakeClock())
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.press(*"/theme 1", "enter")
        await settle(pilot)
        painted = app.screen.query_one("#capture-header").render_line(0).text
        assert painted.startswith("P1 │ 00:00 │ Theme 1 Om att hitta Om") and painted.endswith("│ Phase — │ ✓ saved")
        await pilot.resize_terminal(200, 20)
        await pilot.pause()
        painted = app.screen.query_one("#capture-header").render_line(0).text
        assert painted.startswith("Skapa ett grönt hem  │  P1") and painted.rstrip().endswith("✓ saved")
