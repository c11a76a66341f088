"""score(transcript) -> Scorecard: the skills, the overall score, the caps (SPEC §3)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Callable, Mapping

from scoring.acts import SKILLS
from scoring.call import Call, Tally, round_half_up
from scoring.vocabulary import clamp
from scoring.caps import caps_for
from scoring.rubric import Rubric, default_rubric
from scoring.rules import apology, choices, listening, secondary
from scoring.transcript import Transcript

_JUDGES: dict[str, Callable[[Call, Rubric], Tally | None]] = {
    "listening": listening.judge,
    "apology": apology.judge,
    "choices": choices.judge,
    "policy": secondary.policy,
    "channel": secondary.channel,
    "follow_up": secondary.follow_up,
    "composure": secondary.composure,
}


@dataclass(frozen=True)
class SkillScore:
    name: str
    score: int | None  # None: the call gave nothing to judge this skill on
    weight: float
    evidence: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "weight": float(self.weight),
            "evidence": list(self.evidence),
            "strengths": list(self.strengths),
        }


@dataclass(frozen=True)
class Scorecard:
    overall: int
    outcome: str
    skills: Mapping[str, SkillScore]  # in SPEC §3 order
    caps: tuple[str, ...] = ()  # why the overall score was capped, if it was

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "outcome": self.outcome,
            "skills": {name: skill.to_dict() for name, skill in self.skills.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def score(transcript: Transcript, rubric: Rubric | None = None) -> Scorecard:
    rubric = rubric or default_rubric()
    call = Call.of(transcript)
    if not call.turns:
        # SPEC §3: a call with no trainee move scores 0, and gives no skill anything to judge.
        reasons = (f"You made no move: you never spoke to {call.name}, so the call scores 0.",)
        return Scorecard(0, transcript.outcome, _skills(dict.fromkeys(SKILLS), rubric), reasons)

    tallies = {name: _JUDGES[name](call, rubric) for name in SKILLS}
    caps = caps_for(call, rubric)
    overall = _weighted(tallies, rubric) - sum((c.penalty for c in caps), Fraction(0))
    overall = round_half_up(overall)
    for cap in caps:
        overall = min(overall, cap.limit)
        tally = tallies[cap.skill]
        if tally is not None:
            tally.note(cap.reason)
    reasons = tuple(c.reason for c in caps)
    return Scorecard(clamp(overall), transcript.outcome, _skills(tallies, rubric), reasons)


def _weighted(tallies: Mapping[str, Tally | None], rubric: Rubric) -> Fraction:
    """Mean of the judged skills, weighted by the rubric and renormalized."""
    judged = [(rubric.weight(name), t.score) for name, t in tallies.items() if t is not None]
    total = sum((w for w, _ in judged), Fraction(0))
    if total > 0:
        return sum((w * s for w, s in judged), Fraction(0)) / total
    # every judged skill has weight 0 in this rubric: fall back to a plain mean
    return Fraction(sum(s for _, s in judged), len(judged)) if judged else Fraction(0)


def _skills(tallies: Mapping[str, Tally | None], rubric: Rubric) -> Mapping[str, SkillScore]:
    out = {}
    for name in SKILLS:
        t = tallies[name]
        weight = rubric.weights[name]
        if t is None:
            out[name] = SkillScore(name, None, weight)
        else:
            out[name] = SkillScore(name, t.score, weight, tuple(t.evidence), tuple(t.strengths))
    return MappingProxyType(out)
