"""Better here: for each turn that cost points, the best move the trainee had at that moment.

Pure: scoring never reads a scenario. The caller (the engine, the CLI, the
app) hands in what was offered at each trainee move, as plain data keyed by
the move's index in the transcript's events. Each offered move is put in the
taken move's place, in the same context (the same beats heard, the rest of
the call as it went), and judged by the same rules, leaving out what only
the whole call decides (no apology anywhere); the one that costs the least
on that turn wins, ties going to the one with more strengths, then to the
order offered. Keeping silent (`wait`) is a candidate while the story was
still being told. The taken move's own author `feedback` comes along.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Mapping, Sequence

from scoring.rubric import Rubric, default_rubric
from scoring.scorecard import OVERALL, Better, Scorecard, TurnVerdict, score
from scoring.transcript import Transcript, TraineeEvent

WAIT = "wait"


@dataclass(frozen=True)
class Offered:
    """A move the scenario offered at one point, as scoring needs to see it."""

    key: str
    say: str
    acts: tuple[str, ...]
    channel: str | None = None
    policy_break: bool = False
    feedback: str = ""  # the author's coaching note on this move


def better_here(transcript: Transcript, card: Scorecard, offered: Mapping[int, Sequence[Offered]],
                rubric: Rubric | None = None) -> Scorecard:
    """`card` with `better` filled in on each costly turn that had a better move on offer."""
    rubric = rubric or default_rubric()
    turns = []
    for verdict in card.turns:
        options = offered.get(verdict.event, ())
        turns.append(_better(transcript, verdict, options, rubric) if options else verdict)
    return replace(card, turns=tuple(turns))


def _better(transcript: Transcript, verdict: TurnVerdict, options: Sequence[Offered], rubric: Rubric) -> TurnVerdict:
    taken = transcript.events[verdict.event]
    assert isinstance(taken, TraineeEvent)
    own = next((o for o in options if o.key == taken.move), None)
    feedback = own.feedback if own else ""
    if not verdict.cost:
        return replace(verdict, better=Better(taken.move, "", "", feedback)) if feedback else verdict
    here = _value(transcript, verdict, taken, rubric)
    best: tuple[tuple[Fraction, int, int], Offered] | None = None
    candidates = list(options)
    if taken.heard < taken.of:
        candidates.append(Offered(WAIT, "", ("listen",)))
    for rank, option in enumerate(candidates):
        if option.key == taken.move or option.policy_break or "cave" in option.acts:
            continue  # giving in against policy is never the better move (seed 000)
        if option.key == WAIT:
            value, strengths = Fraction(0), 0
        else:
            value, strengths = _value(transcript, verdict, _as_event(taken, option), rubric)
        key = (value, strengths, -rank)
        if best is None or key > best[0]:
            best = (key, option)
    if best is None or best[0][0] <= here[0]:
        return replace(verdict, better=Better(taken.move, "", "", feedback)) if feedback else verdict
    option = best[1]
    return replace(verdict, better=Better(option.key, option.say, _why(transcript, verdict, taken, option, rubric),
                                          feedback))


def _as_event(taken: TraineeEvent, option: Offered) -> TraineeEvent:
    return replace(taken, move=option.key, acts=option.acts, text=option.say, channel=option.channel,
                   policy_break=option.policy_break)


def _value(transcript: Transcript, verdict: TurnVerdict, event: TraineeEvent,
           rubric: Rubric) -> tuple[Fraction, int]:
    """What a move costs on this turn (overall points, 0 or below) and its strengths, judged up to here."""
    notes, judged = _judged(transcript, verdict, event, rubric)
    weights = {s: rubric.weight(s) for s in rubric.weights}
    # renormalized over the skills the call gives something to judge, as the overall score is
    whole = sum((weights[s] for s in judged), Fraction(0)) or Fraction(1)
    total = Fraction(0)
    strengths = 0
    for n in notes:
        if n.due:
            continue  # a whole-call charge (no apology anywhere) says nothing about this moment
        if n.points < 0:
            total += Fraction(n.points) if n.skill == OVERALL else weights[n.skill] * Fraction(n.points) / whole
        else:
            strengths += 1
    return total, strengths


def _judged(transcript: Transcript, verdict: TurnVerdict, event: TraineeEvent, rubric: Rubric):
    """The notes on this turn with this one move changed, and the skills that call judges."""
    # The same context: the call before this moment and after it, this one move changed.
    events = (*transcript.events[:verdict.event], event, *transcript.events[verdict.event + 1:])
    card = score(replace(transcript, events=events), rubric)
    judged = card.verdict(verdict.turn)
    return (judged.notes if judged else ()), [s for s, k in card.skills.items() if k.score is not None]


def _notes(transcript: Transcript, verdict: TurnVerdict, event: TraineeEvent, rubric: Rubric):
    return _judged(transcript, verdict, event, rubric)[0]


def _why(transcript: Transcript, verdict: TurnVerdict, taken: TraineeEvent, option: Offered, rubric: Rubric) -> str:
    name = transcript.scenario.customer_first_name
    if option.key == WAIT:
        return f"keep listening and let {name} finish the story first"
    notes = _notes(transcript, verdict, _as_event(taken, option), rubric)
    good = [n.text for n in notes if n.points >= 0 and not n.due]
    if good:
        return good[0][:1].lower() + good[0][1:]
    return "it costs less at this point"
