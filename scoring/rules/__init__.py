"""One module per skill, each a `Judge` that reads the call as it goes.

`turn(t)` is told each turn in order and charges what that turn did;
`end(call)` judges what only the whole call shows and returns the Tally, or
None when the call gave nothing to judge that skill on. `key()` is what the
judge remembers that can still change its score: its points so far and the
facts a later turn or the end will read, never the wording. Two calls with
the same keys score the same whatever comes next, which is what lets
`lint --bounds` prove a scenario's best and worst score without playing
every path. A call with no trainee move never reaches the judges (it scores
0), so `end` may count on at least one turn.
"""
from __future__ import annotations

from typing import Hashable

from scoring.call import Call, Tally, Turn
from scoring.rubric import Rubric
from scoring.transcript import ScenarioInfo


class Judge:
    skill = ""

    def __init__(self, info: ScenarioInfo, rubric: Rubric) -> None:
        self.name = info.customer_first_name
        self.at_fault = info.at_fault
        self.pts = rubric.points
        self.tally = Tally(self.skill)

    def copy(self) -> "Judge":
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.tally = self.tally.copy()
        return new

    def key(self) -> Hashable:
        return self.tally.key()

    def turn(self, t: Turn) -> None:
        """Charge what this turn did."""

    def end(self, call: Call) -> Tally | None:
        return self.tally
