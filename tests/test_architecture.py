"""The core works without the UI: every module of scoring, the engine and the store
imports cleanly in a fresh interpreter without pulling in textual or rich, and scoring
never pulls in the simulator. Packages load lazily, so importing only their
`__init__` would prove nothing: each module is imported on its own."""
import importlib
import pkgutil
import subprocess
import sys

import pytest

CORE = ["scoring", "simulator.untrusted", "simulator.engine", "simulator.store", "simulator.reports", "simulator.practice",
        "simulator.understand"]


def modules_of(package: str) -> list[str]:
    found = [package]
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, prefix=package + "."):
        found.append(info.name)
    return found


ALL = [m for p in CORE for m in modules_of(p)]


def imported_after_full(module: str) -> set[str]:
    code = f"import sys, importlib; importlib.import_module({module!r}); print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def imported_after(module: str) -> set[str]:
    return {name.split(".")[0] for name in imported_after_full(module)}


def test_every_core_module_is_walked():
    assert "scoring.rules.choices" in ALL and "simulator.engine.loader" in ALL and "simulator.store.sessions" in ALL


@pytest.mark.parametrize("module", ALL)
def test_core_module_does_not_import_the_ui(module):
    assert not imported_after(module) & {"textual", "rich"}


@pytest.mark.parametrize("module", modules_of("simulator.untrusted"))
def test_untrusted_input_handling_imports_nothing_of_ours(module):
    ours = {m for m in imported_after_full(module) if m.startswith(("scoring", "simulator."))}
    assert ours <= {m for m in modules_of("simulator.untrusted")}
    assert "yaml" not in imported_after(module)


@pytest.mark.parametrize("module", modules_of("scoring"))
def test_scoring_does_not_import_the_simulator(module):
    assert "simulator" not in imported_after(module)
