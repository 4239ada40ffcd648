"""``trodden transcript DIR --interview ID|CODE FILE``: import a recording's transcript and check the notes.

Reads the file (WebVTT, SubRip, Teams' Word transcript, timestamped text), stores it beside the
interview, then prints what the clean screen shows: the estimated offset and its confidence, and
how many quotes are verbatim, close or not found (each one not verbatim on its own line).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trodden.models.errors import StoreError
from trodden.tui.i18n import _, ngettext, number, quoted
from trodden.tui.words import LEVEL_WORD, quote_status_word

from .common import add_study_arg, info, open_study, say, warn

ROLE_WORDS = {
    "interviewer": "interviewer",
    "i": "interviewer",
    "participant": "participant",
    "p": "participant",
    "note-taker": "note-taker",
    "notetaker": "note-taker",
    "n": "note-taker",
}


def speaker_mapping(value: str) -> tuple[str, str]:
    """``--speaker "Anna Lind=participant"``: (name, role)."""
    name, sep, role = value.rpartition("=")
    role = ROLE_WORDS.get(role.strip().casefold(), "")
    if not sep or not name.strip() or not role:
        wanted = _(
            '{value}: give NAME=ROLE, ROLE one of interviewer, participant, note-taker (e.g. "Anna Lind=participant")'
        )
        raise argparse.ArgumentTypeError(wanted.format(value=repr(value)))
    return name.strip(), role


def register(sub) -> None:
    parser = sub.add_parser(
        "transcript",
        help=_("import a recording's transcript and check the quotes against it"),
        description=(
            _(
                "Store FILE (a Teams/Zoom .vtt, .srt, Teams' Word .docx, or text with [hh:mm:ss] lines; UTF-8 or "
                "UTF-16) as the interview's transcript, estimate where the notes sit in the recording, and check every "
                "quote against the participant's words."
            )
        ),
    )
    add_study_arg(parser)
    parser.add_argument("--interview", metavar="ID|CODE", required=True, help=_("an interview id or participant code"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--speaker",
        metavar="NAME=ROLE",
        action="append",
        type=speaker_mapping,
        default=[],
        help=_("who a speaker was: interviewer, participant or note-taker (repeat for each)"),
    )
    parser.add_argument(
        "--offset", metavar="SECONDS", type=float, help=_("seconds into the recording when trodden's clock started")
    )
    parser.add_argument("--replace", action="store_true", help=_("replace the interview's transcript if it has one"))
    parser.set_defaults(run=run)


def run(args) -> int:
    from trodden.models.transcript.check import align
    from trodden.models.transcript.model import SpeakerRole
    from trodden.models.transcript.quotes import QuoteStatus
    from trodden.models.transcript.reading import read_transcript

    store = open_study(args.dir)
    interview = store.find_interview(args.interview)
    transcript = read_transcript(args.file)
    if transcript.warning:
        warn(transcript.warning)
    names = transcript.speaker_names()
    speakers = {}
    for name, role in args.speaker:
        known = next((speaker for speaker in names if speaker.casefold() == name.casefold()), None)
        if known is None:
            listed = ", ".join(names) or _("none: the file names no speakers")
            missing = _("{file} has no speaker {name} (its speakers: {listed})")
            raise StoreError(missing.format(file=args.file, name=repr(name), listed=listed))
        speakers[known] = SpeakerRole(role)
    transcript = transcript.model_copy(update={"speakers": speakers, "offset": args.offset})
    transcript = store.save_transcript(interview.id, transcript, replace=args.replace)
    with store.open_interview(interview.id, writable=False) as session:
        notes = session.notes()
    cues = len(transcript.cues)
    stored = ngettext(
        "stored {file} as the transcript of {interview}: {n} cue",
        "stored {file} as the transcript of {interview}: {n} cues",
        cues,
    )
    info(stored.format(file=args.file.name, interview=interview.id, n=cues))
    roles = transcript.roles()
    for name in names:
        how = "" if name in transcript.speakers else " " + _("(guessed; set with --speaker)")
        say(_("speaker {name}: {role}").format(name=name, role=roles[name].value) + how)
    result = align(transcript, interview, notes)
    offset = result.offset
    agree = ""
    if not offset.by_hand and not offset.voting:
        agree = " " + _("(no note matched the transcript's words)")
    elif not offset.by_hand:
        agreeing = ngettext("({n} of {of} matched note agrees)", "({n} of {of} matched notes agree)", offset.agreeing)
        agree = " " + agreeing.format(n=offset.agreeing, of=offset.voting)
    said = _("offset: {seconds} s ({clock}), confidence {level}").format(
        seconds=number(offset.seconds),
        clock=clock(offset.seconds),
        level=_(LEVEL_WORD.get(offset.level, offset.level)),
    )
    say(said + agree)
    if offset.level == "low":
        warn(_("the offset is uncertain: check a few notes in 'trodden clean', or give --offset SECONDS"))
    summary = result.summary()
    counts = " · ".join(
        f"{summary.get(status, 0)} {quote_status_word(status)}"
        for status in (QuoteStatus.VERBATIM, QuoteStatus.CLOSE, QuoteStatus.NOT_FOUND)
    )
    say(_("quotes: {counts}").format(counts=counts) if result.quotes else _("quotes: none in this interview"))
    for note in notes:
        match = result.quotes.get(note.seq)
        if match is None or match.status is QuoteStatus.VERBATIM:
            continue
        line = f"  {quote_status_word(match.status):<9} {clock(note.t)}  {quoted(note.text)}"
        if match.found:
            line += "  " + _("said: {quote} ({score}%)").format(quote=quoted(match.said), score=f"{match.score:.0f}")
        say(line)
    return 0


def clock(seconds: float) -> str:
    """``-1:05`` / ``12:03`` / ``1:02:03``."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"
