"""Scenario files nobody on the team wrote: unusual but valid ones load and play, odd text is refused with its place."""
from __future__ import annotations

import codecs

import pytest

from simulator.engine.loader import check_scenario_text, load_scenario_text
from simulator.engine.script import play_moves

BASE = """\
format: hearout/v1
id: odd
title: "Odd — 😀 שלום"
customer: {name: Dana, mood: 0}
briefing: {at_fault: false}
start: a
nodes:
  a:
    customer: [No, 2024-01-01, 1.0, ~, null, "tab\\there"]
    story_ends: 2
    moves:
      - {key: again, say: Again, acts: [listen], next: a, mood: -100}
      - {key: up, say: Up, acts: [empathize], next: b, mood: +100}
  b:
    customer: [Bye]
    end: resolved
"""


def errors(text: str) -> list[str]:
    return [str(p) for p in check_scenario_text(text, "s.yaml")[1] if p.severity == "error"]


@pytest.mark.parametrize("escape, code", [("\\e[31m", "001B"), ("\\x07", "0007"), ("\\0", "0000"),
                                          ("\\x85", "0085"), ("\\x9b", "009B"), ("\\x7f", "007F")])
def test_a_quoted_escape_for_a_control_character_is_refused_where_it_is(escape, code):
    text = BASE.replace('title: "Odd', f'title: "Odd {escape}')
    assert errors(text) == [f"s.yaml:3:8: error: title contains the control character U+{code}; text cannot hold it"]


def test_control_characters_are_refused_in_every_text_field():
    text = BASE.replace("name: Dana", 'name: "Da\\ena"').replace('"tab\\there"', '"b\\x1b"')
    assert [e.split(": error: ")[1].split(" contains")[0] for e in errors(text)] == [
        "customer.name", "nodes.a.customer[5]"]


def test_a_key_that_is_not_a_name_at_the_top_says_the_file():
    assert errors(BASE + "? [x]\n: 1\n") == ["s.yaml:17:3: error: a key in the file must be a name, got a list"]


def test_crlf_bom_tabs_and_yaml_1_1_lookalikes_stay_text():
    raw = codecs.BOM_UTF8 + BASE.replace("\n", "\r\n").encode("utf-8")
    s = load_scenario_text(raw, "odd.yaml")
    assert [b.variants[0] for b in s.nodes["a"].beats] == ["No", "2024-01-01", "1.0", "~", "null", "tab\there"]
    assert s.title == "Odd — 😀 שלום" and s.summary == "" and s.skills == () and s.briefing.can_offer == ()


def test_story_shorter_than_the_beats_reflexive_moves_and_mood_bounds_play():
    s = load_scenario_text(BASE, "odd.yaml")
    t = play_moves(s, ["wait", "wait", "again", "up"], seed=3)
    said = [e for e in t.events if getattr(e, "who", "") == "trainee" and e.move != "wait"]
    assert [(e.move, e.heard, e.of, e.interrupted, e.mood_after) for e in said] == [
        ("again", 3, 2, False, 0), ("up", 1, 2, True, 100)]
    assert t.outcome == "resolved" and t.final_mood == 100


def test_a_start_node_that_is_an_end_node_ends_the_call_at_once():
    s = load_scenario_text(BASE.replace("start: a", "start: b"), "odd.yaml")
    t = play_moves(s, [], seed=1)
    assert t.outcome == "resolved" and [e.text for e in t.events] == ["Bye"]
