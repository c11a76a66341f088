"""The second set of GROUNDS calibration targets (the score as a coach reads it)
and the blind ratings, each as an ordering between two calls that differ only in
the behaviour concerned, plus a negative note on the turn that did it."""
from __future__ import annotations

import pytest

from scoring import score
from scoring_builder import call, move, wait

# Hear the story out, ask, reflect, one apology, a choice, fairness, a date, a follow-up call.
HEARD = (wait(heard=1, of=4), wait(heard=2, of=4), wait(heard=3, of=4), move("empathize open_question", heard=4, of=4),
         wait(node="details", heard=1, of=2))
ASKED = move("paraphrase", node="details", heard=2, of=2)
SORRY = move("apologize", node="heard", heard=1, of=1, text="I'm sorry this happened.")
SORRY_OWN = move("apologize own_mistake", node="heard", heard=1, of=1, text="I'm sorry, this one is on us.")
CHOICE = move("offer_choice check_fairness", node="offer", heard=1, of=1)
PINNED = move("concrete_commitment", node="picks", heard=1, of=1)
FOLLOW = move("thank follow_up", node="wrap-up", heard=1, of=1, channel="phone")
CLEAN = (*HEARD, ASKED, SORRY, CHOICE, PINNED, FOLLOW)


def card(*moves, **kw):
    return score(call(*moves, **kw))


def overall(*moves, **kw) -> int:
    return card(*moves, **kw).overall


def clean(at_fault: bool = False) -> tuple:
    return (*HEARD, ASKED, SORRY_OWN if at_fault else SORRY, CHOICE, PINNED, FOLLOW)


def costs_on(c, turn: int) -> list:
    v = c.verdict(turn)
    return [n for n in v.notes if n.cost] if v else []


def turn_of(moves, index: int) -> int:
    """The turn number of moves[index] (waits are not turns)."""
    return sum(1 for m in moves[:index + 1] if m["move"] != "wait")


def test_the_clean_call_scores_near_the_top():
    for at_fault in (False, True):
        c = card(*clean(at_fault), at_fault=at_fault)
        assert c.overall >= 95 and c.caps == ()
        assert not any(t.cost for t in c.turns)


# --- a mistake costs at its turn, and a later good move does not erase it -----------

@pytest.mark.parametrize("mistake, where", [
    (move("refuse", node="offer", heard=1, of=1, key="rules-are-rules"), 8),  # after an explanation and a choice
    (move("defend", node="offer", heard=1, of=1, key="late-excuse"), 8),
    (move("dismiss", node="offer", heard=1, of=1, key="brush-off"), 8),
])
def test_a_late_mistake_is_charged_at_its_turn_even_after_good_moves(mistake, where):
    base = (*HEARD, ASKED, move("apologize explain_policy", node="heard", heard=1, of=1), CHOICE)
    moves = (*base, mistake, PINNED, FOLLOW)
    good, bad = card(*base, PINNED, FOLLOW), card(*moves)
    assert bad.overall < good.overall
    turn = turn_of(moves, where)
    assert bad.verdict(turn).move == mistake["move"]
    assert costs_on(bad, turn), "the mistake shows on its own turn"
    # the recovery is still credited
    assert any(n.points >= 0 and "date" in n.text for n in bad.verdict(turn + 1).notes)


def test_a_refusal_after_a_choice_costs_more_than_a_point_and_names_the_choice():
    moves = (*clean()[:8], move("refuse", node="offer", heard=1, of=1), PINNED, FOLLOW)
    c = card(*moves)
    assert overall(*clean()) - c.overall >= 5
    [note] = [n for n in costs_on(c, turn_of(moves, 8)) if n.skill == "choices"]
    assert "after you had offered" in note.text


# --- graded, not cliffs -----------------------------------------------------------

def _excuse_then_recovery(heard: int) -> tuple:
    waits = tuple(wait(heard=h, of=4) for h in range(1, heard))
    return (*waits, move("defend", heard=heard, of=4), move("empathize open_question", node="calmer", heard=1, of=1),
            wait(node="details", heard=1, of=2), ASKED, SORRY, CHOICE, PINNED, FOLLOW)


def test_one_excuse_before_the_story_then_a_full_recovery_is_graded():
    cave = overall(*HEARD, ASKED, SORRY, move("cave check_fairness concrete_commitment", node="offer", heard=1, of=1,
                                              policy_break=True), FOLLOW)
    scores = [card(*_excuse_then_recovery(h)) for h in (1, 2, 3)]
    for c in scores:
        assert cave < c.overall <= overall(*CLEAN) - 15
        assert not any("no listening" in r for r in c.caps)
    assert scores[0].overall <= scores[1].overall <= scores[2].overall
    assert scores[2].overall - scores[1].overall < 15, "one beat apart is no cliff"


