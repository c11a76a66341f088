"""The rubric file: the shipped default, a coach's partial rubric, bad data."""
from __future__ import annotations

import math

import pytest
import yaml

from scoring import Rubric, RubricError, default_rubric
from scoring.acts import SKILLS


def test_default_rubric_is_shipped_cached_and_complete():
    rubric = default_rubric()
    assert rubric is default_rubric()
    assert tuple(rubric.weights) == SKILLS
    assert math.isclose(sum(rubric.weights.values()), 1.0)
    assert set(rubric.rules) == set(SKILLS)
    assert {"policy_break", "no_listening", "abandoned", "abandoned_penalty", "story_not_heard",
            "story_not_heard_share", "churned"} <= set(rubric.caps)


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
      apology: {too_many: 20, max_apologies: 1}
    caps: {policy_break: 30}
    """
    rubric = Rubric.from_dict(yaml.safe_load(text))
    assert rubric.caps["policy_break"] == 30
    assert rubric.rules["apology"]["max_apologies"] == 1
    assert Rubric.from_dict(yaml.safe_load("weights:\nrules:\ncaps:\n")) == default_rubric()


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
        ({"rules": {"empathy": {}}}, "rules.empathy"),
        ({"rules": {"apology": {"groveling": 5}}}, "rules.apology.groveling"),
        ({"rules": {"apology": {"missing": -5}}}, "rules.apology.missing"),
        ({"rules": {"apology": {"missing": 500}}}, "rules.apology.missing"),
        ({"rules": {"apology": {"max_apologies": 1.5}}}, "rules.apology.max_apologies"),
        ({"rules": {"listening": {"clarifying_factor": 2}}}, "rules.listening.clarifying_factor"),
        ({"caps": {"abandoned": "fifty"}}, "caps.abandoned"),
        ({"caps": {"ceiling": 10}}, "caps.ceiling"),
        ({"caps": {"story_not_heard_share": 1.5}}, "caps.story_not_heard_share"),
    ],
)
def test_bad_rubric_is_refused_with_where(data, where):
    with pytest.raises(RubricError) as err:
        Rubric.from_dict(data)
    assert err.value.where == where
    assert str(err.value).startswith(f"{where}: ")
