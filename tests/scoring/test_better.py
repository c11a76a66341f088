"""Better here: on each costly turn, the best move that was on offer, judged by the same rules."""
from __future__ import annotations

from scoring import score
from scoring.better import Offered, better_here
from scoring.transcript import Transcript
from scoring_builder import call, move, wait
from simulator.engine import play_moves
from simulator.engine.builtin import load_builtin
from simulator.engine.coaching import offered_moves, with_better


def _index(t: Transcript, turn: int) -> int:
    return score(t).verdict(turn).event


def test_the_best_offered_move_and_the_authors_note_come_with_a_costly_turn():
    t = call(wait(heard=1), wait(heard=2), move("empathize open_question"), move("refuse", key="no", text="No."),
             move("offer_choice concrete_commitment check_fairness", key="two"))
    offered = {_index(t, 2): (Offered("no", "No.", ("refuse",), feedback="A bare no shuts the door."),
                              Offered("cave", "Fine, have it all.", ("cave",), policy_break=True),
                              Offered("two", "Two ways to fix it: A or B, by Friday.", ("offer_choice", "concrete_commitment")))}
    card = better_here(t, score(t), offered)
    better = card.verdict(2).better
    assert better.move == "two" and "choice" in better.why
    assert better.feedback == "A bare no shuts the door."
    assert card.verdict(1).better is None and card.verdict(3).better is None
    assert card.to_dict()["turns"][1]["better"]["move"] == "two"


def test_keeping_quiet_is_better_than_cutting_in():
    t = call(move("apologize", heard=1, key="sorry"), move("offer_choice concrete_commitment", node="offer", heard=1, of=1))
    card = better_here(t, score(t), {_index(t, 1): (Offered("sorry", "Sorry!", ("apologize",)),)})
    assert card.verdict(1).better.move == "wait" and "finish" in card.verdict(1).better.why


def test_nothing_better_on_offer_says_nothing():
    t = call(move("refuse", key="no"))
    card = better_here(t, score(t), {_index(t, 1): (Offered("no", "No.", ("refuse",)),
                                                     Offered("worse", "No, and you're wrong.", ("refuse", "defend")))})
    assert card.verdict(1).better is None


def test_built_in_calls_get_a_better_move_at_each_costly_turn():
    sc = load_builtin("print-shop-parting")
    moves = "wait,wait,wait,how-spotted,wait,reflect,sorry-and-why,rules-are-rules,wait,cool-down,offer-and-limits,part-well"
    t = play_moves(sc, moves.split(","), seed=3)
    card = with_better(sc, t, score(t))
    refusal = next(v for v in card.turns if v.move == "rules-are-rules")
    assert refusal.cost and refusal.better.move == "two-options"
    lawn = load_builtin("lawn-missed-mow")
    t = play_moves(lawn, ["wait", "quick-sorry", "listening-now"], seed=0)
    assert with_better(lawn, t, score(t)).verdict(1).better.move == "wait"
    # a move offered only once its fact is told is not offered earlier
    assert "ask-more" not in {o.key for o in offered_moves(lawn, t)[score(t).verdict(1).event]}


def test_the_start_mood_travels_with_the_transcript():
    t = play_moves(load_builtin("lawn-missed-mow"), ["wait"], seed=0)
    assert t.start_mood == 30
    again = Transcript.from_dict(t.to_dict())
    assert again.start_mood == 30 and again == t
    old = t.to_dict()
    del old["start_mood"]
    assert Transcript.from_dict(old).start_mood is None


def test_giving_in_against_policy_is_never_the_better_move():
    # Turn 2 (an apology after the story was cut short) costs; refunding the whole season would
    # cost less on that turn alone, but a cave is never what a coach suggests (seed 000).
    lawn = load_builtin("lawn-missed-mow")
    moves = "wait,wait,rain-delay,drop-excuse,choice-of-extras,pin-it-down".split(",")
    t = play_moves(lawn, moves, seed=0)
    card = with_better(lawn, t, score(t))
    assert card.verdict(2).cost
    assert all(v.better is None or v.better.move != "refund-season" for v in card.turns)
