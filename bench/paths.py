"""Every call through each built-in scenario, scored: best, worst, and the share scoring 80 or more.

    python -m bench.paths [SCENARIO ..] [--moves]

The counts come from `lint --bounds`' search (simulator.authoring.bounds
with count=True): every call that reaches an ending, counted through the
(state, score key) pairs, not enumerated one by one, so scenarios with tens
of millions of calls are counted exactly in seconds. A share of calls
scoring 80 or more that is large means a trainee gets a good score by
chance; the closing notes of the library revisions quote it.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from simulator.authoring.bounds import search
from simulator.engine.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
HIGH = 80


def measure(path: Path) -> dict:
    t0 = time.perf_counter()
    b = search(load_scenario(path), count=True)
    seconds = time.perf_counter() - t0
    high = sum(n for s, n in b.histogram.items() if s >= HIGH)
    return {"bounds": b, "calls": b.calls, "high": high / b.calls if b.calls else None, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.paths")
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--moves", action="store_true", help="also print the best and worst calls")
    args = ap.parse_args(argv)
    for path in sorted(SCENARIOS.glob("*.yaml")):
        if args.ids and path.stem not in args.ids:
            continue
        r = measure(path)
        b = r["bounds"]
        if not b.proven:
            print(f"{path.stem:<24} not proven ({'a loop: ' + ' -> '.join(b.loop) if b.loop else 'over budget'}); "
                  f"found best {b.overall.best.score} worst {b.overall.worst.score}")
        else:
            print(f"{path.stem:<24} calls {r['calls']:>11,} best {b.overall.best.score:>3} worst "
                  f"{b.overall.worst.score:>3} >={HIGH} {r['high']:6.1%}  ({b.searched:,} states, {r['seconds']:.1f} s)")
        if args.moves and b.overall.best:
            print(f"  best:  {','.join(b.overall.best.moves)}\n  worst: {','.join(b.overall.worst.moves)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
