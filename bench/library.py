"""Can a trainee game the library by picking the longest reply?

    python -m bench.library

For every node offering three or more moves, is the longest reply also the
one the customer likes best (highest `mood`)? A library where that holds in
most nodes teaches "say more" instead of "say the right thing"; the target
is at most 40% of such nodes. Prints the share per scenario and overall.
"""
from __future__ import annotations

import sys
from pathlib import Path

from simulator.engine.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
TARGET = 0.40


def longest_is_best(scenario) -> tuple[int, int]:
    """(nodes where the longest reply has the best mood, nodes with 3+ moves)."""
    hits = total = 0
    for node in scenario.nodes.values():
        if len(node.moves) < 3:
            continue
        total += 1
        longest = max(node.moves, key=lambda m: len(m.say))
        hits += longest.mood == max(m.mood for m in node.moves)
    return hits, total


def main(argv: list[str] | None = None) -> int:
    hits = total = 0
    print("longest reply is the best one, in nodes with 3+ moves")
    for path in sorted(SCENARIOS.glob("*.yaml")):
        h, t = longest_is_best(load_scenario(path))
        hits, total = hits + h, total + t
        print(f"  {path.stem:<26} {h:>3} of {t:<3} {h / t if t else 0:6.0%}")
    share = hits / total if total else 0.0
    print(f"  {'library':<26} {hits:>3} of {total:<3} {share:6.0%}   target <= {TARGET:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
