"""`hearout play`: a scenario played from a list of move keys, without the UI."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from simulator.cli.common import EXIT_OK, BadInput, print_card, resolve_scenario, shown, trainee_name, write_json

MAX_SEED = 2**63 - 1  # the largest whole number the session store (SQLite) keeps


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="play a scenario without the UI")
    p.add_argument("scenario", metavar="SCENARIO", help="a built-in id, or a path to a .yaml file")
    p.add_argument("--moves", required=True, metavar="K1,K2,..", help="move keys in order; 'wait' keeps listening")
    p.add_argument("--seed", type=_seed, help="seed for the customer's varied lines (default: random)")
    p.add_argument("--trainee", metavar="NAME", help="default: $HEAROUT_TRAINEE, else the name set in the app, else the login name")
    p.add_argument("--transcript", metavar="FILE", type=Path, help="write the transcript (JSON) here")
    p.add_argument("--no-save", action="store_true", help="do not save the session")
    p.add_argument("--json", action="store_true", help="print the score as JSON")


def _seed(text: str) -> int:
    shown = text if len(text) <= 30 else text[:30] + "…"
    if not re.fullmatch(r"\s*[-+]?[0-9]+\s*", text):  # ASCII digits: int() would also take '1_000' or '٣'
        raise argparse.ArgumentTypeError(f"seed must be a whole number, got {shown!r}")
    if len(text.strip().lstrip("+-").lstrip("0")) > 19:  # before int(): thousands of digits are refused there
        raise argparse.ArgumentTypeError(f"seed must be between 0 and {MAX_SEED}, got {shown}")
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"seed must not be negative, got {value}")
    if value > MAX_SEED:
        raise argparse.ArgumentTypeError(f"seed must be between 0 and {MAX_SEED}, got {value}")
    return value


def run(args: argparse.Namespace) -> int:
    import random

    from scoring import score
    from simulator.engine import PlayError, run_script

    trainee = trainee_name(args.trainee, "hearout play")
    scenario = resolve_scenario(args.scenario, "hearout play", refuse_builtin_ids=True)
    if args.transcript is not None:
        _not_the_scenario(args.transcript, args.scenario)
    moves = [k.strip() for k in args.moves.split(",") if k.strip()]
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    try:
        session = run_script(scenario, moves, seed=seed, trainee=trainee)
    except PlayError as exc:
        # Nothing is saved for a script that does not fit the scenario.
        raise BadInput(f"hearout play: error: {exc}") from None
    transcript = session.transcript()
    from simulator.engine.coaching import with_better

    card = with_better(scenario, transcript, score(transcript))
    if args.transcript is not None:
        write_json(args.transcript, transcript.to_dict())
    if not args.no_save:
        _save(transcript, card.to_dict(), _source(args.scenario))
    print_card(card, transcript, as_json=args.json)
    return EXIT_OK


def _not_the_scenario(target: Path, ref: str) -> None:
    """--transcript must not overwrite the scenario being played."""
    import os

    if not os.path.exists(ref) or not os.path.exists(target):
        return
    try:
        same = os.path.samefile(ref, target)
    except (OSError, ValueError):
        return
    if same:
        raise BadInput(f"{shown(target)}: error: --transcript names the scenario file itself; "
                       "choose another file for the transcript")


def _source(ref: str) -> str:
    """Where the scenario came from, saved with the session: "builtin", or the file's content hash."""
    import hashlib

    from simulator.cli.common import is_path, read_file
    from simulator.engine.yamlnodes import MAX_BYTES

    if not is_path(ref):
        return "builtin"
    return "sha256:" + hashlib.sha256(read_file(Path(ref), MAX_BYTES, "a scenario")).hexdigest()


def _save(transcript, score: dict, source: str) -> None:
    from simulator.store import SessionStore, StoreError

    try:
        with SessionStore.default() as store:
            store.finalize_orphans()  # calls an earlier process left in progress when it died (SPEC §6)
            row = store.begin(transcript, source=source)
            store.update(row, transcript, finished=True, score=score)
    except StoreError as exc:
        raise BadInput(f"hearout: error: {exc}") from None
