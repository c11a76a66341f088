"""Choices: a choice of remedies beats one remedy beats a flat no; caving is worst."""
from __future__ import annotations

from functools import partial

from scoring.call import Call, Tally
from scoring.rubric import Rubric


def judge(call: Call, rubric: Rubric) -> Tally:
    pts = partial(rubric.points, "choices")
    tally = Tally()
    name = call.name
    choice = call.first("offer_choice")
    single = call.first("offer_concession")
    refusal = call.first("refuse")

    # Ground: seed 000 (a choice between what you can give); Mattila & Cranage 2005.
    if choice:
        tally.strength(f"Turn {choice.number}: you offered {name} a choice of remedies.")
    elif single:
        tally.lose(
            pts("single_remedy"),
            f"Turn {single.number}: you offered {name} a single remedy; two or more to pick from let {name} take part in the fix",
        )
    elif refusal:
        tally.lose(pts("flat_refusal"), f"Turn {refusal.number}: you said no to {name} and offered nothing you could do instead")
    else:
        tally.lose(pts("no_remedy"), f"You never offered {name} a remedy within policy")

    # Ground: seed 000 (don't give in against your own policy).
    for turn in call.turns:
        if turn.breaks_policy:
            tally.lose(pts("cave"), f"Turn {turn.number}: you gave in against policy; offer a choice of what you can give instead")

    if choice or single:
        # Ground: seed 003 (ask if it sounds fair; a concrete concession with a date).
        fair = call.first("check_fairness")
        if fair:
            tally.strength(f"Turn {fair.number}: you asked {name} whether the offer sounded fair.")
        else:
            tally.lose(pts("no_fairness_check"), f"You never asked {name} whether your offer sounded fair")
    commitment = call.first("concrete_commitment")
    if commitment:
        tally.strength(f"Turn {commitment.number}: you named a specific date, time or deliverable.")
    elif choice or single:
        tally.lose(pts("no_commitment"), f"Your offer to {name} named no date, time or deliverable; make it concrete")

    # Ground: seed 004 (ask how they would solve it fairly); Roggeveen, Tsiros & Grewal 2012.
    own_fix = call.first("ask_customer_solution")
    if own_fix:
        tally.win(pts("customer_solution"), f"Turn {own_fix.number}: you asked {name} how to solve it fairly.")
    return tally
