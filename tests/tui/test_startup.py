"""The home screen's first frame needs only Textual: the engine, scoring and YAML load after it."""
from __future__ import annotations

import subprocess
import sys


def loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_cli_entry_point_does_not_import_textual():
    assert not any(m.startswith("textual") for m in loaded_after("import simulator.tui"))


def test_the_app_module_imports_no_engine_scoring_or_yaml():
    mods = loaded_after("import simulator.tui.app")
    assert "textual.app" in mods
    heavy = ("scoring", "yaml", "transitions", "sqlite3", "simulator.engine", "simulator.store")
    assert not [m for m in mods if m.startswith(heavy)]
