"""Property tests for the capture syntax: parse never raises, render round-trips."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from trodden.models.domain import Kind
from trodden.models.notes.syntax import Command, NoteDraft, parse, render

# Any text without surrogates, control characters included, plus a dense alphabet of
# the characters the syntax cares about so interesting lines come up often.
SYNTAX_CHARS = '"“”„»«+-*!%?\\/@#  \t\n\r\x00\x1b[]åäöæøÅÄÖÆØé_-.:' + string.ascii_letters[:6] + "12"
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
syntax_text = st.text(st.sampled_from(SYNTAX_CHARS), max_size=40)
lines = st.one_of(any_text, syntax_text, st.builds(lambda a, b: a + b, syntax_text, any_text))

# Per test, not a global profile: other areas' property tests keep their own settings.
THOROUGH = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@THOROUGH
@given(lines)
@example("\x00\x1b[31m\u2028\ufeff")
@example("/")
@example("/ theme")
@example("\\")
def test_parse_never_raises_and_gives_a_draft_or_a_command(line: str) -> None:
    result = parse(line)
    assert isinstance(result, NoteDraft | Command)
    if isinstance(result, NoteDraft):
        assert result.valence in (None, -2, -1, 1, 2)
        assert all(isinstance(kind, Kind) for kind in result.kinds)


@THOROUGH
@given(lines)
@example('-- "broken pot" @store')
@example('"\\"quoted" @x')
@example("+ \\")
@example('"a"\\')
def test_render_of_a_parsed_draft_parses_back_to_it(line: str) -> None:
    draft = parse(line)
    if isinstance(draft, Command):
        return
    assert parse(render(draft)) == draft


@THOROUGH
@given(lines)
@example('"\r“#0')  # found by hypothesis: a tag after an empty quote
def test_render_is_stable(line: str) -> None:
    draft = parse(line)
    if isinstance(draft, Command):
        return
    once = render(draft)
    assert render(parse(once)) == once


kinds = st.lists(st.sampled_from(list(Kind)), unique=True).map(tuple)
valences = st.sampled_from([None, -2, -1, 1, 2])


@THOROUGH
@given(lines, kinds, valences)
@example('"0«@0', (), None)  # found by hypothesis: un-quoting dropped the channel written after the quote
def test_retagging_a_parsed_draft_round_trips(line: str, new_kinds: tuple[Kind, ...], valence: int | None) -> None:
    """What the capture screen does: toggle kinds and feelings on a parsed note."""
    draft = parse(line)
    if isinstance(draft, Command):
        return
    for kind in Kind:
        draft = draft.with_kind(kind, kind in new_kinds)
    draft = draft.with_valence(valence)
    assert parse(render(draft)) == draft
