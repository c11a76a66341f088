"""The core works without the UI: the engine and scoring never pull in textual or rich."""
import subprocess
import sys

import pytest

CORE = ["simulator.engine", "simulator.engine.loader", "simulator.engine.session", "scoring", "simulator.store"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_the_ui(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_scoring_does_not_import_the_simulator():
    code = "import sys, scoring; print(any(m.split('.')[0] == 'simulator' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
