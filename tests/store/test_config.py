"""Where the store is: HEAROUT_DATABASE_URL in its spellings, and one line when it cannot be used."""
from __future__ import annotations

import subprocess
import sys

import pytest

from simulator.cli import main
from simulator.store import SessionStore, StoreError
from simulator.store.database import target


@pytest.mark.parametrize("url", ["postgresql://u:secret@db.example/hearout", "postgres://u:secret@db.example/hearout",
                                 "postgresql+psycopg://u:secret@db.example/hearout"])
def test_every_postgresql_spelling_uses_psycopg_3(url):
    where = target(url)
    assert where.path is None and where.url.drivername == "postgresql+psycopg"
    assert "secret" not in where.shown and where.url.database == "hearout"


def test_a_sqlite_url_is_the_file(tmp_path):
    assert target(f"sqlite:///{tmp_path}/team.db").path == tmp_path / "team.db"


@pytest.mark.parametrize("url", ["mysql://x@y/z", "sqlite://", "::not a url::"])
def test_an_unusable_database_url_is_one_line_from_the_command(capsys, monkeypatch, url):
    monkeypatch.setenv("HEAROUT_DATABASE_URL", url)
    for argv in (["report"], ["play", "lawn-missed-mow", "--moves", "wait"]):
        code = main(argv)
        _, err = capsys.readouterr()
        assert code == 2 and err.count("\n") == 1 and "HEAROUT_DATABASE_URL" in err and "Traceback" not in err


def test_an_unreachable_server_is_one_line_without_the_password(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HEAROUT_DATABASE_URL", f"postgresql://u:secret@/hearout?host={tmp_path}/no-such-socket-dir")
    code = main(["report"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "secret" not in err and "Traceback" not in err


KILLED = """
import os, sys
from simulator.engine.builtin import load_builtin
from simulator.engine.session import Session
from simulator.store import SessionStore
store = SessionStore(sys.argv[1])
session = Session(load_builtin("lawn-missed-mow"), seed=3, trainee="kim")
row = store.begin(session.transcript())
session.wait()
store.update(row, session.transcript())
session.wait()
store.update(row, session.transcript())
os.kill(os.getpid(), 9)
"""


def test_kill_9_mid_call_loses_no_earlier_turn_on_either_backend(backend):
    subprocess.run([sys.executable, "-c", KILLED, backend], timeout=120, check=False)
    with SessionStore(backend, read_only=True) as reader:
        [shown] = reader.sessions(settle=True)
        assert shown.outcome == "abandoned" and isinstance(shown.overall, int)
        assert reader.sessions()[0].outcome is None  # shown, not written
    with SessionStore(backend) as store:
        [sid] = store.finalize_orphans()
        moves = [e["move"] for e in store.transcript(sid)["events"] if e["who"] == "trainee"]
        assert moves == ["wait", "wait"] and store.sessions()[0].outcome == "abandoned"
