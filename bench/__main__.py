"""Startup benchmark: hearout's home screen vs a bare Textual app with one label.

Each start is a fresh process (imports included, as a user pays them), timed
from spawn until it prints READY (first frame drawn) and LISTED (background
loading done: hearout's scenario list filled in). Starts alternate between
the two apps so machine noise hits both alike; the median of each is
compared. Exit 1 when hearout's home screen with its list filled takes more
than LIMIT times the bare app's first frame. Starts reuse one data folder, as
a trainee's do, so the scenario index is warm; a first start ever (no index
yet: every built-in file parsed) is measured too, for the record.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
LIMIT = 1.5
ROOT = Path(__file__).resolve().parent.parent


def time_start(which: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to (first frame, list filled)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.probe", which], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = proc.stdout.readline()
    t_ready = time.perf_counter() - t0
    listed = proc.stdout.readline()
    t_listed = time.perf_counter() - t0
    _, err = proc.communicate(timeout=30)
    if (ready.strip(), listed.strip()) != ("READY", "LISTED") or proc.returncode != 0:
        raise SystemExit(f"bench: {which} did not start cleanly (exit {proc.returncode}):\n{err}")
    return t_ready, t_listed


def main() -> int:
    with tempfile.TemporaryDirectory() as data:
        # A private data dir: the benchmark never touches the user's saved sessions.
        env = {**os.environ, "HEAROUT_DATA_DIR": data, "HEAROUT_TRAINEE": "bench"}
        for which in ("bare", "hearout"):  # warm-up: compile caches, page cache, scenario index
            time_start(which, env)
        times: dict[str, list[tuple[float, float]]] = {"bare": [], "hearout": [], "first": []}
        for _ in range(RUNS):
            for which in ("bare", "hearout"):
                times[which].append(time_start(which, env))
            with tempfile.TemporaryDirectory() as empty:
                times["first"].append(time_start("hearout", {**env, "HEAROUT_DATA_DIR": empty}))
    med = {w: [statistics.median(t[i] for t in times[w]) for i in (0, 1)] for w in times}
    ratio = med["hearout"][1] / med["bare"][0]
    print(f"startup, median of {RUNS} runs each      first frame   list filled")
    for name, w in (("bare textual app", "bare"), ("hearout home", "hearout"), ("hearout, first ever", "first")):
        print(f"  {name:<20}          {med[w][0] * 1000:7.1f} ms    {med[w][1] * 1000:7.1f} ms")
    print(f"  ratio (home listed / bare)    {ratio:7.2f}       limit {LIMIT}")
    print(f"  ratio (first ever / bare)     {med['first'][1] / med['bare'][0]:7.2f}")
    if ratio > LIMIT:
        print(f"bench: hearout's home takes {ratio:.2f}x a bare app's start (limit {LIMIT})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    from bench import authoring, engine, library, matcher, serve, store

    engine.main()
    print()
    library.main()
    print()
    serve.main()
    print()
    store_failed = store.main()
    print()
    linted = authoring.main()
    print()
    status = main()
    print()
    sys.exit(matcher.main() or status or store_failed or linted)
