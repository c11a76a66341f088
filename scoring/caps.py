"""Grave errors: bands and caps on the overall score, each named at the turn that caused it.

A band scales the score the rest of the call earned into [low, high], so the
rest still counts (a cave after a good call scores higher than a fast one);
a cap is a plain ceiling. The lowest result wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from scoring.call import Call, Turn, copy_slots
from scoring.rubric import Rubric
from scoring.rules.listening import no_listening
from scoring.rules.wording import did

_REMEDY_OR_REASON = ("offer_choice", "offer_concession", "concrete_commitment", "cave", "explain_policy",
                     "ask_customer_solution", "escalate", "part_ways")


@dataclass(frozen=True)
class Cap:
    rule: str  # the rubric entry
    turn: Turn | None
    reason: str
    low: int = 0
    high: int = 100

    def apply(self, overall: Fraction) -> Fraction:
        """The overall score (0..100) once this band or cap has applied."""
        if self.low == 0 and self.high == 100:
            return overall
        if self.low >= self.high:  # a cap
            return min(overall, Fraction(self.high))
        return self.low + (self.high - self.low) * overall / 100


class Watch:
    """What the bands and caps will read of the call so far (`key()`); they are decided at the end."""

    __slots__ = ("excuse", "refused", "reasoned", "broke", "all_cut_in")

    def __init__(self) -> None:
        self.excuse = self.refused = self.reasoned = self.broke = False
        self.all_cut_in = True

    def copy(self) -> "Watch":
        return copy_slots(self)

    def key(self) -> tuple:
        return (self.excuse, self.refused, self.reasoned, self.broke, self.all_cut_in)

    def turn(self, turn: Turn) -> None:
        # An excuse stands until a later turn owns the mistake.
        self.excuse = (self.excuse and not turn.has("own_mistake")) or turn.has("defend")
        self.refused = self.refused or turn.has("refuse")
        self.reasoned = self.reasoned or turn.has(*_REMEDY_OR_REASON)
        self.broke = self.broke or turn.breaks_policy
        self.all_cut_in = self.all_cut_in and turn.cut_in


def caps_for(call: Call, rubric: Rubric) -> list[Cap]:
    caps: list[Cap] = []
    name = call.name

    def band(rule: str, turn: Turn | None, why: str) -> None:
        low, high = rubric.band(rule)
        caps.append(Cap(rule, turn, f"{why}, so the overall score falls to {low}-{high} (the rest of the call "
                                    f"decides where)", low, high))

    if call.at_fault:
        # Ground: blind ratings (blaming the customer for the business's own mistake: 2-7); seed 004.
        # An excuse the trainee later took back by owning the mistake is an excuse, not blame:
        # composure charges it (excuse_at_fault), graded.
        excuse = next((t for t in call.with_acts("defend") if not _taken_back(call, t)), None)
        if excuse:
            band("defend_at_fault_band", excuse,
                 f"Turn {excuse.number}: you defended the business when it was in the wrong and never "
                 "took it back")
        # Ground: blind ratings (refusing when at fault: about 7); seed 000 (make it right).
        refusal = call.first("refuse")
        if refusal:
            band("refuse_at_fault_band", refusal, f"Turn {refusal.number}: you said no to {name} when the business was in the wrong")

    # Ground: blind ratings (stonewalling 8-17); seed 001 (explain, compromise).
    refusal = call.first("refuse")
    if refusal and not any(t.has(*_REMEDY_OR_REASON) for t in call.turns):
        band("stonewall_band", refusal,
             f"Turn {refusal.number}: your only answer was no, with no reason and nothing instead")

    # Ground: seed 000 (don't give in against your own policy); blind ratings (15-40).
    broke = next((t for t in call.turns if t.breaks_policy), None)
    if broke:
        band("policy_break_band", broke, f"Turn {broke.number}: you {did(broke)} against policy")

    # Ground: GROUNDS, every framework hears the customer first.
    silent = no_listening(call)
    if silent:
        band("no_listening_band", None, f"{silent}: no listening at all")

    # Ground: SPEC §3, quitting never outscores finishing; GROUNDS (at most 30).
    if call.outcome == "abandoned":
        band("abandoned_band", None, "You left the call before it reached an end")
    return caps


def _taken_back(call: Call, turn: Turn) -> bool:
    """The trainee owned the mistake on a later turn."""
    return any(t.has("own_mistake") for t in call.turns[turn.number:])