def test_an_early_cut_in_fully_recovered_scores_40_to_55():
    c = card(*_excuse_then_recovery(1))
    assert 40 <= c.overall <= 55
    assert costs_on(c, 1)


def test_no_listening_caps_only_a_call_that_never_let_the_customer_finish():
    never = (move("empathize open_question", heard=1), move("paraphrase apologize", node="more", heard=1, of=2),
             move("offer_choice check_fairness concrete_commitment", node="deal", heard=1, of=2))
    assert any("no listening" in r for r in card(*never).caps)
    assert card(*never).overall <= 30
    once = (move("empathize open_question", heard=1), move("paraphrase apologize", node="more", heard=2, of=2),
            move("offer_choice check_fairness concrete_commitment", node="deal", heard=1, of=2))
    assert not any("no listening" in r for r in card(*once).caps)


# --- apologies ----------------------------------------------------------------------

def _sorries(*texts: str) -> int:
    replies = [move("apologize", node="heard", heard=1, of=1, text=t) for t in texts]
    return overall(*HEARD, ASKED, *replies, CHOICE, PINNED, FOLLOW)


def test_one_apology_is_best_a_second_costs_a_little_three_cost_clearly():
    one = _sorries("I'm sorry.")
    two = _sorries("I'm sorry.", "Really, I'm sorry.")
    three = _sorries("I'm sorry.", "I'm sorry.", "Sorry again.")
    assert 1 <= one - two <= 4
    assert two - three >= 4 and one - three >= 6


def test_several_sorries_in_one_reply_count_as_several():
    grovel = "Again, I'm so sorry, we're terrible, I'm so sorry."
    assert _sorries("I'm sorry.", grovel) < _sorries("I'm sorry.", "I'm sorry.")
    moves = (*HEARD, ASKED, SORRY, CHOICE, move("apologize", node="picks", heard=1, of=1, text=grovel), FOLLOW)
    c = card(*moves)
    assert any(n.skill == "apology" and "twice in this reply" in n.text for n in costs_on(c, turn_of(moves, 8)))


def test_taking_the_blame_when_not_at_fault_costs():
    falsely = card(*HEARD, ASKED, SORRY_OWN, CHOICE, PINNED, FOLLOW, at_fault=False)
    assert falsely.overall < overall(*CLEAN)
    assert any("not at fault" in n.text for n in costs_on(falsely, 3))
    assert not any("blame that wasn't yours" in s for s in falsely.skills["apology"].strengths)


# --- escalation, follow-up, silence, reflection, abandoning ------------------------------

def test_escalating_a_call_that_could_be_resolved_costs_clearly():
    moves = (*HEARD, ASKED, SORRY, CHOICE, move("escalate", node="picks", heard=1, of=1))
    escalated = card(*moves, outcome="escalated")
    assert overall(*CLEAN) - escalated.overall >= 15
    assert any("handed" in n.text for n in costs_on(escalated, 5))
    early = card(move("escalate", heard=1, of=4), outcome="escalated")
    assert early.overall <= 40


def test_follow_up_by_email_is_weaker_than_a_call_or_visit_and_better_than_none():
    def with_follow(ch):
        return overall(*HEARD, ASKED, SORRY, CHOICE, PINNED, move("thank follow_up", node="wrap-up", heard=1, of=1,
                                                                   channel=ch))
    none = overall(*HEARD, ASKED, SORRY, CHOICE, PINNED, move("thank", node="wrap-up", heard=1, of=1))
    assert with_follow("visit") >= with_follow("phone") > with_follow("note") > with_follow("email") > none


def test_silence_after_the_customer_finished_costs_a_little_each_time():
    def silent(n: int):
        hang = tuple(wait(node="details", heard=2, of=2) for _ in range(n))
        events = call(*HEARD, *hang, ASKED, SORRY, CHOICE, PINNED, FOLLOW).to_dict()
        # the builder does not say silence lines: add one after each wait past the end
        out, waits = [], 0
        for e in events["events"]:
            out.append(e)
            if e.get("move") == "wait" and e["node"] == "details" and e["heard"] == 2:
                waits += 1
                out.append({"who": "customer", "node": "details", "beat": None, "of": 2, "silence": True,
                            "text": "Hello? Are you there?", "t_ms": e["t_ms"]})
        events["events"] = out
        from scoring.transcript import Transcript
        return score(Transcript.from_dict(events))
    zero, one, three = silent(0), silent(1), silent(3)
    assert zero.overall > one.overall > three.overall
    assert 1 <= zero.overall - one.overall <= 3
    assert any("silence" in n.text for n in costs_on(one, 2))
    assert not any("keep talking" in s and "5 times" in s for s in three.skills["listening"].strengths)


