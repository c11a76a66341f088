"""Caps on the overall score, for errors one strong skill must not hide (SPEC §3)."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from scoring.call import Call, show_points
from scoring.rubric import Rubric
from scoring.rules.listening import no_listening


@dataclass(frozen=True)
class Cap:
    limit: Fraction
    skill: str  # whose evidence carries the explanation
    reason: str
    penalty: Fraction = Fraction(0)  # taken off before the cap applies


def caps_for(call: Call, rubric: Rubric) -> list[Cap]:
    caps: list[Cap] = []

    # Ground: seed 000 (a business that bends its own policy can't expect
    # customers to keep it); GROUNDS calibration: caving caps the overall.
    broke = next((t for t in call.turns if t.breaks_policy), None)
    if broke:
        limit = rubric.cap("policy_break")
        caps.append(Cap(limit, "policy", f"Turn {broke.number}: you gave in against policy, so the overall score "
                                         f"is capped at {show_points(limit)}."))

    # Ground: GROUNDS, every framework hears the customer first.
    why = no_listening(call)
    if why:
        limit = rubric.cap("no_listening")
        caps.append(Cap(limit, "listening", f"{why}: no listening at all, so the overall score is capped at {show_points(limit)}."))

    # Ground: SPEC §3, quitting never outscores finishing.
    if call.transcript.outcome == "abandoned":
        limit = rubric.cap("abandoned")
        penalty = rubric.cap("abandoned_penalty")
        reason = (f"You left the call before it reached an end: {show_points(penalty)} points off "
                  f"and the overall score capped at {show_points(limit)}, so quitting never beats finishing.")
        caps.append(Cap(limit, "choices", reason, penalty))
    return caps
