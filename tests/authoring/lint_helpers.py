"""Small scenarios for the authoring tests: one that lints clean, and ways to break it."""
from __future__ import annotations

from simulator.authoring.checks import lint_reading
from simulator.engine.loader import read_scenario_text

CLEAN = """\
format: hearout/v1
id: tiny
title: A tiny call
skills: [listening, apology, choices]
customer: {name: Ana Diaz, mood: 30}
briefing: {at_fault: true, can_offer: [a redo, a refund of the fee]}
start: opening
nodes:
  opening:
    customer:
      - The cleaner never came.
      - I stayed home all Saturday morning for nothing.
    moves:
      - key: ask
        say: I'm sorry. What happened?
        acts: [apologize, open_question]
        mood: 10
        next: choose
      - key: blame
        say: Our cleaners are very reliable.
        acts: [defend]
        mood: -20
        set: [blamed]
        next:
          - when: {flags: [blamed], mood_below: 20}
            to: lost
          - to: choose
  choose:
    customer:
      - So what will you do?
    moves:
      - key: choice
        say: We can come tomorrow, or refund the fee. Which suits you?
        acts: [offer_choice]
        mood: 20
        next: kept
  kept:
    customer: [Tomorrow then.]
    end: retained
  lost:
    customer: [Forget it.]
    end: churned
"""


def lint(text: str, path: str = "s.yaml"):
    return lint_reading(read_scenario_text(text, path), path)


def found(text: str) -> list[tuple[int, str, str]]:
    """(line, severity, code) of every finding."""
    return [(f.line, f.severity, f.code) for f in lint(text).findings]


def replaced(old: str, new: str, text: str = CLEAN) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """The 1-based line of the nth line holding `snippet`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if snippet in line]
    return hits[nth - 1]
