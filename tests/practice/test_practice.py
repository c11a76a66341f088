"""History, drills, replay and what-if over real saved sessions of the built-in scenarios."""
from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone

import pytest

from scoring import score
from simulator.engine.builtin import load_builtin
from simulator.engine.catalog import builtin_cards
from simulator.engine.clock import ManualClock
from simulator.engine.model import ScenarioCard
from simulator.engine.script import run_script
from simulator.practice.drill import Drill, before_after, choose_drill, skill_levels
from simulator.practice.history import Attempt, attempts, only_scenario, progress
from simulator.practice.replay import ReplayError, rebuild, turns
from simulator.practice.whatif import cost, pair_skills, pair_turns
from simulator.store.owner import Owner
from simulator.store.sessions import SessionStore

LAWN_GOOD = "wait,wait,wait,ask-more,wait,own-it,choice-of-extras,commit,thank-and-visit"
LAWN_ESCALATED = "wait,wait,wait,next-tuesday,get-manager"
GROOMING_CAVE = "wait,wait,wait,refund-now"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path):
    s = SessionStore(tmp_path / "sessions.db")
    yield s
    s.close()


def save(store, scenario_id, moves, *, trainee="kim", day=0, seed=3):
    session = run_script(load_builtin(scenario_id), moves.split(","), seed=seed, trainee=trainee,
                         started_at=T0 + timedelta(days=day))
    t = session.transcript()
    sid = store.begin(t)
    store.update(sid, t, finished=True, score=score(t).to_dict())
    return sid, t


def attempt(scenario_id, day, **skills):
    return Attempt(day, f"2026-11-{day:02d}T09:00:00Z", scenario_id, scenario_id, "resolved", 50, skills)


def test_history_lists_the_trainees_sessions_with_their_saved_skill_scores(store):
    save(store, "lawn-missed-mow", LAWN_ESCALATED, day=0)
    save(store, "lawn-missed-mow", LAWN_GOOD, day=1)
    save(store, "grooming-refund", GROOMING_CAVE, day=2)
    save(store, "lawn-missed-mow", LAWN_GOOD, trainee="someone-else", day=3)

    found = attempts(store, "kim")
    assert [(a.scenario_id, a.outcome) for a in found] == [
        ("lawn-missed-mow", "escalated"), ("lawn-missed-mow", "retained"), ("grooming-refund", "resolved")]
    assert found[0].date == "2026-11-01 09:00"
    assert found[1].skills["listening"] == store.score(found[1].id)["skills"]["listening"]["score"]
    assert [a.scenario_id for a in only_scenario(found, "grooming-refund")] == ["grooming-refund"]

    listening = progress(found)["listening"]
    assert listening.first == found[0].skills["listening"]
    assert listening.latest == found[2].skills["listening"]
    assert listening.best == max(listening.series)
    assert listening.lift == listening.latest - listening.first


def test_a_call_left_in_progress_shows_abandoned_and_unscored_and_history_writes_nothing(store):
    session = run_script(load_builtin("lawn-missed-mow"), ["wait"], seed=3, trainee="kim")
    store.begin(session.transcript(), owner=Owner(socket.gethostname(), 2**22 + 7, "never"))  # no such process
    found = attempts(store, "kim")
    assert [(a.outcome, a.overall, dict(a.skills)) for a in found] == [("abandoned", None, {})]
    assert store.sessions("kim")[0].outcome is None  # only shown so, not recorded


def test_the_weakest_skill_recency_weighted_picks_a_scenario_that_trains_it():
    found = [
        attempt("lawn-missed-mow", 1, listening=90, apology=20, choices=80),  # old weak apology
        attempt("grooming-refund", 2, listening=40, apology=95, choices=85),
        attempt("kennel-vaccine-rule", 3, listening=45, apology=90, choices=90),
    ]
    levels = skill_levels(found)
    assert min(levels, key=levels.get) == "listening"  # apology's 20 is old; listening is weak lately
    drill = choose_drill(found, builtin_cards())
    assert drill.skill == "listening"
    assert drill.scenario_id != "kennel-vaccine-rule"  # never the one just played
    assert "Listening is your weakest skill" in drill.reason
    assert "'" in drill.reason and drill.title in drill.reason


def test_a_drill_goes_where_the_skill_went_worst_and_skips_the_call_just_played():
    found = [
        attempt("garage-invoice-facts", 1, policy=10, listening=90),
        attempt("grooming-refund", 2, policy=40, listening=90),
    ]
    drill = choose_drill(found, builtin_cards())
    assert drill.skill == "policy"
    assert drill.scenario_id == "garage-invoice-facts"  # worst policy, and grooming was just played
    assert "you scored 10 on it there" in drill.reason


