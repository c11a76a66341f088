"""Every built-in is proven by `hearout lint --strict --bounds`, and its best and worst calls replay.

`lint --bounds --json` searches every call through the scenario (SPEC §4);
the best call it reports must score at least 90 and the worst at most 30
(issue 15), and replaying either move list with `hearout play` gives exactly
the reported score and ending.
"""
from __future__ import annotations

import json

import pytest

from simulator.cli import main
from simulator.engine.builtin import builtin_files

IDS = builtin_files()


_RESULTS: dict[str, tuple[int, dict]] = {}


def lint(sid: str, capsys) -> tuple[int, dict]:
    """`hearout lint --strict --bounds --json ID`, once per scenario for the whole run."""
    if sid not in _RESULTS:
        code = main(["lint", "--strict", "--bounds", "--json", sid])
        _RESULTS[sid] = (code, json.loads(capsys.readouterr().out)[0])
    return _RESULTS[sid]


@pytest.mark.parametrize("sid", IDS)
def test_lints_clean_with_strict_bounds(sid, capsys):
    code, report = lint(sid, capsys)
    found = [f"{f['line']}:{f['col']} {f['message']} [{f['code']}]" for f in report["findings"]]
    assert code == 0 and not found, "\n".join(found)
    bounds = report["bounds"]
    assert bounds["proven"] is True
    assert bounds["best"]["overall"] >= 90 and bounds["worst"]["overall"] <= 30


@pytest.mark.parametrize("sid", IDS)
@pytest.mark.parametrize("which", ["best", "worst"])
def test_the_best_and_worst_calls_replay_to_their_scores(sid, which, capsys):
    _, report = lint(sid, capsys)
    reported = report["bounds"][which]
    assert main(["play", sid, "--moves", ",".join(reported["moves"]), "--seed", "0", "--no-save", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["overall"], card["outcome"]) == (reported["overall"], reported["outcome"])
