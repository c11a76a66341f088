"""The rubric file: named, typed rules; a coach's partial rubric; bad data refused in one line."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from scoring import Rubric, RubricError, default_rubric
from scoring.acts import SKILLS
from scoring.rubric import KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"


def test_default_rubric_is_shipped_cached_and_every_rule_is_named_typed_and_grounded():
    rubric = default_rubric()
    assert rubric is default_rubric()
    assert tuple(rubric.weights) == SKILLS
    assert math.isclose(sum(rubric.weights.values()), 1.0)
    assert {r.skill for r in rubric.rules.values()} == set(SKILLS)
    for rule in rubric.rules.values():
        assert rule.kind in KINDS and rule.charges and rule.ground, rule.name


def test_every_rule_is_documented_with_its_ground():
    doc = DOC.read_text(encoding="utf-8")
    for name in default_rubric().rules:
        assert f"`{name}`" in doc, name


def test_round_trip_and_partial_rubric_keeps_the_rest():
    rubric = default_rubric()
    assert Rubric.from_dict(rubric.to_dict()) == rubric
    partial = Rubric.from_dict({"weights": {"channel": 0.5}})
    assert partial.weights["channel"] == 0.5
    assert partial.weights["listening"] == rubric.weights["listening"]
    assert partial.rules == rubric.rules


def test_a_coachs_yaml_file_parses():
    text = """
    weights: {listening: 0.4, apology: 0.3}
    rules:
      more_apologies: 20
      interruption: {points: 60}
      policy_break_band: {band: [10, 30]}
    """
    rubric = Rubric.from_dict(yaml.safe_load(text))
    assert rubric.points("more_apologies") == 20 and rubric.points("interruption") == 60
    assert rubric.band("policy_break_band") == (10, 30)
    assert Rubric.from_dict(yaml.safe_load("weights:\nrules:\n")) == default_rubric()


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (None, "$"),
        ([1, 2], "$"),
        ({"weigths": {}}, "weigths"),
        ({"format": "other/v9"}, "format"),
        ({"weights": {"empathy": 0.2}}, "weights.empathy"),
        ({"weights": {"listening": "lots"}}, "weights.listening"),
        ({"weights": {"listening": True}}, "weights.listening"),
        ({"weights": {"listening": -0.1}}, "weights.listening"),
        ({"weights": {"listening": float("nan")}}, "weights.listening"),
        ({"weights": {s: 0 for s in SKILLS}}, "weights"),
        ({"weights": [0.3]}, "weights"),
        ({"rules": {"groveling": 5}}, "rules.groveling"),
        ({"rules": {"missing": -5}}, "rules.missing"),
        ({"rules": {"missing": {"points": 5000}}}, "rules.missing.points"),
        ({"rules": {"missing": {"band": [1, 2]}}}, "rules.missing.band"),
        ({"rules": {"missing": {"skill": "choices"}}}, "rules.missing.skill"),
        ({"rules": {"clarifying_factor": 2}}, "rules.clarifying_factor"),
        ({"rules": {"abandoned_band": "fifty"}}, "rules.abandoned_band"),
        ({"rules": {"abandoned_band": [40, 20]}}, "rules.abandoned_band"),
        ({"rules": {"abandoned_band": {"band": [0, 300]}}}, "rules.abandoned_band.band[1]"),
        ({"rules": [1]}, "rules"),
    ],
)
def test_bad_rubric_is_refused_with_where(data, where):
    with pytest.raises(RubricError) as err:
        Rubric.from_dict(data)
    assert err.value.where == where
    assert str(err.value).startswith(f"{where}: ")
    assert "\n" not in str(err.value)
