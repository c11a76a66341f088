"""Authoring benchmark: `hearout lint` on a generated 2,000-node scenario, against libyaml parsing it.

The baseline is libyaml merely parsing the same file (`yaml.load` with the C
safe loader); lint reads it with hearout's loader (every check, every line
and column) and runs every graph check. Both run in this process, best of
RUNS, side by side. `lint --bounds` on the same file is timed too: its
search stops at the path budget, so this measures exploring the states and
scoring BUDGET paths. Exit 1 when plain lint takes more than LIMIT x the parse.
"""
from __future__ import annotations

import time

import yaml

from bench.engine import best_of
from simulator.authoring.bounds import add_bounds
from simulator.authoring.checks import lint_reading
from simulator.engine.loader import read_scenario_text

NODES = 2_000
LIMIT = 1.5
BOUNDS_TARGET = 5.0
BUDGET = 10_000  # (state, score key) pairs: a 2,000-node call has far too many to prove; this times the work per pair


def generated(nodes: int = NODES) -> str:
    """A long call: each node's good move goes on, a poor one skips ahead, a bad one ends it."""
    out = ["format: hearout/v1", "id: bench-long", "title: A very long call", "skills: [listening, apology]",
           "customer: {name: Bea Long, mood: 50}", "briefing: {at_fault: false}", "start: n0", "nodes:"]
    for i in range(nodes):
        nxt, skip = f"n{i + 1}" if i + 1 < nodes else "done", f"n{i + 2}" if i + 2 < nodes else "done"
        out += [
            f"  n{i}:",
            "    customer:",
            f"      - one_of: [\"Part {i} of my story.\", \"Here is part {i}.\"]",
            f"      - \"And that is why part {i} matters to me.\"",
            "    silence: Hello?",
            "    moves:",
            f"      - {{key: go-on, say: \"Tell me more about part {i}?\", acts: [empathize, open_question], mood: 1,"
            f" next: {nxt}}}",
            f"      - {{key: skip, say: \"Let's skip ahead.\", acts: [dismiss], mood: -2, next: {skip}}}",
            "      - key: sorry",
            "        say: I'm sorry, that is on us.",
            "        acts: [apologize]",
            "        next:",
            "          - {when: {mood_below: 20}, to: lost}",
            f"          - to: {nxt}",
        ]
    out += ["  done:", "    customer: [\"Thank you for listening.\"]", "    end: retained",
            "  lost:", "    customer: [\"I give up.\"]", "    end: churned"]
    return "\n".join(out) + "\n"


def main() -> int:
    text = generated()
    data = text.encode("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parse = best_of(lambda: yaml.load(text, Loader=loader))
    lint = best_of(lambda: lint_reading(read_scenario_text(data, "bench.yaml"), "bench.yaml"))

    def bounds() -> None:
        reading = read_scenario_text(data, "bench.yaml")
        add_bounds(lint_reading(reading, "bench.yaml"), reading, budget=BUDGET)

    bound = best_of(bounds, runs=1)
    report = lint_reading(read_scenario_text(data, "bench.yaml"), "bench.yaml")
    print(f"lint a generated {NODES:,}-node scenario ({len(data) / 1e6:.1f} MB, {len(report.findings)} findings)")
    print(f"  libyaml parse (yaml.load, C)   {parse * 1000:8.1f} ms")
    print(f"  hearout lint                   {lint * 1000:8.1f} ms    ratio {lint / parse:5.2f}x   limit {LIMIT}")
    print(f"  hearout lint --bounds          {bound * 1000:8.1f} ms    ratio {bound / parse:5.2f}x   "
          f"target {BOUNDS_TARGET} (budget {BUDGET:,} pairs; not provable)")
    if lint / parse > LIMIT:
        print(f"bench: lint takes {lint / parse:.2f}x libyaml's parse (limit {LIMIT})")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
