"""`hearout export --xapi FILE`: saved sessions as xAPI 1.0.3 statements (a JSON array), for a learning record store."""
from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.common import EXIT_OK, BadInput, dumps, trainee_name, write_json
from simulator.cli.report import since_date


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="saved sessions as xAPI statements")
    p.add_argument("--xapi", metavar="FILE", required=True, type=Path,
                   help="write the statements (a JSON array) here; '-' prints them")
    p.add_argument("--trainee", metavar="NAME", help="only this trainee's sessions")
    p.add_argument("--since", metavar="DATE", type=since_date, help="only sessions started on or after DATE (ISO 8601)")


def run(args: argparse.Namespace) -> int:
    from simulator.reports.xapi import statements
    from simulator.store import SessionStore, StoreError

    trainee = trainee_name(args.trainee, "hearout export") if args.trainee is not None else None
    try:
        # A reader never creates, migrates or writes; orphans are exported abandoned, not recorded (SPEC §6).
        with SessionStore.default(read_only=True) as store:
            found = store.transcripts(trainee, since=args.since, settle=True)
    except StoreError as exc:
        raise BadInput(f"hearout export: error: {exc}") from None
    made = statements(found)
    if str(args.xapi) == "-":
        print(dumps(made))
    else:
        write_json(args.xapi, made)  # all or nothing: a failure leaves an existing file as it was
    return EXIT_OK
