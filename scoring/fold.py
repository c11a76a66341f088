"""A call judged as it goes: the scorer as a fold over the transcript's events.

`score()` feeds every event of a transcript to a `Fold` and asks for the
scorecard at the end. A search over a scenario (`lint --bounds`) feeds the
events of each move as it plays them, copies the fold where the paths
branch, and compares `key()`s: two calls with equal keys score the same
whatever comes next, so each (scenario state, key) needs exploring once.
The key is what the reader and every judge remember that can still change a
score (points so far, and the facts later turns and the end will read),
never the wording of the evidence.
"""
from __future__ import annotations

from typing import Hashable

from scoring.acts import SKILLS
from scoring.call import Call, Reader, Tally, Turn
from scoring.caps import Watch
from scoring.rubric import Rubric
from scoring.rules import Judge
from scoring.rules.apology import Apology
from scoring.rules.choices import Choices
from scoring.rules.listening import Listening
from scoring.rules.secondary import Channel, Composure, FollowUp, Policy
from scoring.transcript import Event, ScenarioInfo

JUDGES: tuple[type[Judge], ...] = (Listening, Apology, Choices, Policy, Channel, FollowUp, Composure)
assert tuple(j.skill for j in JUDGES) == SKILLS, "one judge per skill, in SPEC §3 order"


class Fold:
    __slots__ = ("info", "rubric", "reader", "turns", "judges", "watch", "memo")

    def __init__(self, info: ScenarioInfo, rubric: Rubric) -> None:
        self.info = info
        self.rubric = rubric
        self.reader = Reader()
        self.turns: tuple[Turn, ...] = ()
        self.judges = tuple(j(info, rubric) for j in JUDGES)
        self.watch = Watch()
        self.memo: dict = {}  # verdicts a search has asked for, shared by every copy (scorecard.judged)

    def copy(self) -> "Fold":
        new = Fold.__new__(Fold)
        new.info, new.rubric, new.turns, new.memo = self.info, self.rubric, self.turns, self.memo
        new.reader = self.reader.copy()
        new.judges = tuple(j.copy() for j in self.judges)
        new.watch = self.watch.copy()
        return new

    def feed(self, event: Event) -> None:
        turn = self.reader.read(event)
        if turn is None:
            return
        self.turns += (turn,)
        for judge in self.judges:
            judge.turn(turn)
        self.watch.turn(turn)

    def key(self) -> Hashable:
        if not self.turns:
            return (self.reader.key(),)  # no move yet: nothing judged
        return (self.reader.key(), self.watch.key(), *(j.key() for j in self.judges))

    def call(self, outcome: str) -> Call:
        return Call.read(self.info, outcome, self.reader, self.turns)

    def tallies(self, call: Call) -> dict[str, Tally | None]:
        """Each skill's tally once the call is over (the fold itself is left as it was)."""
        return {j.skill: j.copy().end(call) for j in self.judges}
