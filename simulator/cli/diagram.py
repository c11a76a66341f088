"""`hearout diagram`: a scenario as a Mermaid state diagram, a call's path marked."""
from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.common import EXIT_OK, BadInput, read_json, resolve_scenario, shown


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="print a Mermaid stateDiagram-v2 of a scenario")
    p.add_argument("scenario", metavar="SCENARIO", help="a built-in id, or a path to a .yaml file")
    p.add_argument("--transcript", metavar="FILE", type=Path, help="mark the path this saved call took")


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.diagram import mermaid

    scenario = resolve_scenario(args.scenario, "hearout diagram")
    path, visited = _path(args.transcript, scenario) if args.transcript else ((), ())
    print(mermaid(scenario, path, visited), end="")
    return EXIT_OK


def _path(file: Path, scenario) -> tuple[list[tuple[str, str]], set[str]]:
    from scoring.transcript import Transcript, TranscriptError

    try:
        transcript = Transcript.from_dict(read_json(file))
    except TranscriptError as exc:
        raise BadInput(f"{shown(file)}: error: {exc}") from None
    if transcript.scenario.id != scenario.id:
        raise BadInput(f"{shown(file)}: error: the transcript is of scenario {transcript.scenario.id!r}, "
                       f"not {scenario.id!r}")
    moves = [(e.node, e.move) for e in transcript.trainee_moves]
    for node, key in moves:
        if node not in scenario.nodes or scenario.nodes[node].move(key) is None:
            raise BadInput(f"{shown(file)}: error: move {key!r} at node {node!r} is not in this scenario")
    return moves, {e.node for e in transcript.events if e.node in scenario.nodes}
