"""`hearout score`: a saved transcript scored again."""
from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.common import RUBRIC_LIMIT, EXIT_OK, BadInput, print_card, read_file, read_json, shown
from simulator.untrusted.text import one_line, shorten


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="score a saved transcript")
    p.add_argument("transcript", metavar="TRANSCRIPT", type=Path)
    p.add_argument("--json", action="store_true", help="print the score as JSON")
    p.add_argument("--rubric", metavar="FILE", type=Path, help="score with this rubric instead of the built-in one")


def run(args: argparse.Namespace) -> int:
    from scoring import score
    from scoring.transcript import Transcript, TranscriptError

    rubric = _read_rubric(args.rubric) if args.rubric else None
    data = read_json(args.transcript)
    try:
        transcript = Transcript.from_dict(data)
    except TranscriptError as exc:
        raise BadInput(f"{shown(args.transcript)}: error: {one_line(shorten(str(exc), 300))}") from None
    print_card(_with_better(transcript, score(transcript, rubric), rubric), transcript, as_json=args.json)
    return EXIT_OK


def _with_better(transcript, card, rubric):
    """A built-in scenario's call gets "better here" on its costly turns; any other is scored as it is."""
    from simulator.engine.builtin import load_builtin
    from simulator.engine.coaching import with_better
    from simulator.engine.problems import ScenarioError

    try:
        scenario = load_builtin(transcript.scenario.id)
    except (KeyError, ScenarioError):
        return card
    return with_better(scenario, transcript, card, rubric)


def _read_rubric(path: Path):
    """A coach's rubric, read like a scenario: capped, no aliases, tags or duplicate keys."""
    from scoring import Rubric, RubricError
    from simulator.engine.yamlnodes import load_data

    data, problems = load_data(read_file(path, RUBRIC_LIMIT, "a rubric"), shown(path), "a rubric file")
    if problems:
        raise BadInput("\n".join(str(p) for p in problems))
    try:
        return Rubric.from_dict(data)
    except RubricError as exc:
        raise BadInput(f"{shown(path)}: error: {one_line(shorten(str(exc), 300))}") from None
