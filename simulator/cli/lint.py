"""`hearout lint`: check scenario files (paths or built-in ids), SPEC §4."""
from __future__ import annotations

import argparse
import sys

from simulator.cli.common import EXIT_BAD_INPUT, EXIT_OK, BadInput, dumps, read_scenario_bytes

EXIT_FINDINGS = 1


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="check scenario files: format, graph, and (--bounds) the best and worst score")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file, or a built-in id")
    p.add_argument("--strict", action="store_true", help="warnings count as failures too (exit 1)")
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
        reports.append(lint_reading(reading, source))
    if args.json:
        print(dumps([r.to_dict() for r in reports]))
    else:
        for r in reports:
            for line in r.lines():
                print(line)
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if any(r.fails(args.strict) for r in reports) else EXIT_OK

