"""`hearout match`: which move of a node a typed reply means (SPEC §4; issue 16)."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput, dumps, resolve_scenario


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="which move of a node a typed reply means")
    p.add_argument("scenario", metavar="SCENARIO", help="a built-in id, or a path to a .yaml file")
    p.add_argument("--node", required=True, metavar="NODE", help="the node whose moves are offered")
    p.add_argument("text", metavar="TEXT", nargs="+", help="the reply, as typed (several words join with spaces)")
    p.add_argument("--json", action="store_true", help='{"move": KEY or null, "confidence": X, "candidates": [..]}')


def run(args: argparse.Namespace) -> int:
    from simulator.engine.problems import one_line
    from simulator.understand import match

    scenario = resolve_scenario(args.scenario, "hearout match")
    node = scenario.nodes.get(args.node)
    if node is None:
        raise BadInput(f"hearout match: error: no node {one_line(args.node)!r} in scenario {scenario.id!r} "
                       f"(nodes: {', '.join(n for n, x in scenario.nodes.items() if not x.is_end)})")
    if node.is_end:
        raise BadInput(f"hearout match: error: node {node.id!r} ends the call: it offers no moves")
    reading = match(" ".join(args.text), node.moves)
    if args.json:
        print(dumps(reading.to_dict()))
    elif reading.move is not None:
        print(f"{reading.move}  (confidence {reading.confidence:.2f})")
    else:
        guesses = ", ".join(f"{c.move} ({c.confidence:.2f})" for c in reading.candidates)
        print(f"no move: cannot tell (confidence {reading.confidence:.2f})" + (f"; closest: {guesses}" if guesses else ""))
    return EXIT_OK
