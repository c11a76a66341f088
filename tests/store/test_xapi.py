"""`hearout export --xapi`: statements an LRS accepts (checked against ralph's xAPI models), on both backends."""
from __future__ import annotations

import json
import uuid

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from simulator.cli import main

BEST = "wait,wait,wait,ask-more,wait,own-it,choice-of-extras,commit,thank-and-visit"
WORST = "rain-delay,hoa-not-us,wait,no-season-refunds,refund-season"
ADL = "http://adlnet.gov/expapi/verbs/"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def exported(capsys, tmp_path, *argv) -> list[dict]:
    target = tmp_path / "statements.json"
    code, _, err = run(capsys, "export", "--xapi", str(target), *argv)
    assert code == 0, err
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture
def team(capsys, use_backend):
    for trainee, moves in (("ana", BEST), ("ben", WORST), ("ana", "wait,wait")):  # the last hangs up: abandoned
        code, _, err = run(capsys, "play", "lawn-missed-mow", "--moves", moves, "--trainee", trainee, "--seed", "2")
        assert code == 0, err


def by_attempt(statements) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for st in statements:
        out.setdefault(st["context"]["registration"], []).append(st)
    return out


def test_every_statement_is_valid_xapi_1_0_3(capsys, tmp_path, team):
    statements = exported(capsys, tmp_path)
    assert statements
    for st in statements:
        BaseXapiStatement.model_validate(st)  # raises on anything an LRS would refuse
        assert st["version"] == "1.0.3"
        assert set(st["actor"]) == {"objectType", "name", "account"} and "mbox" not in json.dumps(st["actor"])
        assert set(st["actor"]["account"]) == {"homePage", "name"}


def test_each_attempt_is_attempted_responded_per_move_completed_then_passed_or_failed(capsys, tmp_path, team):
    attempts = list(by_attempt(exported(capsys, tmp_path)).values())
    assert len(attempts) == 3 and len({str(uuid.UUID(a[0]["context"]["registration"])) for a in attempts}) == 3
    best, worst, abandoned = attempts
    verbs = [st["verb"]["id"].removeprefix(ADL) for st in best]
    assert verbs == ["attempted"] + ["responded"] * len(BEST.split(",")) + ["completed", "passed"]
    assert [st["result"]["response"] for st in best if st["verb"]["id"].endswith("responded")] == BEST.split(",")
    said = [st for st in best if st["verb"]["id"].endswith("responded") and st["result"]["response"] == "ask-more"]
    assert said[0]["result"]["extensions"]  # what the trainee said, beside the move key
    verdict = best[-1]["result"]
    assert verdict["success"] is True and verdict["completion"] is True
    assert verdict["score"]["min"] == 0 and verdict["score"]["max"] == 100
    assert verdict["score"]["scaled"] == verdict["score"]["raw"] / 100 and -1 <= verdict["score"]["scaled"] <= 1
    assert verdict["duration"].startswith("PT") and verdict["duration"].endswith("S")
    [skills] = [v for k, v in verdict["extensions"].items() if k.endswith("/skills")]
    assert skills["listening"] == 100 and all(k.startswith("https://") for k in verdict["extensions"])
    assert worst[-1]["verb"]["id"] == ADL + "failed" and worst[-1]["result"]["success"] is False
    assert [st["verb"]["id"].removeprefix(ADL) for st in abandoned] == ["attempted", "responded", "responded",
                                                                         "failed"]  # never completed
    assert abandoned[-1]["result"]["completion"] is False


def test_filters_and_the_same_ids_on_a_second_export(capsys, tmp_path, team):
    first = exported(capsys, tmp_path)
    assert exported(capsys, tmp_path) == first  # an LRS receiving it twice keeps one copy
    ana = exported(capsys, tmp_path, "--trainee", "ana")
    assert {st["actor"]["name"] for st in ana} == {"ana"} and len(by_attempt(ana)) == 2
    assert exported(capsys, tmp_path, "--since", "2999-01-01") == []
    code, out, _ = run(capsys, "export", "--xapi", "-", "--trainee", "ben")
    assert code == 0 and {st["actor"]["name"] for st in json.loads(out)} == {"ben"}


def test_export_reads_only(capsys, tmp_path, _private_data_dir):
    target = tmp_path / "statements.json"
    code, _, _ = run(capsys, "export", "--xapi", str(target))
    assert code == 0 and json.loads(target.read_text()) == [] and not _private_data_dir.exists()
    _private_data_dir.mkdir()
    (_private_data_dir / "sessions.db").write_bytes(b"")
    code, _, err = run(capsys, "export", "--xapi", str(target))
    assert code == 2 and err.count("\n") == 1 and (_private_data_dir / "sessions.db").read_bytes() == b""
    assert json.loads(target.read_text()) == []  # the earlier file is left as it was


def test_the_model_would_catch_a_bad_statement(capsys, tmp_path, team):
    from pydantic import ValidationError

    verdict = exported(capsys, tmp_path)[-1]
    for broken in ({**verdict, "result": {**verdict["result"], "score": {"scaled": 2}}},
                   {**verdict, "actor": {**verdict["actor"], "mbox": "mailto:a@b.c"}},
                   {**verdict, "context": {**verdict["context"], "registration": "not-a-uuid"}}):
        with pytest.raises(ValidationError):
            BaseXapiStatement.model_validate(broken)
