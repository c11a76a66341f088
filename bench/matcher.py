"""Typed-reply matcher benchmark (issue 16): accuracy, refusals and cost, against a naive baseline.

The replies come from bench/replies/*.yaml. `dev-*.yaml` tuned the matcher's
constants; every other file is HELD OUT: written for this benchmark only, never
read by the matcher or used to tune it. Each lists, per node of a built-in
scenario, replies that mean each move and replies (`none:`) that must be
refused: off-topic, or near-topic chatter that borrows the scene's words.

Reported for the matcher and, side by side, for the baseline (character-
trigram cosine against the scripted `say` lines alone, one threshold, tuned on
the dev set): on-topic replies answered, right among those answered, top-1 and
top-3 over all on-topic replies, chatter refused, time per match, and the time
the first match of a fresh process adds (imports and building the index).
Exit 1 when the matcher misses a target or does not beat the baseline on
answered, right-when-answering and refused at once.
"""
from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from simulator.engine.builtin import load_builtin

REPLIES = Path(__file__).resolve().parent / "replies"
ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"answered": 0.90, "right": 0.95, "refused": 0.90}
MS_PER_MATCH, FIRST_MATCH_MS = 20.0, 150.0
FIRST_RUNS = 7


@dataclass
class Case:
    scenario: str
    node: str
    text: str
    want: str | None  # None: must be refused


def load_cases(held_out: bool) -> list[Case]:
    cases = []
    for path in sorted(REPLIES.glob("*.yaml")):
        if path.name.startswith("dev-") == held_out:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        scenario = load_builtin(data["scenario"])
        for node_id, by_move in data["nodes"].items():
            keys = {m.key for m in scenario.node(node_id).moves}
            for key, texts in by_move.items():
                want = None if key == "none" else key
                if want is not None and want not in keys:
                    raise SystemExit(f"{path.name}: node {node_id} has no move {want!r}")
                if not all(isinstance(t, str) for t in texts):  # an unquoted "a: b" reads as a mapping
                    raise SystemExit(f"{path.name}: {node_id}.{key}: every reply must be text (quote it)")
                cases.extend(Case(data["scenario"], node_id, t, want) for t in texts)
    return cases


@dataclass
class Tally:
    on_topic: int = 0
    answered: int = 0
    right: int = 0
    top3: int = 0
    chatter: int = 0
    refused: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, case: Case, move: str | None, candidates: list[str]) -> None:
        if case.want is None:
            self.chatter += 1
            self.refused += move is None
            if move is not None:
                self.misses.append(f"  took {move:<22} for chatter   {case.node}: {case.text}")
            return
        self.on_topic += 1
        self.answered += move is not None
        self.right += move == case.want
        self.top3 += case.want in candidates[:3]
        if move != case.want:
            self.misses.append(f"  {('took ' + move) if move else 'refused':<27} want {case.want:<20} {case.node}: {case.text}")

    def figures(self) -> dict[str, float]:
        n = self.on_topic + self.chatter
        return {
            "answered": self.answered / self.on_topic,
            "right": self.right / self.answered if self.answered else 0.0,
            "top1": self.right / self.on_topic,
            "top3": self.top3 / self.on_topic,
            "refused": self.refused / self.chatter,
            "abstained": (self.on_topic - self.answered) / self.on_topic,
            "ms": self.seconds / n * 1000,
        }


# -- the baseline ---------------------------------------------------------------


def trigrams(text: str) -> Counter:
    t = f"  {text.lower()}  "
    return Counter(t[i : i + 3] for i in range(len(t) - 2))


def trigram_cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


