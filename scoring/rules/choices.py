"""Choices: a concrete choice of remedies beats one remedy beats a flat no; handing off resolves nothing."""
from __future__ import annotations

from scoring.call import REMEDIES, Call, Tally, Turn
from scoring.rubric import Rubric

_OFFERS = ("offer_choice", "offer_concession")


def judge(call: Call, rubric: Rubric) -> Tally:
    pts = rubric.points
    tally = Tally("choices")
    name = call.name
    choice = call.first("offer_choice")
    single = call.first("offer_concession")
    refusals = call.with_acts("refuse")

    # Ground: seed 000 (a choice between what you can give); Mattila & Cranage 2005.
    # A cave is no remedy within policy: the policy skill and its band charge it.
    base = None  # the refusal the base charge already names
    asked, agreed = _worked_out(call)
    if choice:
        tally.strength(choice, f"you offered {name} a choice of remedies")
    elif agreed:
        # Ground: Roggeveen, Tsiros & Grewal 2012 (working out the fix with the customer can stand in
        # for compensation); seed 004 (ask how they would solve it fairly). The customer took part.
        tally.strength(agreed, f"you worked the fix out with {name}: you asked what would be fair "
                               f"(turn {asked.number}) and committed to it")
    elif single:
        tally.lose(pts("single_remedy"), single,
                   f"you offered {name} a single remedy; two or more to pick from let {name} take part in the fix")
    elif refusals:
        base = refusals[0]
        tally.lose(pts("flat_refusal"), base, f"you said no to {name} and offered nothing you could do instead")
    else:
        tally.lose(pts("no_remedy"), call.first("cave", "escalate"), f"you never offered {name} a remedy within policy", due=True)

    for turn in call.turns:
        # Ground: seed 000 (a choice, not a flat no); seed 001 (compromise). Each no counts where it is said.
        if turn.has("refuse") and turn is not base and not turn.has(*REMEDIES):
            offered = next((t for t in call.turns[:turn.number - 1] if t.has(*_OFFERS)), None)
            if offered:
                why = f"you said no after you had offered {name} a way forward (turn {offered.number}); keep to what you can give"
            else:
                why = f"you said no to {name} with nothing instead; say what you can do"
            tally.lose(pts("refusal"), turn, why)
        # Ground: seed 003 (a concrete concession with a date).
        if turn.has(*_OFFERS) and not turn.has("concrete_commitment") and not _pinned_next(call, turn):
            tally.lose(pts("vague_offer"), turn,
                       f"your offer named no date, time or deliverable; tell {name} who does what, and when")
        # Ground: contact-centre QA (first-contact resolution).
        if turn.has("escalate"):
            tally.lose(pts("escalate"), turn,
                       f"you handed {name} to someone else instead of resolving it yourself with what policy allows")

    if choice or single or agreed:
        # Ground: seed 003 (ask if it sounds fair). Asking the customer how to solve it fairly asks it too.
        fair = call.first("check_fairness") or asked
        if fair:
            tally.strength(fair, f"you asked {name} whether the offer sounded fair")
        else:
            tally.lose(pts("no_fairness_check"), choice or agreed or single, f"you never asked {name} whether your offer sounded fair", due=True)
    remedy = call.first(*REMEDIES)
    if remedy and not call.first("apologize"):
        # Ground: Wirtz & Mattila 2004 (compensation did not rescue a recovery with no apology);
        # Customer Rage Study 2015 (an apology with the remedy doubled satisfaction). Either way.
        tally.lose(pts("remedy_without_apology"), remedy,
                   f"a remedy with no apology is worth less to {name}; a brief sorry for how it went makes the fix land",
                   due=True)
    commitment = call.first("concrete_commitment")
    if commitment:
        tally.strength(commitment, "you named a specific date, time or deliverable")

    # Ground: seed 004 (ask how they would solve it fairly); Roggeveen, Tsiros & Grewal 2012.
    own_fix = call.first("ask_customer_solution")
    if own_fix:
        tally.win(pts("customer_solution"), own_fix, f"you asked {name} how to solve it fairly")
    return tally


def _worked_out(call: Call) -> tuple[Turn | None, Turn | None]:
    """(the question, the commitment) when the trainee asked how the customer would solve it
    fairly and committed to a fix on a later turn: a remedy the customer took part in."""
    asked = call.first("ask_customer_solution")
    if asked is None:
        return None, None
    agreed = next((t for t in call.turns[asked.number:] if t.has("concrete_commitment")), None)
    return (asked, agreed) if agreed else (None, None)


def _pinned_next(call: Call, turn) -> bool:
    """A choice may leave the date to the next turn, once the customer has picked."""
    if not turn.has("offer_choice") or turn.number >= len(call.turns):
        return False
    return call.turns[turn.number].has("concrete_commitment")
