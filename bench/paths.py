"""Every path through each built-in scenario, scored: best, worst, share >= 80.

    python -m bench.paths [SCENARIO ..] [--limit N]

A path is a sequence of moves from the start to an end node. Waiting is
taken only while the current node has beats left (a wait past the end adds
a silence line and nothing else), so the walk is finite; a scenario's walk
stops after `--limit` paths (default 100000) and says so. The walk replays
the engine's rules (mood and cut-in mood, flags, guards, needs_heard, beats;
first variant of each beat) without its state machine; a node is entered at
most MAX_VISITS times, so the walk is exhaustive and fast enough to score
every path. tests/scoring/test_library_mistakes.py uses it to finish a call
as well as the scenario allows.
Prints one line per scenario and the mean cost of one `score()` call.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from scoring import score
from scoring.transcript import CustomerEvent, ScenarioInfo, TraineeEvent, Transcript
from simulator.engine.loader import load_scenario
from simulator.engine.model import Scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
MAX_MOVES = 16  # a path longer than this is cut off as abandoned
MAX_VISITS = 1  # a move that would enter a node again is not taken (loops), so the walk is exhaustive and small


def walk(sc: Scenario, limit: int, prefix: tuple[str, ...] = ()):
    """Yield (moves, transcript) for every path that starts with `prefix`, up to `limit` of them."""
    info = ScenarioInfo(id=sc.id, title=sc.title, at_fault=sc.briefing.at_fault,
                        customer=sc.customer.name, skills=sc.skills)
    count = 0

    def enter(node_id, events):
        node = sc.nodes[node_id]
        said = 0
        if node.beats:
            said = len(node.beats) if node.is_end else 1
            for i in range(said):
                events.append(CustomerEvent(node_id, i + 1, len(node.beats), node.beats[i].variants[0], 0))
        return said

    def step(node_id, said, mood, flags, events, moves, seen=()):
        nonlocal count
        if count >= limit:
            return
        node = sc.nodes[node_id]
        if node.is_end or len(moves) >= MAX_MOVES:
            count += 1
            outcome = node.end if node.is_end else "abandoned"
            yield moves, Transcript(info, "bench", 0, "", tuple(events), outcome, mood, sc.customer.mood)
            return
        forced = prefix[len(moves)] if len(moves) < len(prefix) else None
        if said < len(node.beats) and forced in (None, "wait"):
            ev = TraineeEvent(node_id, "wait", ("listen",), said, node.story_ends, False, "", mood, 0)
            beat = CustomerEvent(node_id, said + 1, len(node.beats), node.beats[said].variants[0], 0)
            yield from step(node_id, said + 1, mood, flags, [*events, ev, beat], [*moves, "wait"], seen)
        for m in node.moves:
            if (forced is not None and m.key != forced) or m.needs_heard > said:
                continue
            cut = said < node.story_ends
            new_mood = max(0, min(100, mood + m.mood + (sc.cut_in_cost(node) if cut else 0)))
            new_flags = flags | frozenset(m.sets)
            ev = TraineeEvent(node_id, m.key, m.acts, said, node.story_ends, cut, m.say,
                              new_mood, 0, m.channel, m.policy_break)
            to = next(b.to for b in m.branches if b.when is None or b.when.holds(new_mood, new_flags, cut))
            if seen.count(to) >= MAX_VISITS:
                continue
            after = [*events, ev]
            s = enter(to, after)
            yield from step(to, s, new_mood, new_flags, after, [*moves, m.key], (*seen, to))

    events: list = []
    said = enter(sc.start, events)
    yield from step(sc.start, said, sc.customer.mood, frozenset(), events, [], (sc.start,))


def measure(sc: Scenario, limit: int) -> dict:
    best = worst = None
    high = total = 0
    spent = 0.0
    for moves, t in walk(sc, limit):
        t0 = time.perf_counter()
        n = score(t).overall
        spent += time.perf_counter() - t0
        total += 1
        high += n >= 80
        if best is None or n > best[0]:
            best = (n, moves)
        if worst is None or n < worst[0]:
            worst = (n, moves)
    return {"paths": total, "best": best, "worst": worst, "high": high / total if total else 0.0,
            "seconds": spent, "truncated": total >= limit}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.paths")
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--limit", type=int, default=100_000)
    ap.add_argument("--moves", action="store_true", help="also print the best and worst paths")
    args = ap.parse_args(argv)
    files = sorted(SCENARIOS.glob("*.yaml"))
    spent = scored = 0
    for path in files:
        if args.ids and path.stem not in args.ids:
            continue
        r = measure(load_scenario(path), args.limit)
        spent += r["seconds"]
        scored += r["paths"]
        more = "+" if r["truncated"] else ""
        print(f"{path.stem:<24} paths {r['paths']:>7}{more:<1} best {r['best'][0]:>3} worst {r['worst'][0]:>3} "
              f">=80 {r['high']:6.1%}")
        if args.moves:
            print(f"  best:  {','.join(r['best'][1])}\n  worst: {','.join(r['worst'][1])}")
    if scored:
        print(f"score(): {spent / scored * 1e6:.0f} us per call over {scored} paths")
    return 0


if __name__ == "__main__":
    sys.exit(main())
