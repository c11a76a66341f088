"""Engine benchmarks, each a ratio against a baseline run in the same process.

- Loading: the built-in scenarios parsed with libyaml's event parser vs the
  pure-Python one (the loader picks libyaml when it is there).
- Sessions: many calls sharing one `transitions` machine per scenario (how
  hearout runs) vs building a machine for every call.
- Memory: peak allocation of 1,000 live sessions on the shared machine vs
  the same with a machine each (tracemalloc).
"""
from __future__ import annotations

import time
import tracemalloc
from typing import Callable

import yaml

from simulator.engine import builtin, machine, yamlnodes
from simulator.engine.loader import load_scenario_text
from simulator.engine.session import Session

RUNS = 5


def best_of(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def loading() -> tuple[float, float]:
    texts = [f.read_bytes() for f in builtin.builtin_files().values()]
    load_all = lambda: [load_scenario_text(t, "bench") for t in texts]  # noqa: E731
    fast = best_of(load_all)
    saved = yamlnodes.SAFE_LOADER
    yamlnodes.SAFE_LOADER = yaml.SafeLoader
    try:
        slow = best_of(load_all)
    finally:
        yamlnodes.SAFE_LOADER = saved
    return fast, slow


def _play_calls(scenarios, n: int, fresh_machine: bool) -> list[Session]:
    sessions = []
    for i in range(n):
        s = scenarios[i % len(scenarios)]
        if fresh_machine:
            machine._compiled.pop(id(s), None)
        session = Session(s, seed=i, trainee="bench")
        for _ in range(3):
            session.wait()
        sessions.append(session)
    return sessions


def sessions() -> tuple[float, float]:
    scenarios = builtin.builtin_scenarios()
    shared = best_of(lambda: [s.close() for s in _play_calls(scenarios, 300, False)])
    fresh = best_of(lambda: [s.close() for s in _play_calls(scenarios, 300, True)])
    return shared, fresh


def memory() -> tuple[int, int]:
    scenarios = builtin.builtin_scenarios()
    peaks = []
    for fresh in (False, True):
        machine._compiled.clear()
        tracemalloc.start()
        live = _play_calls(scenarios, 1000, fresh)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        for s in live:
            s.close()
    machine._compiled.clear()
    return peaks[0], peaks[1]


def main() -> int:
    fast, slow = loading()
    print(f"loading {len(builtin.builtin_files())} built-in scenarios (best of {RUNS})")
    print(f"  libyaml events        {fast * 1000:7.1f} ms")
    print(f"  pure-Python events    {slow * 1000:7.1f} ms    ratio {slow / fast:5.2f}x")
    shared, fresh = sessions()
    print(f"300 calls, 3 beats each (best of {RUNS})")
    print(f"  one shared machine    {shared * 1000:7.1f} ms")
    print(f"  a machine per call    {fresh * 1000:7.1f} ms    ratio {fresh / shared:5.2f}x")
    shared_mem, fresh_mem = memory()
    print("1,000 live calls, peak allocation")
    print(f"  one shared machine    {shared_mem / 1e6:7.1f} MB")
    print(f"  a machine per call    {fresh_mem / 1e6:7.1f} MB    ratio {fresh_mem / shared_mem:5.2f}x")
    return 0
