"""Learning paths from the command line: `hearout assign` and `hearout report --track`."""
from __future__ import annotations

import json
import time

from simulator.cli import main

LAWN_BEST = "wait,wait,wait,ask-more,wait,own-it,choice-of-extras,commit,thank-and-visit"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_assign_then_report_shows_each_trainees_progress(capsys):
    code, out, _ = run(capsys, "assign", "onboarding", "--trainee", "kim", "lee", "--by", "sam")
    assert code == 0 and out == "Assigned First week on the phones (6 calls) to kim, lee.\n"
    run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", "3", "--trainee", "kim")
    code, out, _ = run(capsys, "report", "--track", "onboarding", "--format", "json")
    rows = {r["trainee"]: r for r in json.loads(out)}
    assert (rows["kim"]["passed"], rows["kim"]["of"], rows["kim"]["next"]) == (1, 6, "grooming-refund")
    assert (rows["lee"]["passed"], rows["lee"]["next"]) == (0, "lawn-missed-mow")
    code, out, _ = run(capsys, "report", "--track", "onboarding")
    assert code == 0 and out.splitlines()[0].split()[:5] == ["trainee", "assigned", "passed", "of", "next"]
    code, out, _ = run(capsys, "report", "--track", "other")
    assert code == 0 and "Nobody has the track 'other' assigned." in out


def test_a_broken_track_file_is_one_line_per_problem_and_nothing_is_assigned(capsys, tmp_path):
    bad = tmp_path / "week.yaml"
    bad.write_text("format: hearout-track/v1\nid: week\ntitle: Week\nsteps:\n  - scenario: lawn\n    pass: 900\n")
    code, _, err = run(capsys, "assign", str(bad), "--trainee", "kim")
    assert code == 2 and err.splitlines() == [
        f"{bad}:5:15: error: steps[1].scenario: no built-in scenario 'lawn'",
        f"{bad}:6:11: error: steps[1].pass must be between 0 and 100, got 900",
    ]
    code, _, err = run(capsys, "assign", "nope", "--trainee", "kim")
    assert code == 2 and err.startswith("hearout assign: error: no built-in track 'nope'")
    code, out, _ = run(capsys, "report", "--track", "week")
    assert "Nobody has the track" in out


def test_assigning_again_starts_the_track_over(capsys):
    run(capsys, "assign", "onboarding", "--trainee", "kim")
    run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", "3", "--trainee", "kim")
    time.sleep(1.1)  # times are kept to the second: the new assignment comes after the call
    run(capsys, "assign", "onboarding", "--trainee", "kim")
    _, out, _ = run(capsys, "report", "--track", "onboarding", "--format", "json")
    [row] = json.loads(out)
    assert row["passed"] == 0  # the call before the new assignment does not count


def saved_id(capsys) -> int:
    _, out, _ = run(capsys, "report", "--format", "json")
    return json.loads(out)[-1]["id"]


def test_a_coach_comments_on_a_turn_and_overrides_a_skill_and_the_report_shows_both(capsys):
    run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", "3", "--trainee", "kim")
    sid = saved_id(capsys)
    code, out, _ = run(capsys, "review", str(sid), "--turn", "2", "--comment", "Good ownership here.", "--coach", "sam")
    assert code == 0 and out == f"Saved: comment on turn 2 for session {sid}.\n"
    code, out, _ = run(capsys, "review", str(sid), "--skill", "apology", "--score", "80", "--reason",
                       "The apology was scripted.", "--coach", "sam")
    assert code == 0 and out == f"Saved: apology set to 80 for session {sid}.\n"
    _, out, _ = run(capsys, "report", "--format", "json")
    [row] = json.loads(out)
    assert row["apology_coach"] == 80 and row["apology"] == 100  # computed kept beside the override
    assert row["coach"] == "apology 80; 1 note"
    _, out, _ = run(capsys, "report")
    assert "apology-coach" in out.splitlines()[0] and "apology 80; 1 note" in out


def test_a_review_of_nothing_is_refused_in_one_line(capsys):
    run(capsys, "play", "lawn-missed-mow", "--moves", LAWN_BEST, "--seed", "3", "--trainee", "kim")
    sid = str(saved_id(capsys))
    for argv, expected in [
        (["review", "999", "--comment", "x"], "no saved session 999"),
        (["review", sid, "--turn", "9", "--comment", "x"], f"session {sid} has turns 1 to 5, not 9"),
        (["review", sid, "--skill", "charm", "--score", "5", "--reason", "x"], "--skill must be one of"),
        (["review", sid, "--skill", "apology", "--score", "500", "--reason", "x"], "--score must be"),
        (["review", sid, "--skill", "apology", "--score", "50"], "must be plain text"),
        (["review", sid], "give --comment TEXT, or --skill"),
        (["review", sid, "--comment", "\x1b[2Jgone"], "must be plain text"),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == 2 and err.count("\n") == 1 and expected in err, (argv, err)
    _, out, _ = run(capsys, "report", "--format", "json")
    assert "coach" not in json.loads(out)[0]  # nothing was saved
