"""A real `hearout` in a real terminal (a pty), stopped mid-call every way a call can be stopped.

SIGHUP (the terminal closed) and SIGTERM save the call as abandoned and scored
before the app leaves. SIGKILL gives no chance to: the next `hearout` that
writes records it, and `report` shows it so meanwhile. Every turn taken
before the signal is in the saved transcript.
"""
from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time

import pytest

if not hasattr(signal, "SIGHUP"):
    pytest.skip("POSIX signals and terminals only", allow_module_level=True)

TIMEOUT = 60


class Terminal:
    """`hearout` on the slave side of a pty of 80x24; the test types on the master side."""

    def __init__(self, data_dir, *argv: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "HEAROUT_DATA_DIR": str(data_dir), "TERM": "xterm-256color"}
        self.proc = subprocess.Popen([sys.executable, "-m", "simulator", *argv], stdin=slave, stdout=slave,
                                     stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(TIMEOUT)
        os.close(self.master)


def until(check, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def rows(db) -> list[tuple]:
    if not db.exists():
        return []
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, outcome, overall, transcript FROM sessions ORDER BY id").fetchall()
    except sqlite3.Error:
        return []
    finally:
        con.close()


def trainee_moves(transcript: str) -> list[str]:
    return [e["move"] for e in json.loads(transcript)["events"] if e["who"] == "trainee"]


@pytest.fixture
def data(_private_data_dir):
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    # No time pressure: the customer goes on only when a key says so, so the turns are known.
    (_private_data_dir / "settings.json").write_text(json.dumps({"trainee": "kim", "no_time_pressure": True}))
    return _private_data_dir


def call_in_progress(data) -> tuple[Terminal, list[str]]:
    """Take the first call on the home list (lawn-missed-mow), listen twice and answer once."""
    db = data / "sessions.db"
    term = Terminal(data)
    until(lambda: db.exists() and b"lawn" in term.output.lower() or b"Lawn" in term.output, "the home screen")
    term.type("\r")
    until(lambda: b"Enter" in term.output, "the briefing")
    time.sleep(0.3)
    term.type("\r")
    until(lambda: rows(db), "the call to be saved as it starts")
    for n, key in enumerate([" ", " ", "1"], start=1):
        term.type(key)
        until(lambda: len(trainee_moves(rows(db)[-1][3])) == n, f"turn {n} to be saved")
    [(_, outcome, _, transcript)] = rows(db)
    assert outcome is None
    return term, trainee_moves(transcript)


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_closed_terminal_or_sigterm_saves_the_call_abandoned_and_scored(data, sig):
    term, taken = call_in_progress(data)
    try:
        term.proc.send_signal(sig)
        term.proc.wait(TIMEOUT)
    finally:
        term.close()
    [(_, outcome, overall, transcript)] = rows(data / "sessions.db")
    assert outcome == "abandoned" and isinstance(overall, int)
    assert trainee_moves(transcript) == taken and taken[:2] == ["wait", "wait"] and len(taken) == 3


def test_after_kill_9_report_shows_it_abandoned_and_the_next_start_records_it(data):
    term, taken = call_in_progress(data)
    term.proc.send_signal(signal.SIGKILL)
    term.close()
    db = data / "sessions.db"
    [(_, outcome, _, _)] = rows(db)
    assert outcome is None  # nothing could run after SIGKILL

    env = {**os.environ, "HEAROUT_DATA_DIR": str(data)}
    out = subprocess.run([sys.executable, "-m", "simulator", "report", "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=TIMEOUT)
    [shown] = json.loads(out.stdout)
    assert shown["outcome"] == "abandoned" and isinstance(shown["overall"], int)
    assert rows(db)[0][1] is None  # report only reads

    again = Terminal(data)  # the next start of the app records it
    try:
        until(lambda: rows(db)[0][1] == "abandoned", "the app to record the killed call")
    finally:
        again.close()
    [(_, outcome, overall, transcript)] = rows(db)
    assert outcome == "abandoned" and isinstance(overall, int) and trainee_moves(transcript) == taken
