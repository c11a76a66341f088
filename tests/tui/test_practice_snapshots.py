"""What history and the what-if comparison look like at 80x24, with fixed dates and stand-in scores."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from simulator.engine.script import run_script
from tui_helpers import SEED, easy_call, pick, refund_call

SIZE = (80, 24)
T0 = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)


def fixed_score(transcript) -> dict:
    """A stand-in score with per-turn notes, so a change to the rubric does not redraw these snapshots."""
    moves = [(i, e) for i, e in enumerate(transcript.events) if e.who == "trainee" and not e.is_wait]
    turns, listening, policy = [], 90, None
    for n, (i, e) in enumerate(moves, start=1):
        notes = []
        if e.interrupted:
            notes.append({"skill": "listening", "points": -20, "text": f"You cut in at beat {e.heard} of {e.of}."})
            listening -= 20
        if e.policy_break:
            notes.append({"skill": "policy", "points": -60, "text": "You gave a refund policy forbids."})
            policy = 40
        if "offer_choice" in e.acts:
            notes.append({"skill": "choices", "points": 0, "text": "You offered a choice of remedies."})
        turns.append({"turn": n, "event": i, "move": e.move, "notes": notes})
    choices = 100 if any("offer_choice" in e.acts for _, e in moves) else 30
    overall = (listening + choices + (policy if policy is not None else 100)) // 3
    skill = lambda s: {"score": s, "weight": 0.3, "evidence": [], "strengths": []}
    return {"overall": overall, "outcome": transcript.outcome,
            "skills": {"listening": skill(listening), "apology": skill(None), "choices": skill(choices),
                       "policy": skill(policy)},
            "caps": [], "turns": turns}


def fixed_scorer(transcript):
    d = fixed_score(transcript)
    return SimpleNamespace(overall=d["overall"], outcome=d["outcome"], skills={}, caps=(), to_dict=lambda: d)


def seed_history(store):
    calls = [(refund_call(), ["quote-policy"]), (easy_call(), ["hear-more", "wait", "offer-choice"]),
             (refund_call(), ["wait", "hear-more", "refund"]),
             (refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])]
    for day, (scenario, moves) in enumerate(calls):
        t = run_script(scenario, moves, seed=SEED, trainee="tester", started_at=T0 + timedelta(days=day)).transcript()
        sid = store.begin(t)
        store.update(sid, t, finished=True, score=fixed_score(t))
        if day == 2:  # a coach reviewed the call that caved: history marks it and shows the coach's score
            store.review(sid, "A refund is never ours to give.", skill="policy", score=10, coach="sam")


def test_history(snap_compare, make_app, store):
    seed_history(store)

    async def open_history(pilot):
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(make_app(scorer=fixed_scorer), run_before=open_history, terminal_size=SIZE)


def test_what_if_comparison(snap_compare, make_app, store):
    seed_history(store)

    async def what_if(pilot):
        await pilot.pause()
        await pilot.press("h", "r", "right", "w")  # the newest call, from its turn 2
        await pilot.pause()
        await pick(pilot, "Fine, I'll refund you.")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(scorer=fixed_scorer), run_before=what_if, terminal_size=SIZE)
