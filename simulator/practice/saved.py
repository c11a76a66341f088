"""A saved score (SPEC §3 dict, as the store kept it) back as the Scorecard the debrief renders.

Reopening a session shows what was saved, never a fresh scoring: the rubric may
have changed since, and history must show the call as the trainee saw it.
"""
from __future__ import annotations

from types import MappingProxyType

from scoring.acts import SKILLS
from scoring.scorecard import Better, Scorecard, SkillScore, TurnNote, TurnVerdict


def scorecard(saved: dict) -> Scorecard:
    skills = saved.get("skills") if isinstance(saved.get("skills"), dict) else {}
    out = {}
    for name in [*SKILLS, *(n for n in skills if n not in SKILLS)]:
        entry = skills.get(name)
        if not isinstance(entry, dict):
            continue
        out[name] = SkillScore(name, entry.get("score"), entry.get("weight", 0.0),
                               tuple(entry.get("evidence") or ()), tuple(entry.get("strengths") or ()))
    turns = tuple(_turn(t) for t in saved.get("turns") or () if isinstance(t, dict))
    return Scorecard(saved.get("overall", 0), saved.get("outcome", ""), MappingProxyType(out),
                     tuple(saved.get("caps") or ()), turns)


def _turn(saved: dict) -> TurnVerdict:
    notes = tuple(TurnNote(n.get("skill", ""), n.get("points", 0), n.get("text", ""))
                  for n in saved.get("notes") or () if isinstance(n, dict))
    b = saved.get("better")
    better = Better(b.get("move", ""), b.get("say", ""), b.get("why", ""), b.get("feedback", "")) \
        if isinstance(b, dict) else None
    return TurnVerdict(saved.get("turn", 0), saved.get("event", 0), saved.get("move", ""), notes, better)