def test_listening_without_a_paraphrase_tops_out_below_full_marks():
    empathic = move("empathize", node="details", heard=2, of=2)
    without = card(*HEARD, empathic, SORRY, CHOICE, PINNED, FOLLOW)
    assert without.skills["listening"].score < 100 == card(*CLEAN).skills["listening"].score
    assert without.overall < overall(*CLEAN)


def test_hanging_up_mid_call_scores_at_most_30_and_below_a_finished_call_that_listened():
    started = (*HEARD, ASKED, SORRY)
    abandoned = card(*started, outcome="abandoned")
    assert abandoned.overall <= 30
    finished_badly = overall(*HEARD, ASKED, move("refuse explain_policy", node="heard", heard=1, of=1), outcome="churned")
    assert abandoned.overall < finished_badly


# --- blind ratings ----------------------------------------------------------------------

@pytest.mark.parametrize("where", ["early", "late"])
def test_defending_when_the_business_was_at_fault_is_the_gravest_error(where):
    # Never taken back: no own_mistake after it (the early excuse is followed by a plain sorry).
    excuse = move("defend", heard=1, of=4) if where == "early" else move("defend", node="offer", heard=1, of=1)
    moves = (excuse, *clean()) if where == "early" else (*clean(True)[:7], excuse, *clean(True)[7:])
    c = card(*moves, at_fault=True)
    assert 2 <= c.overall <= 7
    assert any(n.skill == "overall" for n in costs_on(c, 1 if where == "early" else turn_of(moves, 7)))


# An excuse at fault that a later turn takes back by owning the mistake is an excuse, not blame.
LATE_EXCUSE = move("defend", node="details", heard=2, of=2)
OWNED = move("own_mistake", node="heard", heard=1, of=1, text="You're right, no excuses: that was our mistake.")


def test_an_excuse_taken_back_at_fault_is_graded_not_banded():
    moves = (*HEARD, ASKED, LATE_EXCUSE, SORRY_OWN, CHOICE, PINNED, FOLLOW)
    taken_back = card(*moves, at_fault=True)
    never = card(*HEARD, ASKED, LATE_EXCUSE, SORRY, CHOICE, PINNED, FOLLOW, at_fault=True)
    clean_at_fault = overall(*clean(True), at_fault=True)
    assert 2 <= never.overall <= 7
    assert never.overall + 20 <= taken_back.overall <= clean_at_fault - 25, "clearly costly, but graded"
    assert taken_back.caps == ()
    excuse_turn = turn_of(moves, 6)
    assert excuse_turn == 3
    assert any(n.skill == "composure" and "took it back at turn 4" in n.text for n in costs_on(taken_back, excuse_turn))
    # the recovery is credited on its own turn, and does not delete the charge
    assert any(n.points >= 0 and "took back the excuse from turn 3" in n.text for n in taken_back.verdict(4).notes)


@pytest.mark.parametrize("owned", [SORRY_OWN, OWNED], ids=["with-apology", "without"])
def test_an_excuse_costs_more_at_fault_than_not_even_when_taken_back(owned):
    at_fault = overall(*clean(True), at_fault=True) - overall(
        *HEARD, ASKED, LATE_EXCUSE, owned, SORRY, CHOICE, PINNED, FOLLOW, at_fault=True)
    not_at_fault = overall(*CLEAN) - overall(*HEARD, ASKED, LATE_EXCUSE, SORRY, CHOICE, PINNED, FOLLOW)
    assert at_fault > not_at_fault >= 18


def test_owning_it_in_the_same_reply_does_not_take_an_excuse_back():
    both = move("defend own_mistake", node="details", heard=2, of=2)
    c = card(*HEARD, ASKED, both, SORRY, CHOICE, PINNED, FOLLOW, at_fault=True)
    assert 2 <= c.overall <= 7


def test_refusing_when_the_business_was_at_fault_is_nearly_as_grave():
    moves = (*clean(True)[:7], move("refuse", node="offer", heard=1, of=1), *clean(True)[7:])
    c = card(*moves, at_fault=True)
    assert 4 <= c.overall <= 10


def test_stonewalling_scores_8_to_17_even_after_listening_fully():
    moves = (*HEARD, ASKED, move("refuse", node="heard", heard=1, of=1), move("refuse", node="again", heard=1, of=1))
    c = card(*moves, outcome="churned")
    assert 8 <= c.overall <= 17
    assert any("only answer was no" in r for r in c.caps)


