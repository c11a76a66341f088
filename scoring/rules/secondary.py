"""The secondary skills: policy, channel, follow-up and composure."""
from __future__ import annotations

from scoring.call import REMEDIES, Call, Tally
from scoring.rubric import Rubric

_LABEL = {"visit": "a visit", "phone": "a call", "note": "a handwritten note", "email": "email"}


def policy(call: Call, rubric: Rubric) -> Tally | None:
    if not any(t.has("explain_policy", "refuse") or t.breaks_policy for t in call.turns):
        return None
    pts = rubric.points
    tally = Tally("policy")
    explained = False
    for turn in call.turns:
        if turn.has("explain_policy") and not explained:
            explained = True
            # Ground: seed 001 (explain why you can't make an exception); Bradley & Sparks 2009.
            # At fault the explanation is judged below instead, so no line praises an excuse.
            if not call.at_fault:
                tally.strength(turn, "you explained the reason behind the policy")
        if turn.has("refuse") and not explained:
            tally.lose(pts("bare_refusal"), turn, "you refused without giving the reason behind the policy")
        if turn.breaks_policy:
            # Ground: seed 000 (if you don't follow your own policies, why should they?).
            tally.lose(pts("policy_break"), turn, "you gave in against the policy you are there to uphold")
    if call.at_fault:
        # Ground: seed 004 (skip laying out your side if you were wrong; but
        # when stuck, lay out each side's limits and ask how they would solve
        # it fairly: limits stated together with that question are no excuse).
        for turn in call.with_acts("explain_policy"):
            if turn.has("ask_customer_solution"):
                tally.strength(turn, f"you laid out the limits and asked {call.name} how to solve it fairly")
            else:
                tally.lose(pts("explained_when_at_fault"), turn,
                           f"the business was in the wrong, so explaining policy to {call.name} sounds like an excuse")
    return tally


def channel(call: Call, rubric: Rubric) -> Tally | None:
    """How the trainee answered the complaint; a follow-up's channel is follow_up's business."""
    chosen = [t for t in call.turns if t.event.channel and not t.has("follow_up")]
    if not chosen:
        return None
    tally = Tally("channel")
    for turn in chosen:
        # Ground: seed 003 (visit > call > note > email), seed 002 (get on the phone, don't resolve by email).
        ch = turn.event.channel
        line = f"you answered {call.name} by {_LABEL[ch]}"
        if ch in ("note", "email"):
            tally.lose(rubric.points(f"reply_by_{ch}") / len(chosen), turn,
                       f"{line}; pick up the phone: a voice carries what {ch == 'email' and 'an email' or 'a note'} cannot")
        else:
            tally.strength(turn, line)
    return tally


def follow_up(call: Call, rubric: Rubric) -> Tally | None:
    planned = call.first("follow_up")
    remedy = call.first(*REMEDIES)
    if not planned and not remedy:
        return None
    tally = Tally("follow_up")
    name = call.name
    if planned:
        ch = planned.event.channel
        # Ground: seed 003 (follow up by the most personal channel: visit > call > note > email).
        if ch in ("note", "email"):
            tally.lose(rubric.points(f"follow_up_by_{ch}"), planned,
                       f"you planned to follow up by {_LABEL[ch]}; better than none, but a call or a visit shows {name} more care")
        elif ch == "visit":
            tally.strength(planned, f"you planned to follow up with {name} in person, the most personal way there is")
        elif ch == "phone":
            tally.strength(planned, f"you planned to follow up with {name} by phone")
        else:
            tally.strength(planned, f"you planned a follow-up with {name}")
    else:
        # Ground: seed 003 (follow up with another favor); LEAP (promise, follow up).
        tally.lose(rubric.points("no_follow_up"), call.turns[-1],
                   f"you planned no check-in or extra favor for {name} after the remedy", due=True)
    return tally


def composure(call: Call, rubric: Rubric) -> Tally:
    tally = Tally("composure")
    name = call.name
    for turn in call.turns:
        # Ground: seed 002 (get calm, resist defending yourself); BLAST.
        if turn.has("defend"):
            tally.lose(rubric.points("defend"), turn,
                       f"you argued back or made an excuse; stay calm and keep the focus on {name}")
            owned = call.taken_back(turn) if call.at_fault else None
            if owned:
                # Ground: blind ratings (an excuse costs more when the business was at fault); seed 004
                # (skip your side if you were wrong). Owning it later is credited, not an eraser.
                tally.lose(rubric.points("excuse_at_fault"), turn,
                           f"the business was in the wrong, so an excuse here costs more; you took it back at "
                           f"turn {owned.number}, but owning the mistake first is what {name} needed")
                tally.strength(owned, f"you took back the excuse from turn {turn.number} and owned the mistake")
        if turn.has("dismiss"):
            tally.lose(rubric.points("dismiss"), turn, f"you played down what {name} was upset about")
    if not call.with_acts("defend", "dismiss"):
        tally.strength(None, f"You stayed calm: you never argued back or played down what {name} felt")
    thanked = call.first("thank")
    if thanked:
        # Ground: BLAST, LAST, LATTE (thank the customer).
        tally.strength(thanked, f"you thanked {name} for raising the problem")
    return tally
