"""The store as `hearout` uses it: readers never write, damaged or foreign databases are refused in one line."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main

LAWN_BEST = "wait,wait,wait,ask-more,wait,own-it,choice-of-extras,commit,thank-and-visit"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def refused(capsys, *argv) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1, err
    return err.strip()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_play_saves_and_report_reads_on_each_backend(capsys, use_backend):
    assert run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", "3")[0] == 0
    code, out, _ = run(capsys, "report", "--format", "json")
    [row] = json.loads(out)
    assert code == 0 and row["scenario_id"] == "lawn-missed-mow" and row["outcome"] == "retained"


def test_report_on_a_missing_folder_creates_nothing(capsys, _private_data_dir):
    code, out, _ = run(capsys, "report")
    assert code == 0 and "No saved sessions yet" in out
    assert not _private_data_dir.exists()


def test_report_on_an_empty_file_is_one_line_and_leaves_it_empty(capsys, _private_data_dir):
    _private_data_dir.mkdir()
    (_private_data_dir / "sessions.db").write_bytes(b"")
    err = refused(capsys, "report")
    assert "0 bytes" in err and "sessions.db" in err
    assert files(_private_data_dir) == {"sessions.db": b""}


def test_report_on_another_programs_sqlite_file_changes_nothing(capsys, _private_data_dir):
    _private_data_dir.mkdir()
    db = sqlite3.connect(_private_data_dir / "sessions.db")
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.execute("INSERT INTO recipes VALUES ('bread')")
    db.commit()
    db.close()
    before = files(_private_data_dir)
    for command in (["report"], ["play", "lawn-missed-mow", "--moves", "wait"]):
        err = refused(capsys, *command)
        assert "not a hearout session database" in err
    assert files(_private_data_dir) == before  # no tables added, no switch to WAL, no -wal beside it


def damage(db: Path) -> None:
    """8 KB of garbage over the data pages after the first, as a failing disk or a bad copy leaves it."""
    with open(db, "r+b") as f:
        f.seek(4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(8192)))


def test_a_damaged_database_is_never_appended_to(capsys, _private_data_dir):
    for seed in range(30):
        assert run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", str(seed))[0] == 0
    db = _private_data_dir / "sessions.db"
    damage(db)
    before = files(_private_data_dir)
    err = refused(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST)
    assert "damaged" in err and str(db) in err and f"mv {db} {db}.damaged" in err
    assert files(_private_data_dir) == before


async def test_the_app_says_the_database_is_damaged_and_still_lets_the_trainee_practise(capsys, _private_data_dir):
    from simulator.store.settings import Settings
    from simulator.tui.app import build_app
    from simulator.tui.screens.debrief import DebriefScreen

    for seed in range(30):
        assert run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", str(seed))[0] == 0
    db = _private_data_dir / "sessions.db"
    damage(db)
    before = files(_private_data_dir)
    app = build_app(timers=False, settings=Settings(trainee="tester", no_time_pressure=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("damaged" in n and "practise" in n and ".damaged" in n for n in notes), notes
        await pilot.press("enter", "enter")  # open the first scenario, start the call
        await pilot.press("escape", "y")  # hang up: the call ran and ends in a debrief
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    after = files(_private_data_dir)
    assert {k: after[k] for k in before} == before  # the app keeps its scenario index beside it; the db untouched


def _hearout(*argv, env: dict, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "simulator", *argv], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120, cwd=cwd)


def _read_only_mount_works() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "mount", "--bind", "-o", "ro", "/tmp", "/tmp"],
                          capture_output=True).returncode == 0


@pytest.mark.skipif(not _read_only_mount_works(), reason="needs root to bind-mount a folder read-only")
def test_report_reads_a_store_on_a_read_only_mount(capsys, tmp_path, _private_data_dir):
    for seed in range(3):
        assert run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", str(seed))[0] == 0
    before = files(_private_data_dir)
    data = str(_private_data_dir)
    script = (f"mount --bind -o ro {data} {data} && touch {data}/probe 2>/dev/null && exit 9; "
              f"exec {sys.executable} -m simulator report --format csv")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HEAROUT_DATA_DIR": data})
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("lawn-missed-mow") == 3 and done.stderr == ""
    assert files(_private_data_dir) == before
