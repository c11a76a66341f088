"""The calibration targets of GROUNDS.md, each as an ordering between two calls
that differ only in the behaviour concerned, plus the absolute anchors."""
from __future__ import annotations

import pytest

from scoring import score
from scoring_builder import DREADFUL, EXEMPLARY, call, move, wait

OPENING = (wait(heard=1), wait(heard=2), move("empathize open_question"), move("paraphrase"))


def overall(*moves, **kw) -> int:
    return score(call(*moves, **kw)).overall


def skill(name, *moves, **kw) -> int | None:
    return score(call(*moves, **kw)).skills[name].score


# --- anchors -------------------------------------------------------------------

@pytest.mark.parametrize("at_fault", [False, True])
def test_exemplary_call_scores_near_the_top(at_fault):
    moves = list(EXEMPLARY)
    if at_fault:
        moves[4] = move("apologize own_mistake", node="details", heard=2, of=2)
    card = score(call(*moves, at_fault=at_fault))
    assert card.overall >= 85
    assert card.caps == ()


@pytest.mark.parametrize("at_fault", [False, True])
def test_dreadful_call_scores_near_the_bottom(at_fault):
    assert overall(*DREADFUL, at_fault=at_fault) <= 35


def test_no_apology_when_at_fault_scores_at_most_40_on_apology():
    no_sorry = (*OPENING, move("own_mistake"), move("offer_choice check_fairness concrete_commitment"))
    assert skill("apology", *no_sorry, at_fault=True) <= 40


# --- apology ---------------------------------------------------------------------

def _with_and_without_apology(at_fault: bool) -> tuple[int, int]:
    remedy = move("offer_concession concrete_commitment check_fairness")
    with_it = overall(*OPENING, move("apologize own_mistake"), remedy, at_fault=at_fault)
    without = overall(*OPENING, move("own_mistake"), remedy, at_fault=at_fault)
    return with_it, without


def test_apology_plus_remedy_beats_remedy_alone_most_of_all_when_at_fault():
    with_it, without = _with_and_without_apology(at_fault=False)
    with_fault, without_fault = _with_and_without_apology(at_fault=True)
    assert with_it - without >= 5
    assert with_fault - without_fault > with_it - without


def test_apology_before_the_story_is_finished_scores_below_the_same_after():
    early = overall(move("apologize empathize", heard=1), move("open_question"), move("offer_choice check_fairness"))
    late = overall(move("apologize empathize", heard=3), move("open_question"), move("offer_choice check_fairness"))
    assert early < late
    assert skill("apology", move("apologize", heard=1)) < skill("apology", move("apologize", heard=3))


def test_three_apologies_score_below_one():
    three = overall(*OPENING, move("apologize"), move("apologize empathize"), move("apologize offer_choice"))
    one = overall(*OPENING, move("apologize"), move("empathize"), move("offer_choice"))
    assert three < one
    assert skill("apology", *OPENING, move("apologize"), move("apologize empathize"), move("apologize offer_choice")) < \
        skill("apology", *OPENING, move("apologize"), move("empathize"), move("offer_choice"))


def test_apology_as_an_afterthought_costs_less_than_an_early_one():
    base = (*OPENING,)
    timely = skill("apology", *base, move("apologize"), move("offer_choice"))
    afterthought = skill("apology", *base, move("offer_choice"), move("apologize"))
    early = skill("apology", move("apologize", heard=1), *base, move("offer_choice"))
    assert early < afterthought < timely


# --- choices ---------------------------------------------------------------------

def _remedy(acts: str, **kw) -> int:
    return overall(*OPENING, move("apologize"), move(acts + " check_fairness concrete_commitment", **kw))


def test_choice_beats_single_remedy_beats_flat_refusal():
    choice, single, refusal = _remedy("offer_choice"), _remedy("offer_concession"), _remedy("refuse")
    assert choice > single > refusal


def test_caving_scores_below_a_choice_and_is_capped():
    choice = _remedy("offer_choice")
    caved = score(call(*OPENING, move("apologize"), move("cave check_fairness concrete_commitment")))
    broke = score(call(*OPENING, move("apologize"),
                       move("offer_concession check_fairness concrete_commitment", policy_break=True)))
    for card in (caved, broke):
        assert card.overall < choice
        assert card.overall <= 40
        assert any("against policy" in c for c in card.caps)


# --- channel, listening, composure ----------------------------------------------

@pytest.mark.parametrize("personal", ["phone", "visit"])
def test_call_or_visit_beats_email_for_the_same_move(personal):
    def with_channel(ch):
        return overall(*OPENING, move("apologize"), move("offer_choice check_fairness"),
                       move("concrete_commitment follow_up", channel=ch))
    assert with_channel(personal) > with_channel("email")


def test_interrupting_costs():
    heard = overall(move("empathize open_question", heard=3), move("apologize"), move("offer_choice"))
    cut = overall(move("empathize open_question", heard=1), move("apologize"), move("offer_choice"))
    assert cut < heard


def test_early_interruption_costs_more_than_a_late_one():
    def listening_at(heard):
        return skill("listening", move("empathize open_question", heard=heard, of=4), move("paraphrase"))
    assert listening_at(1) < listening_at(3) < listening_at(4)


@pytest.mark.parametrize("act", ["defend", "dismiss"])
def test_defending_and_dismissing_cost(act):
    calm = overall(*OPENING, move("apologize"), move("explain_policy"), move("offer_choice"))
    heated = overall(*OPENING, move("apologize"), move(f"explain_policy {act}"), move("offer_choice"))
    assert calm - heated >= 3
