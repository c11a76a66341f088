"""The scenarios shipped with hearout, read from the `scenarios` package data."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from simulator.engine.model import Scenario


def builtin_files() -> dict[str, resources.abc.Traversable]:
    """Built-in scenario files by id (the file name is the id), sorted."""
    root = resources.files("scenarios")
    found = {p.name.rsplit(".", 1)[0]: p for p in root.iterdir() if p.name.endswith((".yaml", ".yml"))}
    return dict(sorted(found.items()))


@lru_cache(maxsize=None)
def load_builtin(scenario_id: str) -> Scenario:
    """A built-in scenario by id; KeyError if there is none."""
    from simulator.engine.loader import load_scenario_text

    files = builtin_files()
    if scenario_id not in files:
        raise KeyError(scenario_id)
    f = files[scenario_id]
    return load_scenario_text(f.read_bytes(), source=f"scenarios/{f.name}")


def builtin_scenarios() -> list[Scenario]:
    """Every built-in scenario, ordered by difficulty then title."""
    found = [load_builtin(i) for i in builtin_files()]
    return sorted(found, key=lambda s: (s.difficulty, s.title))
