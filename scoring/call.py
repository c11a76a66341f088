"""A transcript seen the way the rules read it: numbered turns, and a tally per skill."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache

from scoring.transcript import CustomerEvent, ScenarioInfo, Transcript, TraineeEvent
from scoring.vocabulary import clamp

QUESTIONS = frozenset({"open_question", "clarifying_question"})
REFLECTIONS = ("paraphrase", "empathize")  # MITI 4 counts these as reflections
# A reply of substance: it explains, argues, refuses, gives or promises something.
SUBSTANTIVE = frozenset(
    {"explain_policy", "defend", "dismiss", "refuse", "offer_choice", "offer_concession", "cave", "concrete_commitment"}
)
REMEDIES = frozenset({"offer_choice", "offer_concession", "concrete_commitment"})
# Acts that do not take the floor from the customer (acts table: listen).
BACKCHANNEL = frozenset({"listen"})
# A move that only asks to clarify (with at most a "mm-hm") keeps the floor with the customer.
CLARIFYING = frozenset({"clarifying_question", "listen"})
_SORRY = re.compile(r"\bsorry\b|\bapologi[sz]", re.IGNORECASE)


def round_half_up(x: Fraction) -> int:
    """Round to the nearest integer, halves up (2.5 -> 3, not Python's 2)."""
    return math.floor(x + Fraction(1, 2))


@lru_cache(maxsize=1024)  # a rubric charges few distinct amounts; scoring many paths asks for them often
def show_points(points: Fraction) -> str:
    whole = round_half_up(points)
    if points == whole:
        return str(whole)
    return f"{round_half_up(points * 10) / 10:g}"


@dataclass(frozen=True)
class Turn:
    """One trainee move that is not a wait; `number` counts from 1."""

    number: int
    event: TraineeEvent
    # The customer's opening story had been told by this turn: heard out in
    # the first node, or in the node that answered a question of the trainee's
    # (a question invites the story, so hearing the answer out counts).
    opening_told: bool = True
    # Spoke while the opening story was still being told (in the first node,
    # or in the answer to an inviting question, before either was heard out).
    in_story: bool = False
    # Silence lines the customer said since the trainee's previous move:
    # the trainee kept waiting after the customer had finished.
    silences: int = 0
    # Where the turn sits in the transcript's events.
    index: int = 0

    def has(self, *acts: str) -> bool:
        return not self.acts.isdisjoint(acts)

    @cached_property  # asked for by every rule; a frozen dataclass still allows it
    def acts(self) -> frozenset[str]:
        return frozenset(self.event.acts)

    @property
    def story_told(self) -> bool:
        """The customer had finished the story when the trainee spoke."""
        return self.event.heard >= self.event.of and self.opening_told

    def too_soon(self, name: str) -> str:
        """Why the story was not told yet, for an evidence line."""
        if self.event.heard < self.event.of:
            return f"after {self.beats}, before {name} had finished the story"
        return f"before {name} had ever told the whole story (it was cut short earlier)"

    @property
    def cut_in(self) -> bool:
        """Took the floor before the story was told (a bare "go on" does not)."""
        e = self.event
        return e.interrupted and e.heard < e.of and not self.acts <= BACKCHANNEL

    @property
    def clarifies_only(self) -> bool:
        """A pure clarifying question (seed 002: speak only to clarify)."""
        return "clarifying_question" in self.acts and self.acts <= CLARIFYING

    @property
    def share_heard(self) -> Fraction:
        """How much of the current story the customer had told (1 when it has no beats)."""
        e = self.event
        return Fraction(min(e.heard, e.of), e.of) if e.of else Fraction(1)

    @property
    def beats(self) -> str:
        # A node may say more beats than its story (story_ends < beats): past the story is "all of it".
        heard = min(self.event.heard, self.event.of)
        return f"{heard} of {self.event.of} beat{'s' if self.event.of != 1 else ''}"

    @property
    def substantive(self) -> bool:
        return bool(self.acts & SUBSTANTIVE)

    @property
    def breaks_policy(self) -> bool:
        return self.event.policy_break or self.has("cave")

    @cached_property
    def sorries(self) -> int:
        """Apologies in this reply: each "sorry" counts (seed 003: don't grovel), at least one."""
        if "apologize" not in self.acts:
            return 0
        return max(1, len(_SORRY.findall(self.event.text)))


def copy_slots(obj):
    """A shallow copy of an object kept in `__slots__` (a search copies its readers at every branch)."""
    new = object.__new__(type(obj))
    for name in type(obj).__slots__:
        setattr(new, name, getattr(obj, name))
    return new


class Reader:
    """Reads a transcript's events one at a time, as the call goes, and numbers the turns.

    Where the opening story is told: the first node, and the node that
    answers a question asked before the story was finished. `key()` is what
    the reader remembers that can change how a later turn is read.
    """

    __slots__ = ("story_nodes", "told", "invited", "waits", "silences", "turns", "index")

    def __init__(self) -> None:
        self.story_nodes: frozenset[str] | None = None  # None until the first event
        self.told = self.invited = False
        self.waits = self.silences = 0
        self.turns = 0
        self.index = 0

    def copy(self) -> "Reader":
        return copy_slots(self)

    def key(self) -> tuple:
        # Once the story is told, where it was told no longer matters.
        return (None if self.told else self.story_nodes, self.told, self.invited, self.silences)

    def read(self, e: CustomerEvent | TraineeEvent) -> Turn | None:
        """The turn this event is, if it is one (a trainee move that is not a wait)."""
        i = self.index
        self.index += 1
        if self.story_nodes is None:
            self.story_nodes = frozenset((e.node,))
        if isinstance(e, CustomerEvent):
            self.silences += e.silence
            return None
        if self.invited:
            self.story_nodes = self.story_nodes | {e.node}
            self.invited = False
        in_story = not self.told and e.node in self.story_nodes
        self.told = self.told or (in_story and e.heard >= e.of)
        if e.is_wait:
            self.waits += 1
            return None
        self.turns += 1
        turn = Turn(self.turns, e, self.told, in_story, self.silences, i)
        self.silences = 0
        self.invited = not self.told and bool(QUESTIONS & set(e.acts))
        return turn


@dataclass(frozen=True)
class Call:
    info: ScenarioInfo
    outcome: str
    turns: tuple[Turn, ...]
    waits: int
    # The customer got to the end of the opening story at some point.
    story_finished: bool = False
    # Silence lines after the trainee's last move (the call was left hanging).
    trailing_silences: int = 0

    @classmethod
    def of(cls, transcript: Transcript) -> "Call":
        reader = Reader()
        turns = tuple(t for t in map(reader.read, transcript.events) if t is not None)
        return cls.read(transcript.scenario, transcript.outcome, reader, turns)

    @classmethod
    def read(cls, info: ScenarioInfo, outcome: str, reader: Reader, turns: tuple[Turn, ...]) -> "Call":
        return cls(info, outcome, turns, reader.waits, reader.told, reader.silences)

    @property
    def name(self) -> str:
        return self.info.customer_first_name

    @property
    def at_fault(self) -> bool:
        return self.info.at_fault

    def with_acts(self, *acts: str) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.has(*acts))

    def first(self, *acts: str) -> Turn | None:
        return next((t for t in self.turns if t.has(*acts)), None)

    def count(self, act: str) -> int:
        return sum(1 for t in self.turns if act in t.acts)


