"""`hearout lint`, `schema`, `diagram` and `new` as authors use them: output, files, exit codes."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from simulator.authoring.schema import SHIPPED, schema_text
from simulator.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "authoring"))
from lint_helpers import CLEAN, line_of, replaced  # noqa: E402

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_builtin_lints_clean_with_strict(capsys):
    ids = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
    assert main(["lint", "--strict", *ids]) == 0
    assert capsys.readouterr().out == ""


def test_a_finding_is_one_line_with_place_severity_and_code(tmp_path, capsys):
    text = replaced("        set: [blamed]\n", "")
    path = write(tmp_path, text)
    assert main(["lint", path]) == 0  # a warning alone passes...
    line = line_of(text, "flags: [blamed]")
    col = text.splitlines()[line - 1].index("blamed") + 1
    expected = f"{path}:{line}:{col}: warning: flag 'blamed' is never set by any move [flag-never-set]\n"
    assert capsys.readouterr().out == expected
    assert main(["lint", "--strict", path]) == 1  # ...unless --strict


def test_an_error_fails_and_other_files_are_still_checked(tmp_path, capsys):
    bad = write(tmp_path, replaced("mood: 30}", "mood: 300}"), "bad.yaml")
    good = write(tmp_path, CLEAN, "good.yaml")
    assert main(["lint", bad, good]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:5:" in out and "customer.mood must be between 0 and 100" in out and "[format]" in out
    assert "good.yaml" not in out


def test_a_file_that_cannot_be_opened_exits_2(tmp_path, capsys):
    good = write(tmp_path, CLEAN)
    assert main(["lint", str(tmp_path / "missing.yaml"), good]) == 2
    err = capsys.readouterr().err
    assert "missing.yaml: error: cannot read" in err and "Traceback" not in err


def test_a_file_that_cannot_be_loaded_is_findings_not_exit_2(tmp_path, capsys):
    assert main(["lint", write(tmp_path, "format: [unclosed\n")]) == 1
    assert "YAML syntax error" in capsys.readouterr().out


def test_json_shape(tmp_path, capsys):
    text = replaced("        set: [blamed]\n", "")
    path = write(tmp_path, text)
    assert main(["lint", "--json", path, "tiny-unknown"]) == 2
    data = json.loads(capsys.readouterr().out)
    line = line_of(text, "flags: [blamed]")
    col = text.splitlines()[line - 1].index("blamed") + 1
    assert data == [{"path": path, "bounds": None, "findings": [
        {"line": line, "col": col, "severity": "warning", "code": "flag-never-set",
         "message": "flag 'blamed' is never set by any move"}]}]


def test_output_is_capped_per_file(tmp_path, capsys):
    moves = "".join(f"      - key: m{i}\n        say: x\n        acts: [nope]\n        next: kept\n" for i in range(300))
    text = replaced("    moves:\n      - key: choice\n", f"    moves:\n{moves}      - key: choice\n")
    assert main(["lint", write(tmp_path, text)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 201
    assert lines[-1].endswith("… and 100 more finding(s) not shown")
    assert main(["lint", "--json", write(tmp_path, text)]) == 1
    data = json.loads(capsys.readouterr().out)[0]
    assert len(data["findings"]) == 200 and data["more_findings"] == 100


def test_schema_is_the_shipped_file_and_every_builtin_validates(capsys):
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text() == SHIPPED.read_text(encoding="utf-8")
    schema = json.loads(printed)
    for f in sorted(SCENARIOS.glob("*.yaml")):
        assert f.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../simulator/authoring/scenario.schema.json\n"), f.name
        jsonschema.validate(yaml.safe_load(f.read_text(encoding="utf-8")), schema)


def test_schema_refuses_what_the_loader_refuses():
    schema = json.loads(schema_text())
    data = yaml.safe_load(replaced("acts: [offer_choice]", "acts: [offer_choices]"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data = yaml.safe_load(replaced("      - key: choice\n", "      - key: choice\n        needs_heard: 0\n"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_diagram_labels_endings_and_marks_a_transcript(tmp_path, capsys):
    path = write(tmp_path, CLEAN)
    transcript = tmp_path / "t.json"
    assert main(["play", path, "--moves", "wait,ask,choice", "--seed", "1", "--no-save",
                 "--transcript", str(transcript)]) == 0
    capsys.readouterr()
    assert main(["diagram", path, "--transcript", str(transcript)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("stateDiagram-v2\n")
    assert '  state "kept (outcome retained)" as n_kept\n' in out
    assert "  n_opening --> n_choose: ask (taken, turn 1)\n" in out
    assert "  n_opening --> n_lost: blame if mood under 20, flag blamed\n" in out
    assert "  class n_opening,n_choose,n_kept visited\n" in out


def test_diagram_refuses_a_transcript_of_another_scenario(tmp_path, capsys):
    transcript = tmp_path / "t.json"
    main(["play", "lawn-missed-mow", "--moves", "wait", "--no-save", "--transcript", str(transcript)])
    assert main(["diagram", write(tmp_path, CLEAN), "--transcript", str(transcript)]) == 2
    assert "not 'tiny'" in capsys.readouterr().err


def test_new_writes_a_starter_that_lints_clean_and_never_overwrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "late-parcel"]) == 0
    text = (tmp_path / "late-parcel.yaml").read_text(encoding="utf-8")
    assert "id: late-parcel" in text and text.startswith("# yaml-language-server: $schema=file://")
    assert main(["lint", "--strict", "late-parcel.yaml"]) == 0
    (tmp_path / "late-parcel.yaml").write_text("mine", encoding="utf-8")
    assert main(["new", "late-parcel"]) == 2
    assert (tmp_path / "late-parcel.yaml").read_text(encoding="utf-8") == "mine"
    assert main(["new", "Bad_Id"]) == 2
    assert main(["new", "../escape"]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "lowercase letters" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late-parcel.yaml"]


# --- --bounds and --walk ------------------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "authoring"))
from test_bounds import SMALL  # noqa: E402


def test_bounds_json_replays_with_play_to_the_same_score(tmp_path, capsys):
    path = write(tmp_path, SMALL)
    assert main(["lint", "--bounds", "--json", "--seed", "4", path]) == 0
    bounds = json.loads(capsys.readouterr().out)[0]["bounds"]
    assert bounds["proven"] is True and bounds["seed"] == 4
    assert set(bounds["endings"]) == {"retained", "resolved", "churned"}
    assert {"listening", "apology", "choices", "policy"} <= set(bounds["skills"])
    for which in ("best", "worst"):
        reported = bounds[which]
        assert main(["play", path, "--moves", ",".join(reported["moves"]), "--seed", "4", "--no-save", "--json"]) == 0
        card = json.loads(capsys.readouterr().out)
        assert (card["overall"], card["outcome"]) == (reported["overall"], reported["outcome"])


def test_bounds_text_and_warnings_at_the_start_line(tmp_path, capsys):
    # Without the good move the best call is poor; without needs_heard a cave-in ends 'resolved' unheard.
    text = SMALL.replace("        needs_heard: 3\n", "").replace("acts: [apologize, offer_choice]", "acts: [defend]")
    path = write(tmp_path, text)
    assert main(["lint", "--bounds", path]) == 0
    assert main(["lint", "--bounds", "--strict", path]) == 1
    out = capsys.readouterr().out
    start = line_of(text, "start: opening")
    assert f"{path}:{start}:8: warning: the best possible score is " in out and "[best-too-low]" in out
    assert f"{path}:{start}:8: warning: the call can end 'resolved' without the trainee ever listening: refund " \
           "[resolved-without-listening]" in out
    assert f"{path}: bounds, seed 0, proven over " in out
    assert "  by ending: " in out


def test_worst_too_high_and_a_skill_no_path_judges(tmp_path, capsys):
    # One beat per node and only good moves: no call can go badly, and nothing touches policy.
    text = """\
