"""`lint --walk N`: N random playthroughs with the real engine; what they reach and what they never do.

Each turn picks uniformly among what a trainee could do there (keep
listening, or any move the machine offers), from a stream seeded by
`--seed`, so the same command gives the same counts. A call that has not
ended after MAX_TURNS turns is left (it is going round a loop).
"""
from __future__ import annotations

import random
from collections import Counter

from simulator.authoring.explore import MAX_TURNS, Player
from simulator.authoring.findings import FileReport
from simulator.engine.loader import Reading



def walk(scenario, runs: int, seed: int = 0) -> dict:
    nodes: Counter[str] = Counter()
    moves: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    rng = random.Random(seed)
    player = Player(scenario, seed)
    start = player.checkpoint()
    try:
        for _ in range(runs):
            player.rewind(start)
            seen_nodes = {player.session.state}
            for _turn in range(MAX_TURNS):
                actions = player.actions()
                if not actions:
                    break
                key = rng.choice(actions)
                if key != "wait":
                    moves[f"{player.session.state}/{key}"] += 1
                player.take(key)
                seen_nodes.add(player.session.state)
            nodes.update(seen_nodes)
            outcomes[player.session.outcome or "left in a loop"] += 1
    finally:
        player.close()
    every_move = [f"{n.id}/{m.key}" for n in scenario.nodes.values() for m in n.moves]
    return {
        "runs": runs, "seed": seed,
        "outcomes": dict(outcomes),
        "nodes": {n: nodes[n] for n in scenario.nodes},
        "moves": {m: moves[m] for m in every_move},
        "never": {"nodes": [n for n in scenario.nodes if not nodes[n]], "moves": [m for m in every_move if not moves[m]]},
    }


def add_walk(report: FileReport, reading: Reading, runs: int, seed: int = 0) -> None:
    result = walk(reading.scenario, runs, seed)
    report.extra["walk"] = result
    ends = ", ".join(f"{k} {v}" for k, v in sorted(result["outcomes"].items(), key=lambda kv: -kv[1]))
    lines = [f"{report.path}: walk, {runs} random calls, seed {seed}: {ends}"]
    for kind in ("nodes", "moves"):
        counts = result[kind]
        rare = sorted(counts.items(), key=lambda kv: kv[1])[:5]
        lines.append(f"  {kind}: {sum(1 for v in counts.values() if v)} of {len(counts)} reached; "
                     f"least: {', '.join(f'{k} {v}' for k, v in rare)}")
        never = result["never"][kind]
        if never:
            lines.append(f"  never reached ({len(never)}): {', '.join(never[:20])}{' …' if len(never) > 20 else ''}")
    report.notes.extend(lines)
