"""score(transcript) -> Scorecard: the call judged turn by turn, the skills, the overall score (SPEC §3)."""
from __future__ import annotations

import json
from functools import lru_cache
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Mapping

from scoring.acts import SKILLS
from scoring.call import Call, Note, Tally, round_half_up
from scoring.vocabulary import clamp
from scoring.caps import Cap, caps_for
from scoring.rubric import Rubric, default_rubric
from scoring.fold import Fold
from scoring.transcript import Transcript

OVERALL = "overall"  # the skill named on a note that a band or cap cost the overall score


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
class TurnNote:
    skill: str  # a skill, or "overall" for a band or cap
    points: int | float  # below 0: what this turn cost that skill; 0 or more: a strength
    text: str
    due: bool = False  # a whole-call charge shown at the turn where the thing was due

    @property
    def cost(self) -> bool:
        return self.points < 0

    def to_dict(self) -> dict[str, Any]:
        return {"skill": self.skill, "points": self.points, "text": self.text}


@dataclass(frozen=True)
class Better:
    """The best move offered at a costly turn, judged in the same context by the same rules."""

    move: str
    say: str
    why: str  # what it does that the turn did not, e.g. "a reflection before explaining"
    feedback: str = ""  # the scenario author's note on the move the trainee took

    def to_dict(self) -> dict[str, Any]:
        d = {"move": self.move, "say": self.say, "why": self.why}
        if self.feedback:
            d["feedback"] = self.feedback
        return d


@dataclass(frozen=True)
class TurnVerdict:
    turn: int
    event: int  # index into the transcript's events
    move: str
    notes: tuple[TurnNote, ...]
    better: Better | None = None

    @property
    def cost(self) -> bool:
        return any(n.cost for n in self.notes)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"turn": self.turn, "event": self.event, "move": self.move,
                             "notes": [n.to_dict() for n in self.notes]}
        if self.better is not None:
            d["better"] = self.better.to_dict()
        return d


