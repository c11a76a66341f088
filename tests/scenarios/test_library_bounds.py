"""Every built-in lints clean with `--strict --bounds`, and its best and worst calls replay.

`lint --bounds` searches every call through the scenario (SPEC §4); the best
call it reports must score at least 90 and the worst at most 30 (issue 15),
every listed skill must be judged on some call, and replaying either move
list with `hearout play` gives exactly the reported score and ending. The
search runs once per scenario for the whole test run (`library_bounds`);
the findings come from the same code `hearout lint` runs.
"""
from __future__ import annotations

import json

import pytest

from simulator.authoring.bounds import add_bounds
from simulator.authoring.checks import lint_reading
from simulator.cli import main
from simulator.cli.common import read_scenario_bytes
from simulator.engine.builtin import builtin_files
from simulator.engine.loader import read_scenario_text

IDS = builtin_files()


@pytest.mark.parametrize("sid", IDS)
def test_lints_clean_with_strict_bounds(sid, library_bounds):
    bounds = library_bounds(sid)
    data, source = read_scenario_bytes(sid, "test")
    reading = read_scenario_text(data, source)
    report = lint_reading(reading, source)
    add_bounds(report, reading, found=(bounds.tree.graph, bounds))
    assert not report.fails(strict=True), "\n".join(report.lines())
    assert bounds.proven and bounds.calls > 1000
    assert bounds.overall.best.score >= 90 and bounds.overall.worst.score <= 30, "\n".join(report.notes)
    assert set(reading.scenario.skills) <= set(bounds.skills)


@pytest.mark.parametrize("sid", IDS)
@pytest.mark.parametrize("which", ["best", "worst"])
def test_the_best_and_worst_calls_replay_to_their_scores(sid, which, library_bounds, capsys):
    reported = getattr(library_bounds(sid).overall, which)
    assert main(["play", sid, "--moves", ",".join(reported.moves), "--seed", "0", "--no-save", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert (card["overall"], card["outcome"]) == (reported.score, reported.outcome)


def test_the_cli_reports_a_built_ins_bounds_as_proven(capsys):
    assert main(["lint", "--strict", "--bounds", "--json", "bike-shop-bad-day"]) == 0
    bounds = json.loads(capsys.readouterr().out)[0]["bounds"]
    assert bounds["proven"] is True and bounds["best"]["overall"] >= 90 and bounds["worst"]["overall"] <= 30
