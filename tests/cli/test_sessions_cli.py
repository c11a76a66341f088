"""Who a scripted call is saved for, what `report` says for a name, and calls a dead process left open."""
from __future__ import annotations

import json
import subprocess
import sys

from simulator.cli import main
from simulator.store.sessions import SessionStore
from simulator.store.settings import Settings, save_settings


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def report(capsys, *argv) -> list[dict]:
    code, out, _ = run(capsys, "report", "--format", "json", *argv)
    assert code == 0
    return json.loads(out)


def test_play_saves_for_the_name_set_in_the_app_when_no_other_is_given(capsys, monkeypatch):
    monkeypatch.delenv("HEAROUT_TRAINEE")
    save_settings(Settings(trainee="Rosa Q"))
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--seed", "1")
    assert [r["trainee"] for r in report(capsys)] == ["Rosa Q"]


def test_the_environment_and_the_flag_come_before_the_app_setting(capsys, monkeypatch):
    save_settings(Settings(trainee="Rosa Q"))
    monkeypatch.setenv("HEAROUT_TRAINEE", "from-env")
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--seed", "1")
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--seed", "1", "--trainee", "flag")
    assert [r["trainee"] for r in report(capsys)] == ["from-env", "flag"]


def test_report_for_an_unknown_trainee_names_them(capsys):
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--seed", "1")
    code, out, _ = run(capsys, "report", "--trainee", "nobody")
    assert code == 0 and out.strip() == "No saved sessions for nobody."


KILLED_MID_CALL = """
import os
from simulator.engine.builtin import load_builtin
from simulator.engine.session import Session
from simulator.store.sessions import SessionStore
store = SessionStore.default()
session = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim")
row = store.begin(session.transcript())
session.wait()
store.update(row, session.transcript())
os.kill(os.getpid(), 9)
"""


def test_report_shows_a_killed_call_abandoned_and_the_next_play_records_it(capsys, _private_data_dir):
    subprocess.run([sys.executable, "-c", KILLED_MID_CALL], check=False, timeout=60)
    [shown] = report(capsys)
    assert shown["outcome"] == "abandoned" and isinstance(shown["overall"], int)
    store = SessionStore(_private_data_dir / "sessions.db")
    assert store.sessions()[0].outcome is None  # report only read
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--seed", "1")
    first = store.sessions()[0]
    assert first.outcome == "abandoned" and isinstance(first.overall, int)
    assert [e["move"] for e in store.transcript(first.id)["events"] if e["who"] == "trainee"] == ["wait"]
