"""Two scorecards of one call side by side: as it was played, and as it went with another move.

Pure over the two transcripts' turns and the two score dicts (SPEC §3).
"""
from __future__ import annotations

from dataclasses import dataclass

from scoring.acts import SKILLS
from simulator.practice.replay import Turn


@dataclass(frozen=True)
class TurnPair:
    number: int
    then: Turn | None  # the saved call's turn, None once that call had ended
    now: Turn | None  # the what-if call's turn
    branched: bool  # this turn and every later one differ

    @property
    def same(self) -> bool:
        return not self.branched


@dataclass(frozen=True)
class SkillPair:
    skill: str
    then: int | None
    now: int | None


def cost(turn: Turn | None) -> int | None:
    """Points the turn cost, by the scorecard's notes (None: no turn)."""
    if turn is None:
        return None
    return sum(n.points for n in turn.notes if n.points is not None and n.points < 0)


def pair_turns(then: list[Turn], now: list[Turn], branch: int) -> list[TurnPair]:
    """Turn by turn; turns before `branch` are the same call, from `branch` on they differ."""
    count = max(len(then), len(now))
    return [
        TurnPair(n, then[n - 1] if n <= len(then) else None, now[n - 1] if n <= len(now) else None, n >= branch)
        for n in range(1, count + 1)
    ]


def pair_skills(then: dict, now: dict) -> list[SkillPair]:
    return [SkillPair(name, _skill(then, name), _skill(now, name)) for name in SKILLS]


def _skill(card: dict, name: str) -> int | None:
    entry = (card.get("skills") or {}).get(name)
    return entry.get("score") if isinstance(entry, dict) else None
