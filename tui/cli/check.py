"""``trodden check DIR``: the method checks, one line per finding; exit 1 on warnings."""

from __future__ import annotations

from trodden.models.check_codes import CODES

from .common import add_study_arg, open_study, say, warn


def register(sub) -> None:
    parser = sub.add_parser(
        "check",
        help="check the study and its map against the method's rules of thumb",
        description="Print one line per finding (code, severity, reason). Exits 1 when there are warnings.",
        epilog="codes: " + "; ".join(f"{code}: {why}" for code, why in CODES.items()),
    )
    add_study_arg(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.checks import has_warnings, run_checks
    from trodden.models.map.evidence import load_study_map

    store = open_study(args.dir)
    loaded = load_study_map(store)
    for problem in loaded.problems:
        warn(f"left out: {problem}")
    findings = run_checks(loaded.data, loaded.interviews, loaded.index, loaded.journey)
    for finding in findings:
        say(f"{finding.code}\t{finding.severity}\t{finding.message}")
    if not findings:
        print("no findings: the study follows the method's rules of thumb")
    return 1 if has_warnings(findings) else 0
