"""Caps on the overall score, for errors one strong skill must not hide (SPEC §3)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from scoring.call import Call, show_points
from scoring.rubric import Rubric
from scoring.rules.listening import no_listening, story_not_heard


@dataclass(frozen=True)
class Cap:
    limit: int  # the overall score is a whole number, so a cap of 72.5 holds it at 72
    skill: str  # whose evidence carries the explanation
    reason: str
    penalty: Fraction = Fraction(0)  # taken off before the cap applies

    @property
    def switched_off(self) -> bool:
        """A cap at 100 that takes nothing off changes no score; a line about it would mislead."""
        return self.limit >= 100 and self.penalty <= 0


def caps_for(call: Call, rubric: Rubric) -> list[Cap]:
    caps: list[Cap] = []

    # Ground: seed 000 (a business that bends its own policy can't expect
    # customers to keep it); GROUNDS calibration: caving caps the overall.
    broke = next((t for t in call.turns if t.breaks_policy), None)
    if broke:
        limit = _limit(rubric, "policy_break")
        caps.append(Cap(limit, "policy", f"Turn {broke.number}: you gave in against policy, so {_capped(limit)}."))

    # Ground: GROUNDS, every framework hears the customer first.
    silent = no_listening(call)
    if silent:
        limit = _limit(rubric, "no_listening")
        caps.append(Cap(limit, "listening", f"{silent}: no listening at all, so {_capped(limit)}."))

    # Ground: HEARD (hear the complete, uninterrupted story), LAST, seed 003
    # (listen without interrupting), seed 004 (make them feel heard, don't
    # interrupt): every framework hears the whole story first, so a call that
    # never did cannot score near the top however well it went otherwise.
    # Not repeated when a no-listening cap as strict already says so.
    limit = _limit(rubric, "story_not_heard")
    why = story_not_heard(call, rubric.cap("story_not_heard_share"))
    if why and not (silent and _limit(rubric, "no_listening") <= limit):
        caps.append(Cap(limit, "listening", f"{why}, so {_capped(limit)}."))

    # Ground: seed 001 (keeping a client costs far less than finding one, and
    # customers who leave angry tell others). Parting ways respectfully with a
    # client who should go (seeds 001, 003) and escalating are not capped.
    if call.transcript.outcome == "churned":
        limit = _limit(rubric, "churned")
        caps.append(Cap(limit, "choices", f"The call ended with {call.name} leaving as a customer, so "
                                          f"{_capped(limit)}: keeping a client costs far less than finding one."))

    # Ground: SPEC §3, quitting never outscores finishing.
    if call.transcript.outcome == "abandoned":
        limit = _limit(rubric, "abandoned")
        penalty = rubric.cap("abandoned_penalty")
        costs = []
        if penalty > 0:
            costs.append(f"{show_points(penalty)} point{'' if penalty == 1 else 's'} off")
        if limit < 100:
            costs.append(f"the overall score capped at {limit}")
        reason = (f"You left the call before it reached an end: {' and '.join(costs)}, "
                  "so quitting never beats finishing.")
        caps.append(Cap(limit, "choices", reason, penalty))
    return [cap for cap in caps if not cap.switched_off]


def _limit(rubric: Rubric, name: str) -> int:
    return math.floor(rubric.cap(name))


def _capped(limit: int) -> str:
    return f"the overall score is capped at {limit}"
