"""Choices: a concrete choice of remedies beats one remedy beats a flat no; handing off resolves nothing."""
from __future__ import annotations

from scoring.call import REMEDIES, Call, Tally, Turn
from scoring.rules import Judge

_OFFERS = ("offer_choice", "offer_concession")


class Choices(Judge):
    skill = "choices"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.offered: Turn | None = None  # the first offer, once made
        self.first_no: Turn | None = None  # the first refusal, when it came with no remedy
        self.first_no_why = ""
        self.refused = False
        self.vague: Turn | None = None  # a choice with no date yet: the next turn may still pin it
        # What the whole-call judgment reads (see end()).
        self.choice = self.single = self.asked = self.agreed = self.fair = False
        self.remedy = self.apologized = False

    def key(self):
        return (self.tally.key(), self.refused, self.first_no is not None,
                self.vague is not None, self.choice, self.single, self.asked, self.agreed, self.fair,
                self.remedy, self.apologized)

    def turn(self, turn: Turn) -> None:
        pts, tally, name = self.pts, self.tally, self.name
        if self.vague is not None:
            if not turn.has("concrete_commitment"):
                self._vague(self.vague)
            self.vague = None
        if turn.has("refuse") and not turn.has(*REMEDIES):
            # Ground: seed 000 (a choice, not a flat no); seed 001 (compromise). Each no counts where it is said;
            # the first no is the call's flat refusal if nothing is ever offered instead (end() decides).
            if not self.refused:
                self.first_no, self.first_no_why = turn, self._why_no()
            else:
                tally.lose(pts("refusal"), turn, self._why_no())
        # Ground: seed 003 (a concrete concession with a date).
        if turn.has(*_OFFERS) and not turn.has("concrete_commitment"):
            if turn.has("offer_choice"):
                self.vague = turn  # a choice may leave the date to the next turn, once the customer has picked
            else:
                self._vague(turn)
        # Ground: contact-centre QA (first-contact resolution).
        if turn.has("escalate"):
            tally.lose(pts("escalate"), turn,
                       f"you handed {name} to someone else instead of resolving it yourself with what policy allows")
        # Ground: seed 004 (ask how they would solve it fairly); Roggeveen, Tsiros & Grewal 2012.
        if turn.has("ask_customer_solution") and not self.asked:
            tally.win(pts("customer_solution"), turn, f"you asked {name} how to solve it fairly", late=True)
        self.agreed = self.agreed or (self.asked and turn.has("concrete_commitment"))
        self.asked = self.asked or turn.has("ask_customer_solution")
        self.refused = self.refused or turn.has("refuse")
        self.offered = self.offered or (turn if turn.has(*_OFFERS) else None)
        self.choice = self.choice or turn.has("offer_choice")
        self.single = self.single or turn.has("offer_concession")
        self.fair = self.fair or turn.has("check_fairness")
        self.remedy = self.remedy or turn.has(*REMEDIES)
        self.apologized = self.apologized or turn.has("apologize")

    def _why_no(self) -> str:
        if self.offered:
            return (f"you said no after you had offered {self.name} a way forward (turn {self.offered.number}); "
                    "keep to what you can give")
        return f"you said no to {self.name} with nothing instead; say what you can do"

    def _vague(self, turn: Turn) -> None:
        self.tally.lose(self.pts("vague_offer"), turn,
                        f"your offer named no date, time or deliverable; tell {self.name} who does what, and when")

    def end(self, call: Call) -> Tally:
        pts, tally, name = self.pts, self.tally, self.name
        if self.vague is not None:
            self._vague(self.vague)
        choice = call.first("offer_choice")
        single = call.first("offer_concession")
        refusals = call.with_acts("refuse")
        # Ground: seed 000 (a choice between what you can give); Mattila & Cranage 2005.
        # A cave is no remedy within policy: the policy skill and its band charge it.
        asked, agreed = _worked_out(call)
        if choice:
            tally.strength(choice, f"you offered {name} a choice of remedies", late=True)
        elif agreed:
            # Ground: Roggeveen, Tsiros & Grewal 2012 (working out the fix with the customer can stand in
            # for compensation); seed 004 (ask how they would solve it fairly). The customer took part.
            tally.strength(agreed, f"you worked the fix out with {name}: you asked what would be fair "
                                   f"(turn {asked.number}) and committed to it", late=True)
        elif single:
            tally.lose(pts("single_remedy"), single,
                       f"you offered {name} a single remedy; two or more to pick from let {name} take part in the fix")
        elif refusals:
            # The call's one flat no, named where it was said (the first no).
            tally.lose(pts("flat_refusal"), refusals[0], f"you said no to {name} and offered nothing you could do instead")
        else:
            tally.lose(pts("no_remedy"), call.first("cave", "escalate"), f"you never offered {name} a remedy within policy", due=True)
        if self.first_no is not None and (choice or agreed or single):
            # Something was offered after all, so the first no was one no among others.
            tally.lose(pts("refusal"), self.first_no, self.first_no_why)

        if choice or single or agreed:
            # Ground: seed 003 (ask if it sounds fair). Asking the customer how to solve it fairly asks it too.
            fair = call.first("check_fairness") or asked
            if fair:
                tally.strength(fair, f"you asked {name} whether the offer sounded fair", late=True)
            else:
                tally.lose(pts("no_fairness_check"), choice or agreed or single,
                           f"you never asked {name} whether your offer sounded fair", due=True)
        remedy = call.first(*REMEDIES)
        if remedy and not call.first("apologize"):
            # Ground: Wirtz & Mattila 2004 (compensation did not rescue a recovery with no apology);
            # Customer Rage Study 2015 (an apology with the remedy doubled satisfaction). Either way.
            tally.lose(pts("remedy_without_apology"), remedy,
                       f"a remedy with no apology is worth less to {name}; a brief sorry for how it went makes the fix land",
                       due=True)
        commitment = call.first("concrete_commitment")
        if commitment:
            tally.strength(commitment, "you named a specific date, time or deliverable", late=True)
        return tally


def _worked_out(call: Call) -> tuple[Turn | None, Turn | None]:
    """(the question, the commitment) when the trainee asked how the customer would solve it
    fairly and committed to a fix on a later turn: a remedy the customer took part in."""
    asked = call.first("ask_customer_solution")
    if asked is None:
        return None, None
    agreed = next((t for t in call.turns[asked.number:] if t.has("concrete_commitment")), None)
    return (asked, agreed) if agreed else (None, None)
