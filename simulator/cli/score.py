"""`hearout score`: a saved transcript scored again."""
from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.common import EXIT_OK, BadInput, print_card, read_json, shown


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
        raise BadInput(f"{shown(args.transcript)}: error: {exc}") from None
    print_card(score(transcript, rubric), transcript, as_json=args.json)
    return EXIT_OK


def _read_rubric(path: Path):
    import yaml

    from scoring import Rubric, RubricError

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BadInput(f"{shown(path)}: error: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BadInput(f"{shown(path)}: error: not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown(path)}:{mark.line + 1}:{mark.column + 1}" if mark else shown(path)
        raise BadInput(f"{where}: error: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    try:
        return Rubric.from_dict(data)
    except RubricError as exc:
        raise BadInput(f"{shown(path)}: error: {exc}") from None
