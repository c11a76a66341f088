"""`hearout report`: saved sessions, for coaches."""
from __future__ import annotations

import argparse
import sys

from simulator.cli.common import EXIT_OK, BadInput, dumps, trainee_name
from untrusted.text import csv_cell, one_line


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="saved sessions, for coaches")
    p.add_argument("--trainee", metavar="NAME")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    from simulator.store import SessionStore, StoreError

    trainee = trainee_name(args.trainee, "hearout report") if args.trainee is not None else None
    try:
        with SessionStore.default(read_only=True) as store:  # a reader never creates, migrates or writes
            rows = store.sessions(trainee, settle=True)  # orphans shown abandoned, not written (SPEC §6)
    except StoreError as exc:
        raise BadInput(f"hearout report: error: {exc}") from None
    fields = ("id", "trainee", "scenario_id", "title", "seed", "started_at", "outcome", "overall", "final_mood")
    records = [{f: r.started_iso if f == "started_at" else getattr(r, f) for f in fields} for r in rows]
    if args.format == "json":
        print(dumps(records))
    elif args.format == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        # Names and titles are untrusted: no cell may start a spreadsheet formula.
        w.writerows({k: csv_cell(v) for k, v in r.items()} for r in records)
    else:
        _print_table(records, trainee)
    return EXIT_OK


def _print_table(records: list[dict], trainee: str | None) -> None:
    if not records:
        print(f"No saved sessions for {trainee}." if trainee is not None else "No saved sessions yet.")
        return
    cols = [("started_at", "started"), ("trainee", "trainee"), ("scenario_id", "scenario"),
            ("outcome", "outcome"), ("overall", "score")]
    cells = [[("in progress" if r[k] is None and k == "outcome" else "" if r[k] is None else one_line(str(r[k])))
              for k, _ in cols] for r in records]  # one_line: a name's escape codes or newline stay visible text
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (_, h) in enumerate(cols)]
    print("  ".join(h.ljust(w) for (_, h), w in zip(cols, widths)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
