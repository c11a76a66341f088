"""`hearout report`: saved sessions for coaches — per session, per trainee (--by trainee), or per move (--choices)."""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timezone

from simulator.cli.common import EXIT_OK, BadInput, ascii_only, trainee_name


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="saved sessions, for coaches")
    p.add_argument("--trainee", metavar="NAME", help="only this trainee's sessions")
    p.add_argument("--scenario", metavar="ID", help="only this scenario's sessions")
    p.add_argument("--since", metavar="DATE", type=since_date, help="only sessions started on or after DATE (ISO 8601)")
    p.add_argument("--by", choices=("trainee",), help="per trainee and skill: sessions, first, best, latest, lift")
    p.add_argument("--choices", metavar="SCENARIO", help="per node of SCENARIO: the share taking each move, its cost")
    p.add_argument("--track", metavar="TRACK", help="each assigned trainee's progress on TRACK (a track id)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def since_date(text: str) -> datetime:
    """2026-11-01, or a time (2026-11-01T09:00, with or without a zone; UTC when none)."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date such as 2026-11-01: {shown!r}") from None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


SESSION_COLUMNS = [("started_at", "started"), ("trainee", "trainee"), ("scenario_id", "scenario"),
                   ("scenario_source", "source"), ("outcome", "outcome"), ("overall", "score"),
                   ("duration_s", "secs")]
BY_TRAINEE = [("trainee", "trainee"), ("skill", "skill"), ("sessions", "sessions"), ("first", "first"),
              ("best", "best"), ("latest", "latest"), ("lift", "lift")]
CHOICES = [("node", "node"), ("move", "move"), ("sessions", "sessions"), ("of", "of"), ("share", "share"),
           ("avg_cost", "avg cost")]


def run(args: argparse.Namespace) -> int:
    from scoring.acts import SKILLS
    from simulator.practice.review import report_columns
    from simulator.reports.choices import choice_rows
    from simulator.reports.sessions import by_trainee, session_rows
    from simulator.store import SessionStore, StoreError

    if args.track is not None:
        return _track(args)
    if args.by and args.choices:
        raise BadInput("hearout report: error: --by and --choices are two different reports; give one")
    trainee = trainee_name(args.trainee, "hearout report") if args.trainee is not None else None
    scenario = args.choices or args.scenario
    if args.choices and args.scenario and args.scenario != args.choices:
        raise BadInput("hearout report: error: --choices names the scenario; --scenario must be the same or left out")
    try:
        # A reader never creates, migrates or writes; orphans are shown abandoned, not recorded (SPEC §6).
        with SessionStore.default(read_only=True) as store:
            if args.choices:
                found = _one_source(store.transcripts(trainee, scenario=scenario, since=args.since, settle=True))
            else:
                found = store.sessions(trainee, scenario=scenario, since=args.since, settle=True)
                reviewed = store.reviews([s.id for s in found]) if found and not args.by else []
    except StoreError as exc:
        raise BadInput(f"hearout report: error: {exc}") from None
    if args.choices:
        rows = choice_rows(found, {s.id: s.score for s, _ in found})
        columns, empty = CHOICES, f"No saved sessions of {args.choices}."
    elif args.by:
        rows, columns, empty = by_trainee(found), BY_TRAINEE, "No finished sessions yet."
    else:
        rows = session_rows(found)
        for r in rows:
            r["outcome"] = r["outcome"] or "in progress"
        columns = SESSION_COLUMNS + [(k, k.replace("_", "-")) for k in SKILLS]
        # A coach's overrides sit beside the computed scores, never in their place.
        columns += [(k, k.replace("_", "-")) for k in report_columns(rows, reviewed)]
        empty = f"No saved sessions for {trainee}." if trainee is not None else "No saved sessions yet."
        if args.format != "table":  # files get every field
            columns = [(k, k) for k in rows[0]] if rows else [(k, k) for k, _ in columns]
    _print(rows, columns, args.format, empty)
    return EXIT_OK


TRACK = [("trainee", "trainee"), ("assigned", "assigned"), ("passed", "passed"), ("of", "of"), ("next", "next"),
         ("past_due", "past due"), ("out_of_attempts", "out of attempts")]


def _track(args: argparse.Namespace) -> int:
    """The team's progress on a learning path: who passed how many calls, what is next, what is late."""
    from simulator.practice.history import attempts
    from simulator.practice.tracks import team_rows
    from simulator.store import SessionStore, StoreError

    if args.by or args.choices or args.scenario or args.since:
        raise BadInput("hearout report: error: --track is a report of its own; give it with --trainee at most")
    trainee = trainee_name(args.trainee, "hearout report") if args.trainee is not None else None
    try:
        with SessionStore.default(read_only=True) as store:
            assigned = store.assignments(trainee)
            rows = team_rows(args.track, assigned, lambda name: attempts(store, name), date.today())
    except StoreError as exc:
        raise BadInput(f"hearout report: error: {exc}") from None
    _print(rows, TRACK, args.format, f"Nobody has the track {args.track!r} assigned.")
    return EXIT_OK


def _one_source(found):
    """Sessions of one scenario id from the built-in only, when it has any: a file borrowing its id is not mixed in."""
    if any(s.scenario_source == "builtin" for s, _ in found):
        return [(s, t) for s, t in found if s.scenario_source == "builtin"]
    return found


def _print(rows, columns, fmt: str, empty: str) -> None:
    from simulator.reports.output import to_csv, to_json, to_table

    if fmt == "json":
        print(to_json(rows, ascii_only=ascii_only()))
    elif fmt == "csv":
        if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") != "utf8":
            sys.stdout.reconfigure(encoding="utf-8")  # SPEC: CSV is UTF-8 whatever the terminal's locale
        sys.stdout.write(to_csv(rows, [k for k, _ in columns]))
    else:
        print(to_table(rows, columns, empty=empty))
