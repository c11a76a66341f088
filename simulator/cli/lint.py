"""`hearout lint`: check scenario files (paths or built-in ids), SPEC §4."""
from __future__ import annotations

import argparse
import sys

from simulator.cli.common import EXIT_BAD_INPUT, EXIT_OK, BadInput, dumps, read_scenario_bytes, whole_number

EXIT_FINDINGS = 1


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="check scenario files: format, graph, and (--bounds) the best and worst score")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file, or a built-in id")
    p.add_argument("--strict", action="store_true", help="warnings count as failures too (exit 1)")
    p.add_argument("--bounds", action="store_true", help="prove the best and worst score over every path")
    p.add_argument("--budget", type=whole_number, default=None, metavar="N",
                   help="(state, score key) pairs --bounds searches before it gives up proving (default 200000)")
    p.add_argument("--walk", type=whole_number, metavar="N", help="N seeded random playthroughs: what is never reached")
    p.add_argument("--seed", type=whole_number, default=0, metavar="S",
                   help="seed for the customer's varied lines in --bounds and --walk (default 0)")
    p.add_argument("--json", action="store_true", help="a JSON list, one object per file")


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.checks import lint_reading
    from simulator.engine.loader import read_scenario_text

    reports, unreadable = [], False
    for ref in args.paths:
        try:
            data, source = read_scenario_bytes(ref, "hearout lint")
        except BadInput as exc:  # this file cannot be opened; the others are still checked
            print(str(exc), file=sys.stderr)
            unreadable = True
            continue
        reading = read_scenario_text(data, source)
        report = lint_reading(reading, source)
        if reading.scenario is not None and not any(f.code == "dead-end" for f in report.findings):
            _extras(report, reading, args)  # a trap would keep a search or a walk going forever
        reports.append(report)
    if args.json:
        print(dumps([r.to_dict() for r in reports]))
    else:
        for r in reports:
            for line in r.lines():
                print(line)
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if any(r.fails(args.strict) for r in reports) else EXIT_OK



def _extras(report, reading, args) -> None:
    if args.bounds:
        from simulator.authoring.bounds import BUDGET, add_bounds

        add_bounds(report, reading, seed=args.seed, budget=args.budget if args.budget is not None else BUDGET)
    if args.walk:
        from simulator.authoring.walk import add_walk

        add_walk(report, reading, runs=args.walk, seed=args.seed)
