"""`hearout review SESSION`: a coach pins a comment to a turn, or overrides a skill's score with a reason."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput, trainee_name


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="a coach's comment on a saved session's turn, or a skill score overridden")
    p.add_argument("session", metavar="SESSION", type=int, help="the session's id (as `report --format json` shows)")
    p.add_argument("--comment", metavar="TEXT", help="a comment, pinned to --turn N or to the whole call")
    p.add_argument("--turn", metavar="N", type=int, help="the trainee's Nth move (waits not counted)")
    p.add_argument("--skill", metavar="SKILL", help="override this skill's score (with --score and --reason)")
    p.add_argument("--score", metavar="N", type=int, help="the coach's score for --skill, 0..100")
    p.add_argument("--reason", metavar="TEXT", help="why the score is overridden")
    p.add_argument("--coach", metavar="NAME", help="who reviews (shown to the trainee)")


def run(args: argparse.Namespace) -> int:
    from scoring.acts import SKILLS
    from scoring.transcript import Transcript, TranscriptError
    from simulator.practice.replay import turns
    from simulator.practice.review import MAX_TEXT
    from simulator.store import SessionStore, StoreError
    from simulator.untrusted.text import unsafe

    def bad(message: str) -> BadInput:
        return BadInput(f"hearout review: error: {message}")

    overriding = args.skill is not None or args.score is not None or args.reason is not None
    if overriding == (args.comment is not None):
        raise bad("give --comment TEXT, or --skill, --score and --reason together")
    if overriding:
        if args.skill not in SKILLS:
            raise bad(f"--skill must be one of {', '.join(SKILLS)}, got {args.skill!r}")
        if args.score is None or not 0 <= args.score <= 100:
            raise bad("--score must be a whole number from 0 to 100")
        if args.turn is not None:
            raise bad("an override is for the whole call: leave --turn out")
    text = (args.reason if overriding else args.comment) or ""
    if not text.strip() or len(text) > MAX_TEXT or any(unsafe(c) for c in text):
        raise bad(f"the {'reason' if overriding else 'comment'} must be plain text of 1 to {MAX_TEXT} characters")
    coach = trainee_name(args.coach, "hearout review") if args.coach is not None else None
    try:
        with SessionStore.default() as store:
            try:
                saved = store.transcript(args.session)
            except KeyError:
                raise bad(f"no saved session {args.session}") from None
            if args.turn is not None:
                try:
                    count = len(turns(Transcript.from_dict(saved)))
                except TranscriptError as exc:
                    raise bad(f"session {args.session} cannot be read: {exc}") from None
                if not 1 <= args.turn <= count:
                    raise bad(f"session {args.session} has turns 1 to {count}, not {args.turn}")
            store.review(args.session, text.strip(), turn=args.turn, skill=args.skill, score=args.score, coach=coach)
    except StoreError as exc:
        raise bad(str(exc)) from None
    what = f"{args.skill} set to {args.score}" if overriding else (
        f"comment on turn {args.turn}" if args.turn is not None else "comment on the call")
    print(f"Saved: {what} for session {args.session}.")
    return EXIT_OK
