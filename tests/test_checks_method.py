"""The method checks of issue 13, each on a crafted study that triggers it and one that does not,
in English and Swedish (and Danish where the words differ)."""

from __future__ import annotations

import pytest

try:
    from map_kit import build_study
except ImportError:  # tests as a package
    from .map_kit import build_study

from trodden.models.check_codes import CODES
from trodden.models.check_words import INSIDE_OUT_JOURNEY, INSIDE_OUT_PHASE, matches
from trodden.models.checks import run_checks
from trodden.models.domain import Participant, Role, Scope
from trodden.models.map.evidence import load_study_map
from trodden.models.map.journey_map import ItemKind, JourneyMap, MapItem, Mark

NEW_CODES = [
    "journey-name-inside-out",
    "purpose-unset",
    "too-many-phases",
    "phase-inside-out",
    "heart-thin-evidence",
    "cloud-thin-evidence",
    "moment-no-question",
    "segment-narrow",
    "interviews-few",
    "backstage-heavy",
]


def make(
    tmp_path,
    *,
    lang="en",
    name="Creating a thriving home",
    purpose="Decide what to fix first",
    phases=("Finding a plant", "Getting it home"),
    people=None,
    scope=Scope.WHOLE,
):
    """A study; ``people`` maps a code to (role, segment or team); each gets one note in phase 1."""
    people = people or {"P1": ("customer", "a"), "P2": ("customer", "b")}
    store = build_study(tmp_path / "s", list(phases), {code: [f"1|* note by {code} @web"] for code in people})

    def change(data):
        data.study.name, data.study.purpose, data.study.language, data.study.scope = name, purpose, lang, scope
        data.participants = [
            Participant(code=code, role=Role(role), **({"team": kind} if role == "staff" else {"segment": kind}))
            for code, (role, kind) in people.items()
        ]

    store.update(change)
    return store


def findings(store, journey: JourneyMap | None = None, code: str | None = None):
    loaded = load_study_map(store, journey or JourneyMap())
    found = run_checks(loaded.data, loaded.interviews, loaded.index, journey or JourneyMap())
    return [f for f in found if code is None or f.code == code]


def note_of(store, code: str) -> str:
    index = load_study_map(store).index
    return next(n.id for n in index.notes.values() if index.participant(n) == code)


def test_every_new_code_is_explained():
    assert set(NEW_CODES) <= set(CODES)


@pytest.mark.parametrize(
    ("lang", "name", "word"),
    [
        ("sv", "Att köpa blommor online", "bara"),
        ("en", "Buying plants online", "company"),
        ("da", "At KØBE planter i webshoppen", "virksomhedens"),
        ("en", "Ordering from the web shop", "company"),
    ],
)
def test_journey_named_from_the_company_side(tmp_path, lang, name, word):
    found = findings(make(tmp_path, lang=lang, name=name), code="journey-name-inside-out")
    assert len(found) == 1 and found[0].severity == "warning"
    if lang != "en":
        assert "företagets" in found[0].message or "virksomhedens" in found[0].message
    else:
        assert word in found[0].message


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("sv", "Skapa ett frodande hem"),
        ("en", "Creating a thriving home"),
        ("da", "Et frodigt hjem"),
        ("en", "Onlineness"),
    ],
)
def test_journey_named_from_the_customer_side_passes(tmp_path, lang, name):
    assert findings(make(tmp_path, lang=lang, name=name), code="journey-name-inside-out") == []


def test_word_lists_fold_case_and_diacritics_and_match_whole_words():
    assert matches("KOPA blommor", INSIDE_OUT_JOURNEY) == ["KOPA"]
    assert matches("Att köpa blommor Online", INSIDE_OUT_JOURNEY) == ["köpa", "Online"]
    assert matches("Orderhantering", INSIDE_OUT_PHASE) == ["Orderhantering"]
    assert matches("ordrehandtering och Ordrehåndtering", INSIDE_OUT_PHASE) == ["ordrehandtering", "Ordrehåndtering"]
    assert matches("Borderline", INSIDE_OUT_JOURNEY) == []
    assert matches("order  handling", INSIDE_OUT_PHASE) == ["order handling"]


@pytest.mark.parametrize(("lang", "word"), [("en", "purpose"), ("sv", "syfte")])
def test_purpose_unset(tmp_path, lang, word):
    found = findings(make(tmp_path, lang=lang, purpose="  "), code="purpose-unset")
    assert len(found) == 1 and word in found[0].message
    assert findings(make(tmp_path / "b", lang=lang), code="purpose-unset") == []


@pytest.mark.parametrize(("lang", "word"), [("en", "phases"), ("sv", "faser")])
def test_too_many_phases(tmp_path, lang, word):
    found = findings(make(tmp_path, lang=lang, phases=[f"Step {i}" for i in range(8)]), code="too-many-phases")
    assert len(found) == 1 and f"8 {word}" in found[0].message
    assert (
        findings(make(tmp_path / "b", lang=lang, phases=[f"Step {i}" for i in range(7)]), code="too-many-phases") == []
    )


@pytest.mark.parametrize(
    ("lang", "phase", "word"),
    [
        ("en", "Order handling", "process"),
        ("sv", "Fakturering", "process"),
        ("da", "Ekspedition", "proces"),
        ("en", "ONBOARDING", "process"),
    ],
)
def test_phase_named_after_a_process(tmp_path, lang, phase, word):
    found = findings(make(tmp_path, lang=lang, phases=["Finding a plant", phase]), code="phase-inside-out")
    assert [f.subject for f in found] == ["ph2"] and word in found[0].message


