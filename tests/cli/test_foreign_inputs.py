"""The command line on inputs nobody on the team wrote: odd transcripts, seeds, streams and data folders.

Each bad input gets one line on stderr that says where and what, exit 2, and never a traceback.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from simulator.cli import main

SCENARIO = """\
format: hearout/v1
id: foreign-cli
title: Ünïcode ☕ call
customer: {name: Zoë Ω, mood: 40}
briefing: {at_fault: true}
start: opening
nodes:
  opening:
    customer: [Hello., It broke.]
    moves:
      - {key: sorry, say: "I'm sorry ☕. What happened?", acts: [apologize, open_question], next: done}
  done:
    customer: [Thanks.]
    end: resolved
"""


@pytest.fixture
def scenario_file(tmp_path):
    p = tmp_path / "call.yaml"
    p.write_text(SCENARIO, encoding="utf-8")
    return str(p)


@pytest.fixture
def transcript(tmp_path, scenario_file, capsys):
    target = tmp_path / "t.json"
    assert main(["play", scenario_file, "--moves", "wait,sorry", "--seed", "1", "--no-save",
                 "--transcript", str(target)]) == 0
    capsys.readouterr()
    return json.loads(target.read_text(encoding="utf-8"))


def said(transcript: dict) -> dict:
    return next(e for e in transcript["events"] if e.get("move") == "sorry")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def refused(capsys, *argv) -> str:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1, err  # one line
    return err.strip()


def test_a_number_too_long_to_convert_is_refused_in_one_line(capsys, tmp_path, transcript):
    f = tmp_path / "big.json"
    f.write_text(json.dumps(transcript).replace('"seed": 1', '"seed": ' + "9" * 5000))
    assert refused(capsys, "score", str(f)) == f"{f}: error: not valid JSON: a number has more digits than can be read"


def test_a_lone_surrogate_is_refused_with_where_it_is(capsys, tmp_path, transcript):
    said(transcript)["text"] = "I\ud800m sorry"
    f = tmp_path / "surrogate.json"
    f.write_text(json.dumps(transcript))  # json escapes it as \ud800, which is valid JSON
    err = refused(capsys, "score", str(f))
    at = transcript["events"].index(said(transcript))
    assert err.startswith(f"{f}: error: events[{at}].text: not valid Unicode text")


def test_control_characters_in_a_transcript_are_shown_not_obeyed(capsys, tmp_path, transcript):
    transcript["scenario"]["customer"] = "Zoë\x1b]0;pwned\x07 Ω"
    said(transcript)["text"] = "sorry\x1b[2J"
    f = tmp_path / "escapes.json"
    f.write_text(json.dumps(transcript))
    code, out, _ = run(capsys, "score", str(f))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Zoë\\x1b]0;pwned\\x07 Ω" in out and "sorry\\x1b[2J" in out


@pytest.mark.parametrize("seed", ["9223372036854775808", "9" * 5000, "1_000", "٣"])
def test_a_seed_the_store_cannot_keep_or_that_is_not_plain_digits_is_refused(capsys, scenario_file, seed):
    err = refused(capsys, "play", scenario_file, "--moves", "wait", "--seed", seed)
    assert err.startswith("hearout play: error: argument --seed: seed must be")
    assert len(err) < 200  # a 5000-digit seed is cut short, not echoed


def test_the_largest_seed_plays_and_is_saved(capsys, scenario_file):
    code, _, err = run(capsys, "play", scenario_file, "--moves", "wait", "--seed", str(2**63 - 1))
    assert code == 0, err
    code, out, _ = run(capsys, "report", "--format", "json")
    assert json.loads(out)[0]["seed"] == 2**63 - 1


def test_a_session_database_that_refuses_writes_is_one_line_and_left_as_it_was(capsys, scenario_file, tmp_path,
                                                                                monkeypatch):
    data = tmp_path / "other-data"
    data.mkdir()
    db = sqlite3.connect(data / "sessions.db")
    # Another program's table of the same name: it opens, but a session cannot be written into it.
    db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, trainee TEXT, scenario_id TEXT, note TEXT)")
    db.execute("INSERT INTO sessions (note) VALUES ('keep me')")
    db.commit()
    db.close()
    monkeypatch.setenv("HEAROUT_DATA_DIR", str(data))
    err = refused(capsys, "play", scenario_file, "--moves", "sorry")
    assert "not a hearout session database" in err  # refused before any write: another program's tables
    db = sqlite3.connect(data / "sessions.db")
    assert db.execute("SELECT note FROM sessions").fetchall() == [("keep me",)]
    db.close()


def _hearout(*argv, env_extra: dict, **kw) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "simulator", *argv], capture_output=True, env=env, timeout=60, **kw)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_stdout_that_cannot_encode_unicode_still_gets_the_output(scenario_file, tmp_path, encoding):
    env = {"PYTHONIOENCODING": encoding}
    listed = _hearout("list", env_extra=env)
    assert listed.returncode == 0 and b"Traceback" not in listed.stderr
    played = _hearout("play", scenario_file, "--moves", "wait,sorry", "--no-save", env_extra=env)
    assert played.returncode == 0 and b"Traceback" not in played.stderr
    assert b"Score: " in played.stdout
    as_json = _hearout("play", scenario_file, "--moves", "wait,sorry", "--no-save", "--json", env_extra=env)
    assert as_json.returncode == 0 and "overall" in json.loads(as_json.stdout.decode("ascii"))
    rows = _hearout("list", "--json", env_extra=env)
    assert rows.returncode == 0 and json.loads(rows.stdout.decode("ascii"))


def test_the_ui_without_a_terminal_is_refused_instead_of_hanging(tmp_path):
    done = _hearout(env_extra={"HEAROUT_DATA_DIR": str(tmp_path / "d")}, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "needs a terminal" in err and "Traceback" not in err


def test_a_newline_in_a_file_name_does_not_split_the_error_line(capsys, tmp_path):
    transcript = tmp_path / "new\nline.json"
    transcript.write_text("{")
    err = refused(capsys, "score", str(transcript))
    assert err.startswith(f"{tmp_path}/new\\nline.json:1:2: error: not valid JSON")
    scenario = tmp_path / "new\nline.yaml"
    scenario.write_text("x: [")
    err = refused(capsys, "play", str(scenario), "--moves", "wait")
    assert err.startswith(f"{tmp_path}/new\\nline.yaml:") and ": error: YAML syntax error" in err