format: hearout/v1
id: too-easy
title: Too easy
skills: [listening, apology, choices, policy]
customer: {name: Ana Diaz, mood: 30}
briefing: {at_fault: false}
start: opening
nodes:
  opening:
    customer: [The paint is peeling.]
    moves:
      - {key: ask, say: What happened?, acts: [empathize, open_question], mood: 10, next: details}
  details:
    customer: [By the front door.]
    moves:
      - key: choice
        say: I'm sorry. We can repaint this week, or take 20% off. Which would you like?
        acts: [apologize, offer_choice]
        next: kept
  kept:
    customer: [This week then.]
    end: retained
"""
    path = write(tmp_path, text)
    assert main(["lint", "--bounds", "--strict", path]) == 1
    out = capsys.readouterr().out
    assert f"{path}:7:8: warning: the worst possible score is " in out and "[worst-too-high]" in out
    assert f"{path}:4:39: warning: skill 'policy' is listed" in out


def test_walk_counts_what_random_calls_reach(tmp_path, capsys):
    text = SMALL + "  never:\n    customer: [Hi.]\n    end: parted\n"
    path = write(tmp_path, text)
    assert main(["lint", "--walk", "200", "--json", path]) == 0
    walk = json.loads(capsys.readouterr().out)[0]["walk"]
    assert walk["runs"] == 200 and sum(walk["outcomes"].values()) == 200
    assert walk["never"]["nodes"] == ["never"] and walk["nodes"]["opening"] == 200
    assert main(["lint", "--walk", "200", path]) == 0
    out = capsys.readouterr().out
    assert "walk, 200 random calls, seed 0" in out and "never reached (1): never" in out