@dataclass(frozen=True)
class Note:
    """One judgment: at a turn (None: the whole call), in a skill; points < 0 cost, >= 0 is a strength."""

    skill: str
    turn: int | None
    points: Fraction
    text: str  # a sentence, without the "Turn N: " the evidence line adds
    due: bool = False  # a whole-call charge, shown at the turn where the thing was due


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class Tally:
    """Points lost and won for one skill; every point lost carries its evidence line and turn.

    A call is judged as it goes, so a charge may be written down after later
    turns (a vague offer is only vague once the next turn names no date):
    lines about a turn are shown in turn order, whole-call lines (`late`)
    after them, in the order they were written.
    """

    __slots__ = ("skill", "lost", "won", "_lines")

    # A line: (sort key, kind, turn number, text, points, due); kind "cost", "strength" or "note".
    # Kept as raw parts and worded only when read: a search charges far more lines than anyone reads.

    def __init__(self, skill: str) -> None:
        self.skill = skill
        self.lost = Fraction(0)
        self.won = Fraction(0)
        self._lines: list[tuple] = []

    def copy(self) -> "Tally":
        new = Tally.__new__(Tally)
        new.skill, new.lost, new.won, new._lines = self.skill, self.lost, self.won, list(self._lines)
        return new

    def key(self) -> tuple[int, int, int, int]:
        """What this skill's score can still depend on: the points so far, not their wording."""
        lost, won = self.lost, self.won
        return lost.numerator, lost.denominator, won.numerator, won.denominator

    def _order(self, number: int | None, late: bool) -> tuple[int, int]:
        if late or number is None:
            return (1, len(self._lines))
        return (0, number)

    def lose(self, points: Fraction, turn: "Turn | int | None", text: str, *, due: bool = False,
             late: bool = False) -> None:
        if points <= 0:
            return  # a rule a coach switched off
        self.lost += points
        number = _number(turn)
        self._lines.append((self._order(number, late), "cost", number, text, points, due))

    def win(self, points: Fraction, turn: "Turn | int | None", text: str, *, late: bool = False) -> None:
        self.won += max(points, Fraction(0))
        self.strength(turn, text, max(points, Fraction(0)), late=late)

    def strength(self, turn: "Turn | int | None", text: str, points: Fraction = Fraction(0), *,
                 late: bool = False) -> None:
        number = _number(turn)
        self._lines.append((self._order(number, late), "strength", number, text, points, False))

    def note(self, line: str) -> None:
        """An explanation that costs nothing in this skill (a band or cap on the overall score)."""
        self._lines.append(((2, len(self._lines)), "note", None, line, Fraction(0), False))

    def _sorted(self):
        return sorted(self._lines, key=lambda line: line[0])

    @property
    def notes(self) -> list[Note]:
        return [Note(self.skill, n, -p if kind == "cost" else p, _sentence(text), due)
                for _, kind, n, text, p, due in self._sorted() if kind != "note"]

    @property
    def evidence(self) -> list[str]:
        return [f"{_where(n, text)} (-{show_points(p)})" if kind == "cost" else text
                for _, kind, n, text, p, _due in self._sorted() if kind != "strength"]

    @property
    def strengths(self) -> list[str]:
        return [_where(n, text) + "." for _, kind, n, text, _p, _due in self._sorted() if kind == "strength"]

    @property
    def raw(self) -> Fraction:
        """The skill's points before they are shown within 0..100; the overall counts every one."""
        return 100 - self.lost + self.won

    @property
    def score(self) -> int:
        return clamp(round_half_up(self.raw))


def _number(turn: "Turn | int | None") -> int | None:
    return turn.number if isinstance(turn, Turn) else turn


def _where(number: int | None, text: str) -> str:
    return f"Turn {number}: {text}" if number is not None else _sentence(text)