@dataclass(frozen=True)
class Scorecard:
    overall: int
    outcome: str
    skills: Mapping[str, SkillScore]  # in SPEC §3 order
    caps: tuple[str, ...] = ()  # why the overall score was banded or capped, if it was
    turns: tuple[TurnVerdict, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "outcome": self.outcome,
            "skills": {name: skill.to_dict() for name, skill in self.skills.items()},
            "turns": [t.to_dict() for t in self.turns],
            "caps": list(self.caps),  # saved with the score, so a reopened debrief shows them as they were
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def verdict(self, turn: int) -> TurnVerdict | None:
        return next((t for t in self.turns if t.turn == turn), None)


def score(transcript: Transcript, rubric: Rubric | None = None) -> Scorecard:
    rubric = rubric or default_rubric()
    fold = Fold(transcript.scenario, rubric)
    for event in transcript.events:
        fold.feed(event)
    return finish(fold, transcript.outcome)


@dataclass(frozen=True)
class Outcome:
    """The numbers of a finished call, without the evidence: what a search compares."""

    overall: int
    outcome: str
    skills: Mapping[str, int | None]


def judged(fold: Fold, outcome: str) -> Outcome:
    """The overall and skill scores of the call read so far by `fold`, ended with `outcome`.

    What a search asks at every ending it reaches. Each judge's verdict on the
    whole call depends only on its key (and how the call ended), so it is
    judged once per key and remembered in the fold's memo, which its copies share.
    """
    call = fold.call(outcome)
    if not call.turns:
        return Outcome(0, outcome, dict.fromkeys(SKILLS))
    memo, rubric = fold.memo, fold.rubric
    counted: list[tuple[Fraction, Fraction]] = []
    skills: dict[str, int | None] = {}
    for judge in fold.judges:
        key = (judge.skill, judge.key(), call.trailing_silences, call.story_finished)
        if key not in memo:
            tally = judge.copy().end(call)
            memo[key] = None if tally is None else ((rubric.weight(judge.skill), min(tally.raw, Fraction(100))),
                                                    tally.score)
        verdict = memo[key]
        skills[judge.skill] = None if verdict is None else verdict[1]
        if verdict is not None:
            counted.append(verdict[0])
    key = ("caps", fold.watch.key(), call.story_finished, outcome)
    if key not in memo:
        memo[key] = caps_for(call, rubric)
    final, _binding = _capped(_mean(counted), memo[key])
    return Outcome(clamp(round_half_up(final)), outcome, skills)


def _judge(fold: Fold, call: Call):
    """The skills' tallies, the overall before and after bands and caps, and the band or cap that bound."""
    rubric = fold.rubric
    tallies = fold.tallies(call)
    uncapped = _weighted(tallies, rubric)
    final, binding = _capped(uncapped, caps_for(call, rubric))
    return tallies, uncapped, final, binding


def _capped(uncapped: Fraction, caps) -> tuple[Fraction, "Cap | None"]:
    """The overall score once the lowest band or cap has applied, and that band or cap (None: none lowered it)."""
    final, binding = uncapped, None
    for cap in caps:
        value = cap.apply(uncapped)
        if value < final:
            final, binding = value, cap
    return final, binding


def finish(fold: Fold, outcome: str) -> Scorecard:
    """The scorecard of a call read so far by `fold`, ended with `outcome` (the fold is left as it was)."""
    rubric = fold.rubric
    call = fold.call(outcome)
    if not call.turns:
        # SPEC §3: a call with no trainee move scores 0, and gives no skill anything to judge.
        reasons = (f"You made no move: you never spoke to {call.name}, so the call scores 0.",)
        return Scorecard(0, outcome, _skills(dict.fromkeys(SKILLS), rubric), reasons)

    tallies, uncapped, final, binding = _judge(fold, call)
    overall = round_half_up(final)
    notes = [n for t in tallies.values() if t is not None for n in t.notes]
    reasons: tuple[str, ...] = ()
    if binding is not None:
        reasons = (binding.reason + ".",)
        tally = tallies[rubric.skill_of(binding.rule)]
        if tally is not None:
            tally.note(binding.reason + ".")
        lost = round_half_up(uncapped) - overall
        if lost > 0:
            notes.append(Note(OVERALL, binding.turn.number if binding.turn else None, Fraction(-lost),
                              _after_turn(binding.reason)))
    turns = _verdicts(call, notes)
    return Scorecard(clamp(overall), outcome, _skills(tallies, rubric), reasons, turns)


def _after_turn(reason: str) -> str:
    """A band's reason without its "Turn N: " prefix, for the note on that turn."""
    head, sep, rest = reason.partition(": ")
    if sep and head.startswith("Turn "):
        return rest[:1].upper() + rest[1:] + "."
    return reason + "."


def _verdicts(call: Call, notes: list[Note]) -> tuple[TurnVerdict, ...]:
    by_turn: dict[int, list[TurnNote]] = {}
    order = {s: i for i, s in enumerate((OVERALL, *SKILLS))}
    for n in sorted(notes, key=lambda n: (n.points >= 0, order[n.skill])):
        if n.turn is not None:
            by_turn.setdefault(n.turn, []).append(TurnNote(n.skill, _shown(n.points), n.text, n.due))
    return tuple(TurnVerdict(t.number, t.index, t.event.move, tuple(by_turn.get(t.number, ()))) for t in call.turns)


@lru_cache(maxsize=1024)
def _shown(points: Fraction) -> int | float:
    whole = round_half_up(points)
    return whole if points == whole else float(round_half_up(points * 10)) / 10


def _weighted(tallies: Mapping[str, Tally | None], rubric: Rubric) -> Fraction:
    """100 minus every charge, weighted by its skill's weight renormalized over the judged skills.

    Skills are shown within 0..100, but the overall counts their raw points,
    so a second mistake in a skill already at 0 still costs. Credits never
    lift a skill above 100.
    """
    return _mean([(rubric.weight(name), min(t.raw, Fraction(100))) for name, t in tallies.items() if t is not None])


def _mean(judged: list[tuple[Fraction, Fraction]]) -> Fraction:
    """The weighted mean of (weight, points) over the judged skills, within 0..100."""
    total = sum((w for w, _ in judged), Fraction(0))
    if total > 0:
        mean = sum((w * s for w, s in judged), Fraction(0)) / total
    else:  # every judged skill has weight 0 in this rubric: fall back to a plain mean
        mean = Fraction(sum(s for _, s in judged), len(judged)) if judged else Fraction(0)
    return min(max(mean, Fraction(0)), Fraction(100))


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
