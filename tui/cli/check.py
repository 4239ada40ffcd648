"""``trodden check DIR``: the method checks, one line per finding; exit 1 on warnings or on anything left out."""

from __future__ import annotations

from trodden.models.check_codes import CODES

from .common import add_study_arg, left_out, open_study, say


def register(sub) -> None:
    parser = sub.add_parser(
        "check",
        help="check the study and its map against the method's rules of thumb",
        description=(
            "Print one line per finding (code, severity, reason). Exits 1 when there are warnings, or when an "
            "unreadable interview or damaged file was left out of the checks."
        ),
        epilog="codes: " + "; ".join(f"{code}: {why}" for code, why in CODES.items()),
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.checks import has_warnings, run_checks
    from trodden.models.map.evidence import load_study_map

    store = open_study(args.dir)
    loaded = load_study_map(store)
    findings = run_checks(loaded.data, loaded.interviews, loaded.index, loaded.journey)
    findings = _with_transcripts(store, loaded, findings)
    missing = left_out(store, loaded.problems)  # checks on part of the study must not pass quietly
    for finding in findings:
        say(f"{finding.code}\t{finding.severity}\t{finding.message}")
    if not findings:
        print("no findings: the study follows the method's rules of thumb")
    return 1 if has_warnings(findings) or missing else 0


def _with_transcripts(store, loaded, findings: list) -> list:
    """``findings`` and the quotes checked against the interviews' transcripts (a damaged transcript
    is left out and named); a picked quote verified against its transcript is verbatim."""
    from trodden.models.checks_transcript import transcript_findings, without_verified
    from trodden.models.transcript.study import notes_by_interview, study_alignments, verified_ids

    notes = notes_by_interview(loaded.index.notes.values())
    alignments, problems = study_alignments(store, loaded.interviews, notes)
    loaded.problems.extend(problems)
    extra = transcript_findings(loaded.data, loaded.interviews, notes, alignments)
    return without_verified(findings, verified_ids(alignments, notes)) + extra