def test_caving_scores_15_to_40_lower_when_fast_and_unheard():
    cave = move("cave", node="offer", heard=1, of=1, policy_break=True)
    good = card(*HEARD, ASKED, SORRY, cave, FOLLOW)
    fast = card(move("cave", heard=1, of=4, policy_break=True))
    assert 30 <= good.overall <= 40
    assert 15 <= fast.overall <= 22 < good.overall
    assert any(n.skill == "overall" for n in costs_on(good, 4))


@pytest.mark.parametrize("acts", ["defend", "explain_policy defend"])
def test_an_excuse_after_the_story_costs_about_20_to_25(acts):
    excuse = move(acts, node="details", heard=2, of=2)
    moves = (*HEARD, ASKED, excuse, SORRY, CHOICE, PINNED, FOLLOW)
    lost = overall(*CLEAN) - overall(*moves)
    assert 18 <= lost <= 27


@pytest.mark.parametrize("at_fault", [True, False])
def test_no_apology_a_vague_remedy_and_email_keep_a_call_near_40(at_fault):
    vague = move("offer_concession", node="offer", heard=1, of=1, channel="email")
    moves = (*HEARD, move("empathize", node="details", heard=2, of=2), vague,
             move("follow_up", node="wrap-up", heard=1, of=1, channel="email"))
    c = card(*moves, at_fault=at_fault, outcome="retained")
    assert 33 <= c.overall <= 48
    notes = costs_on(c, 3)
    assert any(n.skill == "apology" and "never apologized" in n.text for n in notes)
    assert any(n.skill == "choices" and "no apology" in n.text for n in notes)
    # with one apology for how it went, the same call is clearly better
    sorry = move("apologize", node="details", heard=2, of=2, text="I'm sorry for how this went.")
    assert overall(*HEARD, sorry, vague, moves[-1], at_fault=at_fault) - c.overall >= 15 if not at_fault else True


def test_keeping_the_customer_by_caving_earns_nothing_parting_well_is_a_model_call():
    cave = move("cave", node="offer", heard=1, of=1, policy_break=True)
    kept = overall(*HEARD, ASKED, SORRY, cave, FOLLOW, outcome="retained")
    lost = overall(*HEARD, ASKED, SORRY, cave, FOLLOW, outcome="churned")
    assert kept == lost <= 40
    parting = (*HEARD, ASKED, move("apologize explain_policy", node="heard", heard=1, of=1), CHOICE, PINNED,
               move("explain_policy part_ways thank", node="part", heard=1, of=1))
    assert overall(*parting, outcome="parted") >= 90


# --- working the fix out with the customer (seed 004; Roggeveen, Tsiros & Grewal 2012) ----

ASK_FAIR = move("explain_policy ask_customer_solution", node="offer", heard=1, of=1)
AGREED = move("concrete_commitment check_fairness", node="picks", heard=1, of=1)


def test_a_fix_worked_out_with_the_customer_is_a_remedy_as_good_as_a_choice():
    worked_out = card(*HEARD, ASKED, SORRY, ASK_FAIR, AGREED, FOLLOW)
    single = card(*HEARD, ASKED, SORRY, move("offer_concession check_fairness", node="offer", heard=1, of=1),
                  AGREED, FOLLOW)
    assert worked_out.overall >= overall(*CLEAN) - 2
    assert worked_out.overall > single.overall
    assert worked_out.skills["choices"].score == 100
    choices = [n for v in worked_out.turns for n in v.notes if n.skill == "choices"]
    assert not any(n.cost for n in choices), "no 'never offered a remedy', no 'single remedy'"
    assert any("worked the fix out" in n.text and "turn 4" in n.text for n in worked_out.verdict(5).notes)


def test_asking_how_to_solve_it_without_committing_to_anything_is_no_remedy():
    asked_only = card(*HEARD, ASKED, SORRY, ASK_FAIR, FOLLOW)
    assert asked_only.overall < card(*HEARD, ASKED, SORRY, ASK_FAIR, AGREED, FOLLOW).overall
    assert any("never offered" in e for e in asked_only.skills["choices"].evidence)


def test_the_question_counts_as_asking_whether_it_is_fair():
    plain = move("concrete_commitment", node="picks", heard=1, of=1)
    c = card(*HEARD, ASKED, SORRY, ASK_FAIR, plain, FOLLOW)
    assert not any("sounded fair" in n.text and n.cost for v in c.turns for n in v.notes)