@pytest.mark.parametrize(
    ("lang", "phase"), [("en", "Getting the plant home"), ("sv", "Få hem växten"), ("en", "Bordering")]
)
def test_customer_phase_passes(tmp_path, lang, phase):
    assert findings(make(tmp_path, lang=lang, phases=["Finding a plant", phase]), code="phase-inside-out") == []


@pytest.mark.parametrize(
    ("mark", "code", "word"),
    [
        (Mark.HEART, "heart-thin-evidence", {"en": "heart", "sv": "hjärtat"}),
        (Mark.CLOUD, "cloud-thin-evidence", {"en": "thundercloud", "sv": "åskmolnet"}),
    ],
)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_mark_backed_by_one_customer(tmp_path, lang, mark, code, word):
    people = {"P1": ("customer", "a"), "P2": ("customer", "b"), "S1": ("staff", "warehouse")}
    store = make(tmp_path, lang=lang, people=people)
    one = [note_of(store, "P1"), note_of(store, "S1")]  # staff never count as a customer
    thin = JourneyMap(items=[MapItem(id=1, phase="ph1", title="box crushed", evidence=one, mark=mark)])
    found = findings(store, thin, code)
    assert [f.subject for f in found] == ["1"] and word[lang] in found[0].message and "P1" in found[0].message
    two = JourneyMap(
        items=[
            MapItem(
                id=1, phase="ph1", title="box crushed", evidence=[note_of(store, "P1"), note_of(store, "P2")], mark=mark
            )
        ]
    )
    assert findings(store, two, code) == []
    unmarked = JourneyMap(items=[MapItem(id=1, phase="ph1", title="box crushed", evidence=one)])
    assert findings(store, unmarked, code) == []


@pytest.mark.parametrize(("lang", "word"), [("en", "design question"), ("sv", "designfråga")])
def test_moment_without_a_design_question(tmp_path, lang, word):
    store = make(tmp_path, lang=lang)
    moment = MapItem(id=1, phase="ph1", title="the plant arrives", kind=ItemKind.MOMENT, design_question=" ")
    found = findings(store, JourneyMap(items=[moment]), "moment-no-question")
    assert [f.subject for f in found] == ["1"] and word in found[0].message
    asked = moment.model_copy(update={"design_question": "How might we make it arrive healthy?"})
    assert findings(store, JourneyMap(items=[asked]), "moment-no-question") == []


@pytest.mark.parametrize(("lang", "word"), [("en", "one type"), ("sv", "en kundtyp")])
def test_segment_narrow(tmp_path, lang, word):
    one_type = {f"P{i}": ("customer", "First-time buyer" if i % 2 else "first-time  BUYER") for i in range(3)}
    found = findings(
        make(tmp_path, lang=lang, people={**one_type, "S1": ("staff", "warehouse")}), code="segment-narrow"
    )
    assert len(found) == 1 and word in found[0].message and "3" in found[0].message
    untyped = {f"P{i}": ("customer", "") for i in range(3)}
    assert len(findings(make(tmp_path / "u", lang=lang, people=untyped), code="segment-narrow")) == 1
    two_types = {**one_type, "P3": ("customer", "plant lover")}
    assert findings(make(tmp_path / "b", lang=lang, people=two_types), code="segment-narrow") == []
    two_only = {f"P{i}": ("customer", "a") for i in range(2)}
    assert findings(make(tmp_path / "c", lang=lang, people=two_only), code="segment-narrow") == []


@pytest.mark.parametrize(("lang", "word"), [("en", "10-12 for an episode"), ("sv", "10-12 för en episod")])
def test_interviews_few_counts_customers_only(tmp_path, lang, word):
    customers = {f"P{i}": ("customer", "a" if i % 2 else "b") for i in range(9)}
    staff = {f"S{i}": ("staff", "warehouse") for i in range(3)}
    found = findings(
        make(tmp_path, lang=lang, people={**customers, **staff}, scope=Scope.EPISODE), code="interviews-few"
    )
    assert len(found) == 1 and found[0].message.startswith("9 ") and word in found[0].message
    enough = {**customers, "P9": ("customer", "b")}
    assert findings(make(tmp_path / "b", lang=lang, people=enough, scope=Scope.EPISODE), code="interviews-few") == []
    whole = findings(make(tmp_path / "c", lang=lang, people=enough, scope=Scope.WHOLE), code="interviews-few")
    assert len(whole) == 1 and "15-20" in whole[0].message


@pytest.mark.parametrize(("lang", "word"), [("en", "backstage brief"), ("sv", "backstage kort")])
def test_backstage_heavy(tmp_path, lang, word):
    store = make(tmp_path, lang=lang)
    back = [MapItem(id=i, phase="ph1", title=f"system {i}", kind=ItemKind.BACKSTAGE) for i in (1, 2)]
    front = [
        MapItem(id=3, phase="ph1", title="finds it"),
        MapItem(id=4, phase="ph1", title="arrives", kind=ItemKind.MOMENT),
    ]
    found = findings(store, JourneyMap(items=back + front[:1]), "backstage-heavy")
    assert len(found) == 1 and found[0].message.startswith("2 ") and word in found[0].message
    assert findings(store, JourneyMap(items=back + front), "backstage-heavy") == []


def test_control_characters_in_a_name_stay_visible(tmp_path):
    found = findings(make(tmp_path, name="Buy\x1b[31m plants\nonline"), code="journey-name-inside-out")
    assert "\x1b" not in found[0].message and "\n" not in found[0].message
