"""``trodden check DIR``: the method checks, one line per finding; exit 1 on warnings or on anything left out."""

from __future__ import annotations

from trodden.models.check_codes import CODES
from trodden.tui.i18n import _

from .common import add_study_arg, info, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "check",
        help=_("check the study and its map against the method's rules of thumb"),
        description=(
            _(
                "Print one line per finding (code, severity, reason), in the study's language unless --lang. Exits 1 when there are warnings, or when an "
                "unreadable interview or damaged file was left out of the checks."
            )
        ),
        epilog="codes: " + "; ".join(f"{code}: {why}" for code, why in CODES.items()),
    )
    add_study_arg(parser)
    parser.add_argument("--lang", choices=["en", "sv", "da"], default=None, help=_("language of the messages"))
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.check_messages import say as word
    from trodden.models.checks import has_warnings, in_language, run_checks
    from trodden.models.map.evidence import load_study_map

    store = open_study(args.dir)
    loaded = load_study_map(store)
    data = in_language(loaded.data, getattr(args, "lang", None))  # the study's language unless --lang
    findings = run_checks(data, loaded.interviews, loaded.index, loaded.journey)
    findings = _with_transcripts(store, loaded, data, findings)
    loaded.problems.extend(_kept_hypothesis_problems(store))
    missing = left_out(store, loaded.problems)  # after every read: checks on part of the study must not pass quietly
    if data.study.state is not None and data.study.state.value == "target":
        info(_("a target-state study: its items need no interview evidence, so the evidence checks are left out"))
    for finding in findings:
        say(f"{finding.code}\t{word(data, f'severity.{finding.severity}')}\t{finding.message}")
    if not findings:
        say(word(data, "no-findings"))
    return 1 if has_warnings(findings) or missing else 0


def _with_transcripts(store, loaded, data, findings: list) -> list:
    """``findings`` and the quotes checked against the interviews' transcripts (a damaged transcript
    is left out and named), their messages in ``data``'s language (--lang) like the others."""
    from trodden.models.checks_transcript import with_transcripts
    from trodden.models.transcript.study import notes_by_interview

    notes = notes_by_interview(loaded.index.notes.values())
    findings, problems = with_transcripts(store, data, loaded.interviews, notes, findings)
    loaded.problems.extend(problems)
    return findings


def _kept_hypothesis_problems(store) -> list:
    """A damaged ``hypothesis.json`` named (file and why), read only: the report and the map's
    hypothesis view would go on without it, so the check is where it must be seen."""
    from trodden.models.errors import StoreError
    from trodden.models.map.kept_hypothesis import read_hypothesis

    try:
        read_hypothesis(store.path)
    except StoreError as error:
        return [error]
    return []
