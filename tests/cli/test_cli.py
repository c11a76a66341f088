"""The command line as scripts and people use it: output, files written, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from simulator.cli import main

SCENARIO = """\
format: hearout/v1
id: cli-test
title: A short call
summary: Two beats, then a choice.
difficulty: 2
skills: [listening, apology, choices]
customer: {name: Priya Raman, mood: 30}
briefing:
  at_fault: false
  policy: No refunds after delivery.
  can_offer: [a re-clean, 10% off]
start: opening
nodes:
  opening:
    customer:
      - I want a refund.
      - one_of: [The windows were streaked., Every window had streaks.]
    moves:
      - key: hear
        say: I'm sorry that happened. What would make this right?
        acts: [apologize, open_question]
        mood: 10
        next: offer
      - key: refuse
        say: No refunds, that's the policy.
        acts: [refuse]
        mood: -30
        next:
          - when: {mood_below: 10}
            to: gone
          - to: offer
  offer:
    customer: ["Well, what can you do?"]
    moves:
      - key: choice
        say: I can send a re-clean this week, or take 10% off your next booking. Which suits you?
        acts: [offer_choice]
        mood: 30
        next: happy
  happy:
    customer: ["The re-clean, then. Thanks."]
    end: retained
  gone:
    customer: ["Forget it."]
    end: churned
