"""A call left in progress by a process that died is found, shown and recorded as abandoned (SPEC §6)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from simulator.engine.builtin import load_builtin
from simulator.engine.session import Session
from simulator.store.owner import Owner, process_started
from simulator.store.sessions import SessionStore

# A process that saves a call, takes two turns, and dies without finishing it.
DIES_MID_CALL = """
import os, sys
from simulator.engine.builtin import load_builtin
from simulator.engine.session import Session
from simulator.store.sessions import SessionStore
store = SessionStore(__import__("pathlib").Path(sys.argv[1]))
session = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim")
row = store.begin(session.transcript())
session.wait()
store.update(row, session.transcript())
session.choose(session.moves()[0].key)
store.update(row, session.transcript())
os._exit(9)
"""


def dead_call(path) -> None:
    subprocess.run([sys.executable, "-c", DIES_MID_CALL, str(path)], check=False, timeout=60)


def trainee_moves(store, sid) -> list[str]:
    return [e["move"] for e in store.transcript(sid)["events"] if e["who"] == "trainee"]


def test_a_call_whose_process_died_is_shown_abandoned_and_scored_without_writing(tmp_path):
    dead_call(tmp_path / "s.db")
    store = SessionStore(tmp_path / "s.db")
    [row] = store.sessions()
    assert row.outcome is None
    assert store.orphans() == [row.id]
    [shown] = store.sessions(settle=True)
    assert shown.outcome == "abandoned" and isinstance(shown.overall, int)
    assert store.sessions()[0].outcome is None  # showing did not record anything


def test_finalizing_records_abandoned_with_a_score_and_keeps_every_turn(tmp_path):
    dead_call(tmp_path / "s.db")
    store = SessionStore(tmp_path / "s.db")
    [sid] = store.orphans()
    assert store.finalize_orphans() == [sid]
    [row] = store.sessions()
    assert row.outcome == "abandoned" and isinstance(row.overall, int)
    assert trainee_moves(store, sid)[0] == "wait" and len(trainee_moves(store, sid)) == 2
    assert store.transcript(sid)["outcome"] == "abandoned"
    assert store.orphans() == [] and store.finalize_orphans() == []


def test_the_score_function_given_is_the_one_recorded(tmp_path):
    dead_call(tmp_path / "s.db")
    store = SessionStore(tmp_path / "s.db")
    seen = []
    store.finalize_orphans(lambda t: seen.append(t.outcome) or {"overall": 42})
    assert seen == ["abandoned"] and store.sessions()[0].overall == 42


def test_a_call_this_process_is_taking_is_not_an_orphan(tmp_path):
    store = SessionStore(tmp_path / "s.db")
    store.begin(Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim").transcript())
    assert store.orphans() == [] and store.finalize_orphans() == []
    assert store.sessions(settle=True)[0].outcome is None


def test_a_reused_pid_does_not_keep_a_dead_call_alive(tmp_path):
    store = SessionStore(tmp_path / "s.db")
    me = Owner.current()
    transcript = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim").transcript()
    store.begin(transcript, Owner(me.host, me.pid, me.started + "-earlier"))
    if process_started(os.getpid()):  # the OS says when processes start (Linux)
        assert len(store.orphans()) == 1


def test_a_call_on_another_host_is_left_alone(tmp_path):
    store = SessionStore(tmp_path / "s.db")
    transcript = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim").transcript()
    store.begin(transcript, Owner("another-machine.example", 1, ""))
    assert store.orphans() == []


def test_a_database_from_before_owners_is_opened_and_its_calls_in_progress_are_orphans(tmp_path):
    path = tmp_path / "s.db"
    transcript = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim").transcript()
    db = sqlite3.connect(path)
    db.executescript("""CREATE TABLE sessions (id INTEGER PRIMARY KEY, trainee TEXT NOT NULL,
        scenario_id TEXT NOT NULL, title TEXT NOT NULL, seed INTEGER NOT NULL, started_at TEXT NOT NULL,
        outcome TEXT, overall INTEGER, final_mood INTEGER, transcript TEXT NOT NULL, score TEXT);""")
    db.execute("INSERT INTO sessions (trainee, scenario_id, title, seed, started_at, final_mood, transcript)"
               " VALUES ('kim', 'lawn-missed-mow', 'x', 3, '2026-01-01T00:00:00Z', 40, ?)",
               (json.dumps(transcript.to_dict()),))
    db.commit()
    db.close()
    store = SessionStore(path)
    assert store.finalize_orphans() == [1]
    assert store.sessions()[0].outcome == "abandoned"