class Baseline:
    """Naive: the scripted line with the most similar character trigrams, if over one threshold."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def read(self, text: str, moves) -> tuple[str | None, list[str]]:
        q = trigrams(text)
        sims = sorted(((trigram_cosine(q, trigrams(m.say)), -i, m.key) for i, m in enumerate(moves)), reverse=True)
        best = sims[0][2] if sims and sims[0][0] >= self.threshold else None
        return best, [k for _, _, k in sims]


def tune_baseline(cases: list[Case], scenarios: dict) -> float:
    """The threshold that maximizes answered + refused on the dev set (right-when-answering stays high for all)."""
    best = (-1.0, 0.0)
    for step in range(5, 80):
        t = step / 100
        tally = run(Baseline(t), cases, scenarios)
        f = tally.figures()
        best = max(best, (f["answered"] + f["refused"], t))
    return best[1]


# -- running ----------------------------------------------------------------------


class Ours:
    def __init__(self) -> None:
        from simulator.understand import shared_matcher

        self.matcher = shared_matcher()

    def read(self, text: str, moves) -> tuple[str | None, list[str]]:
        r = self.matcher.read(text, moves)
        return r.move, [c.move for c in r.candidates]


def run(reader, cases: list[Case], scenarios: dict) -> Tally:
    tally = Tally()
    for case in cases:
        moves = scenarios[case.scenario].node(case.node).moves
        t0 = time.perf_counter()
        move, candidates = reader.read(case.text, moves)
        tally.seconds += time.perf_counter() - t0
        tally.add(case, move, candidates)
    return tally


FIRST = """
import time
from simulator.engine.builtin import load_builtin
moves = load_builtin("lawn-missed-mow").node("opening").moves
w0, c0 = time.perf_counter(), time.process_time()
from simulator.understand import match
match("tell me what happened", moves)
w1, c1 = time.perf_counter(), time.process_time()
match("so sorry about that", moves)
w2, c2 = time.perf_counter(), time.process_time()
print((w1 - w0) - (w2 - w1), (c1 - c0) - (c2 - c1))
"""


def first_match_overhead() -> tuple[float, float]:
    """Milliseconds the first match of a fresh process adds over a later one (importing the
    matcher and building its index), wall clock and CPU time, median of FIRST_RUNS processes."""
    wall, cpu = [], []
    for _ in range(FIRST_RUNS):
        out = subprocess.run([sys.executable, "-c", FIRST], cwd=ROOT, capture_output=True, text=True, check=True)
        w, c = map(float, out.stdout.split())
        wall.append(w * 1000)
        cpu.append(c * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main(verbose: bool = False) -> int:
    dev, held = load_cases(held_out=False), load_cases(held_out=True)
    scenarios = {c.scenario: load_builtin(c.scenario) for c in dev + held}
    threshold = tune_baseline(dev, scenarios)
    ours = Ours()
    run(ours, dev[:20], scenarios)  # warm: the first-match cost is measured on its own below
    results = {"matcher": run(ours, held, scenarios), f"baseline (t={threshold:.2f})": run(Baseline(threshold), held, scenarios)}
    names = sorted({c.scenario for c in held})
    on = sum(c.want is not None for c in held)
    print(f"typed-reply matcher: {len(held)} held-out replies ({on} on topic, {len(held) - on} to refuse), "
          f"{len(names)} scenarios: {', '.join(names)}")
    print(f"  {'':<22} answered  right|ans   top-1   top-3  abstained  refused   ms/match")
    for name, tally in results.items():
        f = tally.figures()
        print(f"  {name:<22} {f['answered']:7.1%}  {f['right']:8.1%}  {f['top1']:6.1%}  {f['top3']:6.1%}"
              f"  {f['abstained']:8.1%}  {f['refused']:7.1%}  {f['ms']:8.2f}")
    wall, cpu = first_match_overhead()
    print(f"  first match of a process adds {wall:.1f} ms wall, {cpu:.1f} ms CPU "
          f"(median of {FIRST_RUNS} fresh processes; limit {FIRST_MATCH_MS:.0f} ms CPU: other work on the machine only stretches the wall clock)")
    ours_f = results["matcher"].figures()
    base_f = next(t for n, t in results.items() if n != "matcher").figures()
    if verbose:
        print("\n".join(results["matcher"].misses))
    failed = [k for k, v in TARGETS.items() if ours_f[k] < v]
    failed += [f"beats baseline on {k}" for k in TARGETS if ours_f[k] <= base_f[k]]
    failed += ["ms/match"] if ours_f["ms"] >= MS_PER_MATCH else []
    failed += ["first-match overhead"] if cpu >= FIRST_MATCH_MS else []
    if failed:
        print(f"bench: matcher misses: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(verbose="-v" in sys.argv))