"""


@pytest.fixture
def scenario_file(tmp_path):
    p = tmp_path / "call.yaml"
    p.write_text(SCENARIO)
    return str(p)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def saved(capsys):
    code, out, _ = run(capsys, "report", "--format", "json")
    assert code == 0
    return json.loads(out)


def test_play_prints_the_scorecard_and_saves_the_session(capsys, scenario_file, tmp_path):
    target = tmp_path / "t.json"
    code, out, err = run(capsys, "play", scenario_file, "--moves", "wait,hear,choice",
                         "--seed", "4", "--transcript", str(target))
    assert code == 0, err
    assert "Score: " in out and "/100" in out
    data = json.loads(target.read_text())
    assert data["format"] == "hearout-transcript/v1"
    assert data["seed"] == 4 and data["trainee"] == "tester" and data["outcome"] == "retained"
    rows = saved(capsys)
    assert [(r["scenario_id"], r["outcome"]) for r in rows] == [("cli-test", "retained")]
    assert isinstance(rows[0]["overall"], int)


def test_play_json_is_the_score_object_and_matches_score_command(capsys, scenario_file, tmp_path):
    target = tmp_path / "t.json"
    code, out, _ = run(capsys, "play", scenario_file, "--moves", "wait,hear,choice", "--seed", "1",
                       "--json", "--no-save", "--transcript", str(target))
    assert code == 0
    played = json.loads(out)
    assert set(played) >= {"overall", "outcome", "skills"}
    code, out, _ = run(capsys, "score", str(target), "--json")
    assert code == 0 and json.loads(out) == played
    assert saved(capsys) == []  # --no-save


def test_unknown_move_is_refused_with_the_valid_keys_and_nothing_is_saved(capsys, scenario_file):
    code, _, err = run(capsys, "play", scenario_file, "--moves", "wait,shout")
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "'shout'" in err and "wait, hear, refuse" in err
    assert saved(capsys) == []


def test_moves_left_after_the_end_are_refused(capsys, scenario_file):
    code, _, err = run(capsys, "play", scenario_file, "--moves", "hear,choice,wait")
    assert code == 2 and "after the call has ended" in err
    assert saved(capsys) == []


def test_moves_that_run_out_leave_the_call_abandoned(capsys, scenario_file, tmp_path):
    target = tmp_path / "t.json"
    code, _, _ = run(capsys, "play", scenario_file, "--moves", "wait", "--transcript", str(target))
    assert code == 0
    assert json.loads(target.read_text())["outcome"] == "abandoned"
    assert saved(capsys)[0]["outcome"] == "abandoned"


def test_seed_replays_exactly_and_defaults_to_a_recorded_random_one(capsys, scenario_file, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    run(capsys, "play", scenario_file, "--moves", "wait,hear", "--seed", "9", "--transcript", str(a))
    run(capsys, "play", scenario_file, "--moves", "wait,hear", "--seed", "9", "--transcript", str(b))
    assert json.loads(a.read_text())["events"] == json.loads(b.read_text())["events"]
    run(capsys, "play", scenario_file, "--moves", "wait", "--transcript", str(a))
    assert isinstance(json.loads(a.read_text())["seed"], int)


def test_a_broken_scenario_lists_every_problem_with_its_place(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SCENARIO.replace("difficulty: 2", "difficulty: 9").replace("acts: [refuse]", "acts: [shout]"))
    code, _, err = run(capsys, "play", str(bad), "--moves", "wait")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{bad}:") and ": error: " in line for line in lines)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["play", "no-such-scenario", "--moves", "wait"], "no built-in scenario 'no-such-scenario'"),
        (["play", "missing/file.yaml", "--moves", "wait"], "missing/file.yaml"),
        (["play", "x.yaml"], "--moves"),
        (["play", "x.yaml", "--moves", "wait", "--seed", "abc"], "seed must be a whole number"),
        (["frobnicate"], "invalid choice"),
        (["report", "--format", "xml"], "invalid choice"),
        (["score", "nowhere.json"], "nowhere.json: error: cannot read"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert expected in err


@pytest.mark.parametrize(
    "content, expected",
    [
        ('{"format": "hearout-transcript/v1",', ":1:"),
        ('{"format": "other/v9"}', "format: expected 'hearout-transcript/v1'"),
        ('[1, 2]', "expected a JSON object"),
        (b"\xff\xfe\x00bin", "not UTF-8"),
    ],
)
def test_score_refuses_a_bad_transcript_saying_where(capsys, tmp_path, content, expected):
    p = tmp_path / "t.json"
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, _, err = run(capsys, "score", str(p))
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1


def test_score_refuses_an_unknown_act(capsys, scenario_file, tmp_path):
    p = tmp_path / "t.json"
    run(capsys, "play", scenario_file, "--moves", "wait,hear", "--no-save", "--transcript", str(p))
    data = json.loads(p.read_text())
    trainee = next(i for i, e in enumerate(data["events"]) if e["who"] == "trainee" and e["move"] == "hear")
    data["events"][trainee]["acts"] = ["apologize", "grovel"]
    p.write_text(json.dumps(data))
    code, _, err = run(capsys, "score", str(p))
    assert code == 2 and f"events[{trainee}].acts[1]: unknown act 'grovel'" in err


def test_report_lists_sessions_as_table_csv_and_json(capsys, scenario_file):
    run(capsys, "play", scenario_file, "--moves", "wait,hear,choice", "--trainee", "alex")
    run(capsys, "play", scenario_file, "--moves", "refuse", "--trainee", "sam")
    code, out, _ = run(capsys, "report")
    assert code == 0 and "alex" in out and "sam" in out and "retained" in out
    code, out, _ = run(capsys, "report", "--trainee", "alex", "--format", "csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("\ufeffid,trainee,scenario_id") and len(lines) == 2  # UTF-8 BOM: Excel reads it and ",alex," in lines[1]


def test_list_json_has_the_contract_fields(capsys):
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(set(r) == {"id", "title", "summary", "difficulty", "skills"} for r in rows)


def test_console_entry_point_runs_as_a_module(tmp_path):
    out = subprocess.run([sys.executable, "-m", "simulator", "list"], capture_output=True, text=True,
                         env={"HEAROUT_DATA_DIR": str(tmp_path), "PATH": ""})
    assert out.returncode == 0 and out.stdout.strip()
    bad = subprocess.run([sys.executable, "-m", "simulator", "play"], capture_output=True, text=True,
                         env={"HEAROUT_DATA_DIR": str(tmp_path), "PATH": ""})
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_score_with_a_coach_rubric_reweights(capsys, scenario_file, tmp_path):
    t = tmp_path / "t.json"
    run(capsys, "play", scenario_file, "--moves", "wait,hear,choice", "--seed", "1", "--no-save",
        "--transcript", str(t))
    _, out, _ = run(capsys, "score", str(t), "--json")
    default = json.loads(out)
    rubric = tmp_path / "coach.yaml"
    rubric.write_text("weights:\n  listening: 0\n  apology: 0\n  choices: 1\n  policy: 0\n"
                      "  channel: 0\n  follow_up: 0\n  composure: 0\n")
    code, out, err = run(capsys, "score", str(t), "--json", "--rubric", str(rubric))
    assert code == 0, err
    coached = json.loads(out)
    assert coached["skills"]["choices"]["weight"] == 1
    assert coached["overall"] == coached["skills"]["choices"]["score"]
    assert coached["skills"]["listening"]["score"] == default["skills"]["listening"]["score"]


@pytest.mark.parametrize("content, expected", [
    ("weights:\n  charm: 0.5\n", "weights.charm"),
    ("weights: [1, 2\n", ":1:"),
    ("weights:\n  listening: -1\n", "weights.listening"),
])
def test_a_bad_rubric_is_one_line_and_exit_2(capsys, scenario_file, tmp_path, content, expected):
    t = tmp_path / "t.json"
    run(capsys, "play", scenario_file, "--moves", "hear", "--no-save", "--transcript", str(t))
    rubric = tmp_path / "bad.yaml"
    rubric.write_text(content)
    code, _, err = run(capsys, "score", str(t), "--rubric", str(rubric))
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1


def test_a_damaged_session_database_is_reported_and_left_alone(capsys, scenario_file, _private_data_dir):
    _private_data_dir.mkdir(parents=True)
    db = _private_data_dir / "sessions.db"
    db.write_bytes(b"not a database, but someone's data" * 100)
    before = db.read_bytes()
    code, _, err = run(capsys, "report")
    assert code == 2 and "sessions.db" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "play", scenario_file, "--moves", "hear")
    assert code == 2 and "sessions.db" in err
    assert db.read_bytes() == before


def test_the_scorecard_prints_escape_codes_in_a_transcript_as_text(capsys, scenario_file, tmp_path):
    """A transcript is untrusted: what it says reaches the terminal as visible escapes, never as codes."""
    target = tmp_path / "t.json"
    run(capsys, "play", scenario_file, "--moves", "wait,hear,choice", "--seed", "1", "--no-save",
        "--transcript", str(target))
    data = json.loads(target.read_text())
    data["scenario"]["customer"] = "Pri\x1bya Shah"
    said = next(e for e in data["events"] if e["who"] == "trainee" and e["move"] != "wait")
    said["text"] = "there\x1b[31m now\x07"
    target.write_text(json.dumps(data))
    code, out, err = run(capsys, "score", str(target))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "there\\x1b[31m now\\x07" in out and "Pri\\x1bya" in out
