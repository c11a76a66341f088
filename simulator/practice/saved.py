"""A saved score (SPEC §3 dict, as the store kept it) back as the Scorecard the debrief renders.

Reopening a session shows what was saved, never a fresh scoring: the rubric may
have changed since, and history must show the call as the trainee saw it.
"""
from __future__ import annotations

from types import MappingProxyType

from scoring.acts import SKILLS
from scoring.scorecard import Scorecard, SkillScore


def scorecard(saved: dict) -> Scorecard:
    skills = saved.get("skills") if isinstance(saved.get("skills"), dict) else {}
    out = {}
    for name in [*SKILLS, *(n for n in skills if n not in SKILLS)]:
        entry = skills.get(name)
        if not isinstance(entry, dict):
            continue
        out[name] = SkillScore(name, entry.get("score"), entry.get("weight", 0.0),
                               tuple(entry.get("evidence") or ()), tuple(entry.get("strengths") or ()))
    return Scorecard(saved.get("overall", 0), saved.get("outcome", ""), MappingProxyType(out),
                     tuple(saved.get("caps") or ()))
