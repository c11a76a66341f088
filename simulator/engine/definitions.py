"""The scenario format (SPEC §1) as data: every object's fields, kinds, ranges and defaults.

The loader reads files by these definitions and `simulator.authoring.schema`
turns the same definitions into the JSON Schema editors use, so the two
cannot drift apart. Kinds:

- ``text``: a non-empty string; ``text?``: a string that may be empty
- ``name``: ``[a-z0-9-]+``; ``ref``: a node id (checked to exist)
- ``int``: a whole number in ``lo..hi``; ``bool``: true or false
- ``choice``: one of ``options``; ``texts``/``choices``/``refs``: lists of those
- ``object``: a nested object named by ``of``; ``custom``: more than one
  shape (beats, branches), read by its own loader method and described in
  `simulator.authoring.schema.CUSTOM`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scoring.acts import ACTS, SKILLS
from scoring.vocabulary import CHANNELS, ENDINGS
from simulator.engine.model import FORMAT

# SPEC §1 v1.1: how the complaint arrives; `email` reads as an email thread, not a ringing call.
SCENARIO_CHANNELS = ("phone", "email", "visit", "chat")
NAME_PATTERN = "^[a-z0-9-]+$"
NAME = re.compile(r"[a-z0-9-]+")
MAX_BEATS = 10**6


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    doc: str
    required: bool = False
    lo: int | None = None
    hi: int | None = None
    options: tuple[str, ...] = ()
    of: str = ""  # the nested object's name, for kind "object" and lists of objects


def _f(name: str, kind: str, doc: str, **kw: Any) -> Field:
    return Field(name, kind, doc, **kw)


OBJECTS: dict[str, tuple[Field, ...]] = {
    "scenario": (
        _f("format", "choice", "The format version.", required=True, options=(FORMAT,)),
        _f("id", "name", "The scenario's id, unique; built-ins are named after it.", required=True),
        _f("title", "text", "Shown in the scenario list and on the call.", required=True),
        _f("summary", "text?", "One line shown in the scenario list."),
        _f("difficulty", "int", "1 (gentle) .. 5 (hard).", lo=1, hi=5),
        _f("skills", "choices", "Score keys this scenario trains (never changes the weights).", options=SKILLS),
        _f("customer", "object", "Who calls.", required=True, of="customer"),
        _f("briefing", "object", "What the trainee may read before the call.", required=True, of="briefing"),
        _f("start", "ref", "The node the call starts in.", required=True),
        _f("nodes", "custom", "Node ids to nodes.", required=True, of="node"),
        _f("cut_in_mood", "int", "Added to a move's mood when it interrupts a node's story (default 0).",
           lo=-100, hi=0),
        _f("channel", "choice", "How the complaint arrives (default phone).", options=SCENARIO_CHANNELS),
    ),
    "customer": (
        _f("name", "text", "The customer's full name.", required=True),
        _f("mood", "int", "0 furious .. 100 delighted, at the start.", required=True, lo=0, hi=100),
        _f("about", "text?", "Who they are, for the briefing."),
    ),
    "briefing": (
        _f("text", "text?", "The situation, as a prepared rep would know it."),
        _f("at_fault", "bool", "Was the business in the wrong?", required=True),
        _f("policy", "text?", "The policy that applies, and its reason."),
        _f("can_offer", "texts", "Remedies the trainee may offer."),
    ),
    "node": (
        _f("customer", "custom", "Beats, said one at a time; a beat may vary with one_of.", required=True),
        _f("story_ends", "int", "Beats that make up the story (default: all).", lo=1, hi=MAX_BEATS),
        _f("silence", "text?", "Said if the trainee waits past the last beat."),
        _f("moves", "custom", "What the trainee can say here (none on an end node).", of="move"),
        _f("end", "choice", "Makes this an end node with this outcome.", options=ENDINGS),
        _f("cut_in_mood", "int", "Overrides the scenario's cut_in_mood in this node.", lo=-100, hi=0),
    ),
    "move": (
        _f("key", "name", "Unique within the node; 'wait' is reserved.", required=True),
        _f("say", "text", "The trainee's line.", required=True),
        _f("acts", "choices", "What the move does, for scoring (at least one).", required=True, options=tuple(sorted(ACTS))),
        _f("mood", "int", "Change to the customer's mood (result clamped to 0..100).", lo=-100, hi=100),
        _f("set", "texts", "Flags this move sets, for later guards."),
        _f("next", "custom", "A node id, or a list of guarded branches.", required=True, of="branch"),
        _f("channel", "choice", "How the move reaches the customer.", options=CHANNELS),
        _f("policy_break", "bool", "The move gives what policy forbids."),
        _f("needs_heard", "int", "Offered only once the customer has said this many beats of the node.",
           lo=1, hi=MAX_BEATS),
        _f("feedback", "text", "The author's coaching note on this reply, shown in the debrief."),
        _f("examples", "texts", "Other ways a trainee might say the same thing (typed replies)."),
    ),
    "branch": (
        _f("when", "object", "All listed conditions must hold; only the last branch has none.", of="guard"),
        _f("to", "ref", "The node this branch leads to.", required=True),
    ),
    "guard": (
        _f("mood_at_least", "int", "Holds when mood >= N.", lo=0, hi=100),
        _f("mood_below", "int", "Holds when mood < N.", lo=0, hi=100),
        _f("flags", "texts", "Holds when all these flags are set."),
        _f("not_flags", "texts", "Holds when none of these flags is set."),
        _f("cut_in", "bool", "Holds when the move being taken did (true) or did not (false) interrupt the story."),
    ),
}


def fields(obj: str) -> dict[str, Field]:
    return _BY_NAME[obj]


def names(obj: str) -> tuple[str, ...]:
    return tuple(f.name for f in OBJECTS[obj])


def required(obj: str) -> tuple[str, ...]:
    return tuple(f.name for f in OBJECTS[obj] if f.required)


_BY_NAME = {obj: {f.name: f for f in fs} for obj, fs in OBJECTS.items()}
