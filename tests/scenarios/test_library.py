"""The built-in scenario library plays as designed.

Every file loads without a single problem and has the shape a library
scenario needs. Its best path (hear the story out, one apology, a choice, a
commitment) scores at least 90 and reaches the intended ending. Its worst
path (cut in on beat 1, defend, dismiss, refuse, cave) scores at most 30.
Replays with other seeds sound different.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from scoring import format_scorecard, score
from simulator.engine import play_moves
from simulator.engine.loader import check_scenario_text, load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
FILES = {p.stem: p for p in sorted(SCENARIOS.glob("*.yaml"))}

# For each scenario: the best path (with the waits that hear each story out)
# and the outcome it reaches, then the worst path. Authors: add yours here
# (docs/authoring.md, section 7).
PATHS: dict[str, dict[str, tuple[list[str], str]]] = {
    "lawn-missed-mow": {
        "best": (["wait", "wait", "wait", "ask-more", "wait", "own-it", "choice-of-extras", "commit",
                  "thank-and-visit"], "retained"),
        "worst": (["rain-delay", "hoa-not-us", "wait", "no-season-refunds", "refund-season"], "resolved"),
    },
    "grooming-refund": {
        "best": (["wait", "wait", "ask-what-happened", "wait", "reflect", "apologize", "reason-and-choice",
                  "commit-friday", "thank-and-call"], "retained"),
        "worst": (["ticket-says", "its-just-fur"], "churned"),
    },
    "kennel-vaccine-rule": {
        "best": (["wait", "wait", "wait", "what-did-it-say", "wait", "reflect", "sorry-and-why", "wait", "two-ways",
                  "book-it", "thank-and-photo"], "retained"),
        "worst": (["no-proof-no-stay", "overreacting"], "churned"),
    },
    "garage-invoice-facts": {
        "best": (["wait", "wait", "walk-me-through", "wait", "reflect", "ask-household", "wait", "lay-it-out", "wait",
                  "not-silly-choice", "commit-part", "thank-and-call"], "retained"),
        "worst": (["you-approved", "nothing-unusual"], "churned"),
    },
    "anniversary-email": {
        "best": (["wait", "wait", "wait", "call-her", "wait", "wait", "reflect", "own-it", "choose-remedy",
                  "set-the-date", "thank-and-greet"], "retained"),
        "worst": (["reply-explain", "reply-not-unusual"], "churned"),
    },
    "fridge-repair-dates": {
        "best": (["wait", "wait", "ask-more", "wait", "reflect", "own-it", "dates", "food-and-choice", "i-will-call",
                  "thank-her"], "retained"),
        "worst": (["supply-chain", "it-will-come"], "churned"),
    },
    "airline-cancelled-trip": {
        "best": (["wait", "wait", "what-did-it-say", "wait", "reflect", "sorry-and-who-does-what", "two-routes",
                  "commit", "thank-and-call"], "retained"),
        "worst": (["not-our-fault", "only-a-day"], "churned"),
    },
    "wine-club-fairness": {
        "best": (["wait", "wait", "wait", "what-stings", "wait", "reflect", "sorry-and-reason", "ask-fair",
                  "panel-or-lena", "pin-and-thank"], "retained"),
        "worst": (["it-was-announced", "your-problem"], "churned"),
    },
    "print-shop-parting": {
        "best": (["wait", "wait", "wait", "how-spotted", "wait", "reflect", "sorry-and-why", "two-options", "wait",
                  "honest-limits", "part-well"], "parted"),
        "worst": (["you-signed", "wait", "free-reprint"], "resolved"),
    },
    "movers-table-standoff": {
        "best": (["wait", "wait", "wait", "about-the-table", "wait", "reflect", "own-it", "limits-and-ask", "wait",
                  "restore-choice", "commit", "thank-and-visit"], "resolved"),
        "worst": (["coverage-chosen", "wait", "pay-it"], "resolved"),
    },
    "coffee-pump-promise": {
        "best": (["wait", "wait", "wait", "reflect", "own-it", "two-options", "confirm-fair", "visit-later"],
                 "retained"),
        "worst": (["back-order", "wait", "back-order", "manager-call"], "escalated"),
    },
    "bike-shop-bad-day": {
        "best": (["wait", "wait", "wait", "hear-day", "wait", "lay-out", "wait", "choices", "confirm",
                  "call-tomorrow"], "retained"),
        "worst": (["calm-down", "suit-yourself"], "churned"),
    },
    "tutoring-late-fee": {
        "best": (["wait", "wait", "wait", "reflect", "sorry-handling", "wait", "explain", "wait", "choice", "agree",
                  "call-after"], "retained"),
        "worst": (["contract", "contract", "stand-firm"], "churned"),
    },
    "bakery-review": {
        "best": (["wait", "wait", "prepare-then-call", "wait", "wait", "wait", "facts-and-sorry", "wait", "choices",
                  "confirm", "visit-with-cupcakes"], "retained"),
        "worst": (["reply-now", "wait", "reply-again"], "churned"),
    },
}

IDS = sorted(FILES)


def _scenario(sid: str):
    return load_scenario(FILES[sid])


def _explain(transcript) -> str:
    return format_scorecard(score(transcript), transcript)


# --- the library as a whole ------------------------------------------------------


def test_library_has_at_least_ten_scenarios():
    assert len(FILES) >= 10, sorted(FILES)


def test_every_scenario_has_its_paths_written_down():
    assert sorted(PATHS) == IDS


def test_difficulties_cover_one_to_five():
    assert {_scenario(sid).difficulty for sid in IDS} >= {1, 2, 3, 4, 5}


def test_the_library_trains_every_skill():
    trained = {skill for sid in IDS for skill in _scenario(sid).skills}
    assert trained >= {"listening", "apology", "choices", "policy", "channel", "follow_up", "composure"}


# --- each file ---------------------------------------------------------------------


@pytest.mark.parametrize("sid", IDS)
def test_loads_without_any_problem(sid):
    path = FILES[sid]
    scenario, problems = check_scenario_text(path.read_bytes(), str(path))
    assert scenario is not None and not problems, "\n".join(str(p) for p in problems)
    assert scenario.id == sid


@pytest.mark.parametrize("sid", IDS)
def test_has_the_shape_of_a_library_scenario(sid):
    sc = _scenario(sid)
    nodes = sc.nodes.values()
    assert len(sc.nodes) >= 8
    assert len({n.end for n in nodes if n.is_end}) >= 3
    assert sc.node(sc.start).story_ends >= 2, "the opening story needs at least 2 beats"
    assert any(beat.varies for n in nodes for beat in n.beats), "no one_of anywhere"
    assert any(b.when is not None for n in nodes for m in n.moves for b in m.branches), "no guard anywhere"
    assert all(len(n.moves) >= 3 for n in nodes if not n.is_end), "every open node offers a real choice"
    assert sc.summary and sc.briefing.text and sc.briefing.policy and sc.briefing.can_offer


@pytest.mark.parametrize("sid", IDS)
def test_every_ending_can_be_reached(sid):
    sc = _scenario(sid)
    seen, todo = {sc.start}, [sc.start]
    while todo:
        for move in sc.node(todo.pop()).moves:
            for branch in move.branches:
                if branch.to not in seen:
                    seen.add(branch.to)
                    todo.append(branch.to)
    assert seen == set(sc.nodes)


# --- how each one plays --------------------------------------------------------------


@pytest.mark.parametrize("sid", IDS)
def test_best_path_scores_at_least_90(sid):
    moves, outcome = PATHS[sid]["best"]
    t = play_moves(_scenario(sid), moves, seed=0)
    assert t.outcome == outcome
    assert score(t).overall >= 90, _explain(t)


@pytest.mark.parametrize("sid", IDS)
def test_best_path_hears_every_story_out_and_apologizes_once(sid):
    sc = _scenario(sid)
    t = play_moves(sc, PATHS[sid]["best"][0], seed=0)
    moves = t.trainee_moves
    assert not [m.move for m in moves if m.interrupted]
    assert sum("apologize" in m.acts for m in moves) == 1
    owned = any("own_mistake" in m.acts for m in moves)
    assert owned == sc.briefing.at_fault, "own the mistake exactly when the business was wrong"
    assert not any(m.policy_break or "cave" in m.acts for m in moves)


@pytest.mark.parametrize("sid", IDS)
def test_worst_path_scores_at_most_30(sid):
    moves, outcome = PATHS[sid]["worst"]
    t = play_moves(_scenario(sid), moves, seed=0)
    assert t.outcome == outcome
    first = t.trainee_moves[0]
    assert first.interrupted and first.heard == 1, "the worst path cuts in on beat 1"
    assert score(t).overall <= 30, _explain(t)


@pytest.mark.parametrize("sid", IDS)
def test_replays_with_other_seeds_sound_different(sid):
    sc = _scenario(sid)
    moves = PATHS[sid]["best"][0]
    lines = {
        tuple(e.text for e in play_moves(sc, moves, seed=seed).events if e.who == "customer")
        for seed in range(4)
    }
    assert len(lines) >= 2
