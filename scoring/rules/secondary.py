"""The secondary skills: policy, channel, follow-up and composure."""
from __future__ import annotations

from functools import partial

from scoring.call import REMEDIES, Call, Tally
from scoring.rubric import Rubric

_CHANNEL = {
    "visit": ("a visit", "the most personal way there is"),
    "phone": ("a call", "good, though a visit is more personal still"),
    "note": ("a handwritten note", "a call or a visit shows more effort"),
    "email": ("email", "pick up the phone or visit instead"),
}


def policy(call: Call, rubric: Rubric) -> Tally | None:
    if not any(t.has("explain_policy", "refuse") or t.breaks_policy for t in call.turns):
        return None
    pts = partial(rubric.points, "policy")
    tally = Tally()
    explained = False
    for turn in call.turns:
        if turn.has("explain_policy") and not explained:
            explained = True
            # Ground: seed 001 (explain why you can't make an exception); Bradley & Sparks 2009.
            # At fault the explanation is judged below instead, so no line praises an excuse.
            if not call.at_fault:
                tally.strength(f"Turn {turn.number}: you explained the reason behind the policy.")
        if turn.has("refuse") and not explained:
            tally.lose(pts("bare_refusal"), f"Turn {turn.number}: you refused without giving the reason behind the policy")
        if turn.breaks_policy:
            # Ground: seed 000 (if you don't follow your own policies, why should they?).
            tally.lose(pts("policy_break"), f"Turn {turn.number}: you broke the policy you are there to uphold")
    if call.at_fault:
        # Ground: seed 004 (skip laying out your side if you were wrong; but
        # when stuck, lay out each side's limits and ask how they would solve
        # it fairly: limits stated together with that question are no excuse).
        explanations = call.with_acts("explain_policy")
        excuse = next((t for t in explanations if not t.has("ask_customer_solution")), None)
        if excuse:
            tally.lose(
                pts("explained_when_at_fault"),
                f"Turn {excuse.number}: the business was in the wrong, so explaining policy to {call.name} sounds like an excuse",
            )
        limits = next((t for t in explanations if t.has("ask_customer_solution")), None)
        if limits:
            tally.strength(f"Turn {limits.number}: you laid out the limits and asked {call.name} how to solve it fairly.")
    return tally


def channel(call: Call, rubric: Rubric) -> Tally | None:
    chosen = [t for t in call.turns if t.event.channel]
    if not chosen:
        return None
    tally = Tally()
    for turn in chosen:
        # Ground: seed 003 (visit > call > note > email), seed 002 (get on the phone).
        label, advice = _CHANNEL[turn.event.channel]
        cost = rubric.points("channel", turn.event.channel) / len(chosen)
        line = f"Turn {turn.number}: you chose {label} to reach {call.name}"
        if cost > 0:
            tally.lose(cost, f"{line}; {advice}")
        else:
            tally.strength(f"{line}.")
    return tally


def follow_up(call: Call, rubric: Rubric) -> Tally | None:
    planned = call.first("follow_up")
    remedy = call.first(*REMEDIES)
    if not planned and not remedy:
        return None
    tally = Tally()
    if planned:
        tally.strength(f"Turn {planned.number}: you planned a follow-up with {call.name}.")
    else:
        # Ground: seed 003 (follow up with another favor); LEAP (promise, follow up).
        tally.lose(
            rubric.points("follow_up", "missing"),
            f"Turn {remedy.number}: after the remedy you planned no check-in or extra favor for {call.name}",
        )
    return tally


def composure(call: Call, rubric: Rubric) -> Tally:
    tally = Tally()
    name = call.name
    for turn in call.turns:
        # Ground: seed 002 (get calm, resist defending yourself); BLAST.
        if turn.has("defend"):
            tally.lose(rubric.points("composure", "defend"), f"Turn {turn.number}: you argued back; stay calm and keep the focus on {name}")
        if turn.has("dismiss"):
            tally.lose(rubric.points("composure", "dismiss"), f"Turn {turn.number}: you played down what {name} was upset about")
    if not call.with_acts("defend", "dismiss"):
        tally.strength(f"You stayed calm: you never argued back or played down what {name} felt.")
    thanked = call.first("thank")
    if thanked:
        # Ground: BLAST, LAST, LATTE (thank the customer).
        tally.strength(f"Turn {thanked.number}: you thanked {name} for raising the problem.")
    return tally

