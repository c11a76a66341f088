"""SPEC v1.1 move fields: `needs_heard` (offered once enough is heard), `feedback`, `examples`."""
from __future__ import annotations

import pytest

from simulator.engine import play_moves
from simulator.engine.loader import check_scenario_text, load_scenario_text
from simulator.engine.session import Session, UnknownMove

TEXT = """\
format: hearout/v1
id: heard
title: Hear it first
customer: {name: Ana Diaz, mood: 40}
briefing: {at_fault: false}
start: opening
nodes:
  opening:
    customer: [It broke., On Saturday., Right before the party.]
    moves:
      - key: about-saturday
        say: Saturday, right before the party. I'm sorry.
        acts: [paraphrase, apologize]
        needs_heard: 3
        feedback: Quoting her own words shows you heard the whole story.
        examples: ["So it broke on Saturday, just before your party?", "Saturday, of all days."]
        next: done
      - key: sorry
        say: I'm sorry.
        acts: [apologize]
        next: done
  done:
    customer: [Thanks.]
    end: retained
"""


def test_the_fields_are_read():
    move = load_scenario_text(TEXT).node("opening").move("about-saturday")
    assert move.needs_heard == 3
    assert move.feedback == "Quoting her own words shows you heard the whole story."
    assert move.examples == ("So it broke on Saturday, just before your party?", "Saturday, of all days.")
    assert load_scenario_text(TEXT).node("opening").move("sorry").needs_heard == 0


def test_a_move_is_offered_once_the_beats_are_heard():
    session = Session(load_scenario_text(TEXT), seed=1, trainee="t")
    assert [m.key for m in session.moves()] == ["sorry"]
    session.wait()
    assert session.valid_keys() == ["wait", "sorry"]
    session.wait()
    assert [m.key for m in session.moves()] == ["about-saturday", "sorry"]
    session.choose("about-saturday")
    assert session.outcome == "retained"


def test_play_refuses_it_earlier_like_an_unknown_move():
    with pytest.raises(UnknownMove, match="valid here: wait, sorry"):
        play_moves(load_scenario_text(TEXT), ["wait", "about-saturday"])
    assert play_moves(load_scenario_text(TEXT), ["wait", "wait", "about-saturday"]).outcome == "retained"


@pytest.mark.parametrize("field, value, message", [
    ("needs_heard", "0", "needs_heard must be between 1 and 1000000, got 0"),
    ("needs_heard", "4", "move 'about-saturday' needs 4 beat(s) heard but the node has only 3"),
    ("needs_heard", "two", "needs_heard must be a whole number"),
    ("feedback", "''", "feedback must not be empty"),
    ("examples", "nope", "examples must be a list"),
])
def test_bad_values_are_refused_at_their_line(field, value, message):
    old = {"needs_heard": "needs_heard: 3", "feedback": "feedback: Quoting", "examples": "examples: ["}[field]
    line = next(i for i, t in enumerate(TEXT.splitlines(), 1) if old in t)
    start = TEXT.index(old)
    end = TEXT.index("\n", start)
    text = TEXT[:start] + f"{field}: {value}" + TEXT[end:]
    scenario, problems = check_scenario_text(text, "s.yaml")
    assert scenario is None
    assert [(p.line, message in p.message) for p in problems] == [(line, True)], problems

