"""The scenario as typed, frozen domain objects (SPEC §1).

The loader builds these from YAML after validating every field; nothing else
constructs them from untrusted input. They carry no behaviour beyond small,
obvious queries, so the engine, the UI and the linter can all share them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from scoring.vocabulary import first_name

FORMAT = "hearout/v1"


@dataclass(frozen=True, slots=True)
class Beat:
    """One thing the customer says; several variants when the file used `one_of`."""

    variants: tuple[str, ...]

    @property
    def varies(self) -> bool:
        return len(self.variants) > 1


@dataclass(frozen=True, slots=True)
class Guard:
    """A branch condition: every listed condition must hold."""

    mood_at_least: int | None = None
    mood_below: int | None = None
    flags: frozenset[str] = frozenset()
    not_flags: frozenset[str] = frozenset()
    cut_in: bool | None = None  # the move being taken did (True) or did not (False) interrupt the story

    def holds(self, mood: int, flags: frozenset[str] | set[str], cut_in: bool = False) -> bool:
        if self.cut_in is not None and cut_in != self.cut_in:
            return False
        if self.mood_at_least is not None and mood < self.mood_at_least:
            return False
        if self.mood_below is not None and mood >= self.mood_below:
            return False
        if not self.flags <= flags:
            return False
        return not (self.not_flags & flags)


@dataclass(frozen=True, slots=True)
class Branch:
    """Where a move leads: `to` when `when` holds (no guard: always)."""

    to: str
    when: Guard | None = None


@dataclass(frozen=True, slots=True)
class Move:
    key: str
    say: str
    acts: tuple[str, ...]
    branches: tuple[Branch, ...]
    mood: int = 0
    sets: tuple[str, ...] = ()
    channel: str | None = None
    policy_break: bool = False
    needs_heard: int = 0  # v1.1: offered once the customer has said this many beats of the node
    feedback: str = ""  # v1.1: the author's coaching note, for the debrief
    examples: tuple[str, ...] = ()  # v1.1: other ways to say it, for typed replies


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    beats: tuple[Beat, ...]
    story_ends: int
    moves: tuple[Move, ...] = ()
    silence: str | None = None
    end: str | None = None  # an outcome from ENDINGS on a terminal node
    cut_in_mood: int | None = None  # overrides the scenario's; None: the scenario's applies

    @property
    def is_end(self) -> bool:
        return self.end is not None

    def move(self, key: str) -> Move | None:
        for m in self.moves:
            if m.key == key:
                return m
        return None


@dataclass(frozen=True, slots=True)
class Customer:
    name: str
    mood: int
    about: str = ""

    @property
    def first_name(self) -> str:
        return first_name(self.name)


@dataclass(frozen=True, slots=True)
class Briefing:
    at_fault: bool
    text: str = ""
    policy: str = ""
    can_offer: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScenarioCard:
    """A scenario's header: what a list shows (home, `hearout list`, the catalog cache).

    The one shape of it: a full `Scenario` carries its card, and the catalog keeps
    cards so the home screen never parses YAML to draw its list.
    """

    id: str
    title: str
    summary: str = ""
    difficulty: int = 1
    skills: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """`hearout list --json`'s shape (SPEC §4)."""
        return {"id": self.id, "title": self.title, "summary": self.summary,
                "difficulty": self.difficulty, "skills": list(self.skills)}


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    customer: Customer
    briefing: Briefing
    start: str
    nodes: Mapping[str, Node] = field(default_factory=lambda: MappingProxyType({}))
    summary: str = ""
    difficulty: int = 1
    skills: tuple[str, ...] = ()
    cut_in_mood: int = 0  # -100..0, added to a move's mood when it interrupts a node's story
    channel: str = "phone"  # how the complaint arrives (SPEC §1 v1.1): phone, email, visit, chat
    source: str = ""  # where it was loaded from, for messages; not part of the format

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def cut_in_cost(self, node: Node) -> int:
        """How the customer's mood takes being interrupted in this node (SPEC §1 v1.1 `cut_in_mood`)."""
        return self.cut_in_mood if node.cut_in_mood is None else node.cut_in_mood

    @property
    def card(self) -> ScenarioCard:
        return ScenarioCard(self.id, self.title, self.summary, self.difficulty, tuple(self.skills))
