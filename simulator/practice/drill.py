"""Which call to practise next: the one that trains the trainee's weakest skill.

The weakest skill is the lowest recency-weighted average over the trainee's
last few scored calls (the newest counts most: a skill fixed last week is not
weak any more). The drill is a scenario that lists that skill among the
skills it trains, never the scenario just played; among those, the one where
the trainee did worst on that skill (unplayed ones count at the skill's
level), then the easier one. If every scenario training the weakest skill is
the one just played, the next weakest skill is tried.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from scoring.acts import SKILLS
from simulator.practice.history import Attempt

RECENT = 8  # calls looked at
DECAY = 0.7  # each older call counts this much of the next newer one


class Card(Protocol):
    id: str
    title: str
    difficulty: int
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Drill:
    scenario_id: str
    title: str
    skill: str | None  # None: nothing scored yet, so the easiest call
    level: int | None  # the skill's recency-weighted score before the drill
    reason: str


def skill_levels(found: Sequence[Attempt], recent: int = RECENT, decay: float = DECAY) -> dict[str, float]:
    """Each judged skill's recency-weighted average over the last `recent` scored calls."""
    scored = [a for a in found if a.outcome is not None and a.skills][-recent:]
    levels = {}
    for name in SKILLS:
        total = weight = 0.0
        for age, a in enumerate(reversed(scored)):
            value = a.skills.get(name)
            if value is not None:
                w = decay ** age
                total += w * value
                weight += w
        if weight:
            levels[name] = total / weight
    return levels


def choose_drill(found: Sequence[Attempt], cards: Sequence[Card], recent: int = RECENT,
                 decay: float = DECAY) -> Drill | None:
    """The drill for a trainee whose sessions (oldest first) are `found`; None when no scenario fits."""
    last = next((a.scenario_id for a in reversed(found) if a.outcome is not None), None)
    open_cards = [c for c in cards if c.id != last]
    if not open_cards:
        return None
    levels = skill_levels(found, recent, decay)
    calls = min(recent, sum(1 for a in found if a.outcome is not None and a.skills))
    for skill, level in sorted(levels.items(), key=lambda kv: (kv[1], SKILLS.index(kv[0]))):
        trains = [c for c in open_cards if skill in c.skills]
        if not trains:
            continue
        mine = _skill_by_scenario(found, skill)
        pick = min(trains, key=lambda c: (mine.get(c.id, level), c.difficulty, c.title))
        told = _name(skill)
        why = (f"{told} is your weakest skill: {round(level)} on average over your last "
               f"{_calls(calls)}, the newest counting most. {pick.title!r} trains it")
        if pick.id in mine:
            why += f"; you scored {round(mine[pick.id])} on it there last time."
        else:
            why += "; you have not taken this call yet."
        return Drill(pick.id, pick.title, skill, round(level), why)
    pick = min(open_cards, key=lambda c: (c.difficulty, c.title))
    if levels:
        why = f"No other scenario trains your weakest skills, so {pick.title!r}, the easiest other call."
    else:
        why = f"No scored calls yet, so the easiest one: {pick.title!r}."
    return Drill(pick.id, pick.title, None, None, why)


def _skill_by_scenario(found: Sequence[Attempt], skill: str) -> dict[str, float]:
    """The latest score of `skill` per scenario."""
    latest: dict[str, float] = {}
    for a in found:
        value = a.skills.get(skill)
        if value is not None:
            latest[a.scenario_id] = value
    return latest


def _name(skill: str) -> str:
    return skill.replace("_", " ").capitalize()


def _calls(n: int) -> str:
    return "call" if n == 1 else f"{n} calls"


def before_after(drill: Drill, score: dict) -> str:
    """What the drill did for its skill: the level before and this call's score."""
    if drill.skill is None or drill.level is None:
        return f"Score: {score.get('overall')}/100 on {drill.title!r}."
    entry = (score.get("skills") or {}).get(drill.skill) or {}
    now = entry.get("score") if isinstance(entry, dict) else None
    told = _name(drill.skill)
    if now is None:
        return f"{told}: {drill.level} before; this call gave nothing to judge it on."
    change = now - drill.level
    sign = "+" if change > 0 else ""
    return f"{told}: {drill.level} before (your recent average), {now} in this call ({sign}{change})."