def test_a_skill_only_the_last_call_trains_gives_way_to_the_next_weakest():
    cards = [ScenarioCard("print-shop", "Print shop", difficulty=5, skills=("listening", "composure")),
             ScenarioCard("lawn", "Lawn", difficulty=1, skills=("listening", "apology")),
             ScenarioCard("garage", "Garage", difficulty=3, skills=("policy",))]
    found = [attempt("print-shop", 1, composure=10, listening=50)]
    drill = choose_drill(found, cards)  # only print-shop trains composure, and it was just played
    assert (drill.skill, drill.level, drill.scenario_id) == ("listening", 50, "lawn")


def test_with_nothing_scored_the_drill_is_the_easiest_call():
    drill = choose_drill([], builtin_cards())
    assert drill.skill is None and drill.scenario_id == "lawn-missed-mow"
    assert "No scored calls yet" in drill.reason


def test_before_and_after_names_the_skill_and_the_change():
    drill = Drill("lawn-missed-mow", "The lawn", "apology", 42, "")
    assert before_after(drill, {"skills": {"apology": {"score": 70}}}) == (
        "Apology: 42 before (your recent average), 70 in this call (+28).")
    assert "nothing to judge" in before_after(drill, {"skills": {"apology": {"score": None}}})


def test_replay_splits_the_call_into_turns_and_rebuilds_it_exactly(store):
    _, t = save(store, "lawn-missed-mow", LAWN_GOOD)
    found = turns(t)
    assert [x.move for x in found] == ["ask-more", "own-it", "choice-of-extras", "commit", "thank-and-visit"]
    assert all(x.reply for x in found)  # the customer answers every move
    assert found[0].heard[0].text == t.events[0].text
    whole = rebuild(load_builtin("lawn-missed-mow"), t)
    assert whole.transcript().events == t.events  # same lines, same timings
    at_two = rebuild(load_builtin("lawn-missed-mow"), t, turn=2)
    assert not at_two.over
    assert [e.move for e in at_two.transcript().events if e.who == "trainee" and not e.is_wait] == ["ask-more"]
    assert "own-it" in [m.key for m in at_two.moves()]


def test_turn_notes_come_from_the_scorecards_turns():
    t = run_script(load_builtin("lawn-missed-mow"), LAWN_ESCALATED.split(","), seed=3, trainee="kim").transcript()
    first = turns(t)[0]
    card = {"turns": [{"turn": 1, "event": first.event, "move": first.move,
                       "notes": [{"skill": "listening", "points": -10, "text": "Too soon."}]}]}
    noted = turns(t, card)[0]
    assert [(n.skill, n.points, n.text) for n in noted.notes] == [("listening", -10, "Too soon.")]
    assert cost(noted) == -10


def test_a_changed_scenario_is_refused_rather_than_replayed_wrongly(store):
    _, t = save(store, "lawn-missed-mow", LAWN_GOOD)
    with pytest.raises(ReplayError, match="changed"):
        rebuild(load_builtin("grooming-refund"), t, turn=2)


def test_a_what_if_from_turn_two_plays_on_live_and_pairs_both_calls_turn_by_turn(store):
    lawn = load_builtin("lawn-missed-mow")
    _, then = save(store, "lawn-missed-mow", LAWN_GOOD)
    live = rebuild(lawn, then, turn=2, clock=ManualClock)
    for key in ["get-manager"] if "get-manager" in live.valid_keys() else []:
        live.choose(key)
    while not live.over:
        live.choose([k for k in live.valid_keys() if k != "wait"][-1])
    now = live.transcript()
    assert now.outcome != then.outcome
    assert now.events[:turns(then)[1].event] == then.events[:turns(then)[1].event]
    then_card, now_card = score(then).to_dict(), score(now).to_dict()
    pairs = pair_turns(turns(then, then_card), turns(now, now_card), branch=2)
    assert pairs[0].same and pairs[0].then.move == pairs[0].now.move == "ask-more"
    assert pairs[1].branched and pairs[1].then.move != pairs[1].now.move
    assert [p.skill for p in pair_skills(then_card, now_card)][:3] == ["listening", "apology", "choices"]


def test_a_saved_score_comes_back_as_the_same_scorecard(store):
    from simulator.practice.saved import scorecard

    sid, t = save(store, "lawn-missed-mow", "wait,quick-sorry,rain-delay,wait,refund-season")
    original = score(t)
    back = scorecard(store.score(sid))
    assert back.to_dict() == original.to_dict()
    assert back.caps == original.caps and back.turns[0].better == original.turns[0].better
