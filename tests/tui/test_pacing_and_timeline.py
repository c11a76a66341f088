"""The customer's pace, the mood's words, and the debrief's notes: pure functions."""
from __future__ import annotations

import random

from scoring import score
from simulator.engine import play_moves
from simulator.store.settings import Settings
from simulator.tui.mood import BANDS, mood_face, mood_label
from simulator.tui.pacing import beat_delay_ms, display_order, silence_delay_ms
from simulator.tui.screens.call import CallScreen
from simulator.tui.timeline import annotate
from tui_helpers import refund_call


def test_a_longer_beat_stays_longer_and_pace_scales_it():
    short, long = "No.", "I had guests that evening and I was embarrassed in front of all of them."
    assert beat_delay_ms(long, "normal") > beat_delay_ms(short, "normal")
    assert beat_delay_ms(long, "slow") > beat_delay_ms(long, "normal") > beat_delay_ms(long, "fast")
    assert silence_delay_ms("normal") > beat_delay_ms(long, "normal")


def test_display_order_is_a_seeded_shuffle():
    keys = list("abcdefg")
    assert display_order(keys, random.Random(3)) == display_order(keys, random.Random(3))
    assert sorted(display_order(keys, random.Random(3))) == keys
    assert len({tuple(display_order(keys, random.Random(n))) for n in range(10)}) > 1


def test_every_mood_has_a_word_and_a_face():
    labels = [mood_label(m) for m in range(101)]
    assert labels[0] == "furious" and labels[50] == "neutral" and labels[100] == "delighted"
    assert {mood_face(m) for m in range(101)} == {face for _, _, face in BANDS}


def test_the_timeline_renders_the_scorecards_turns_and_the_mood():
    t = play_moves(refund_call(), ["sorry", "wait", "offer-choice"], seed=1)
    card = score(t)
    entries = annotate(t, card)
    moves = [e for e in entries if e.who == "trainee"]
    assert len(moves) == len(card.turns)
    for entry, verdict in zip(moves, card.turns):
        shown = [n.text for n in entry.notes]
        for note in verdict.notes:
            assert any(note.text in line for line in shown)
    sorry = [n.text for n in moves[0].notes]
    assert any(line.startswith("apology -30: You apologized after 1 of 3 beats") for line in sorry)
    assert "mood 25 -> 28 (up 3)" in sorry
    # nothing says the later apology came after the story: it was cut short at turn 1
    assert not any("after hearing the story" in n.text or "finished the story" in n.text
                   for n in moves[1].notes if n.tone == "good")
    assert [e.who for e in entries][-1] == "end" and "retained" in entries[-1].text


def test_a_silence_line_is_shown_and_charged_on_the_next_turn():
    t = play_moves(refund_call(), ["wait", "wait", "wait", "hear-more"], seed=1)
    entries = annotate(t, score(t))
    [silence] = [e for e in entries if e.who == "silence"]
    assert silence.text == "Hello? Are you still there?" and not silence.notes
    [reply] = [e for e in entries if e.who == "trainee"]
    assert any("silence" in n.text and n.tone == "warn" for n in reply.notes)


async def test_with_time_pressure_beats_then_one_silence_come_on_their_own(make_app, store):
    app = make_app(timers=True, settings=Settings(trainee="tester", pace="fast", no_time_pressure=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        call = app.screen
        assert isinstance(call, CallScreen)
        # Fire the pending timers by hand: no test waits on the wall clock.
        for _ in range(3):
            assert call._timer is not None
            call._timer.stop()
            call._beat_due()
        assert call._timer is None  # the silence line is said once, then the customer waits
        said = [e for e in call.session.events if e.who == "customer"]
        assert [e.beat for e in said] == [1, 2, 3, None]
        await pilot.pause()
    moves = [e["move"] for e in store.transcript(store.sessions()[0].id)["events"] if e["who"] == "trainee"]
    assert moves == ["wait", "wait", "wait"]  # auto-advancing is recorded as listening


async def test_no_time_pressure_schedules_nothing(make_app):
    app = make_app(timers=True)  # settings from make_app: no_time_pressure=True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen._timer is None


async def test_the_customer_waits_while_help_is_open(make_app):
    app = make_app(timers=True, settings=Settings(trainee="tester", pace="normal", no_time_pressure=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        call = app.screen
        assert call._timer is not None
        await pilot.press("question_mark")
        await pilot.pause()
        assert call._timer is None
        await pilot.press("escape")
        await pilot.pause()
        assert call._timer is not None


def test_a_typed_reply_is_shown_beside_the_move_it_was_read_as():
    from simulator.engine import Session

    session = Session(refund_call(), seed=1, trainee="tester")
    session.choose("sorry", typed="im so sory")
    t = session.transcript()
    [move] = [e for e in annotate(t, score(t)) if e.who == "trainee"]
    assert move.text == refund_call().node(refund_call().start).move("sorry").say
    assert move.notes[0].text == 'you typed: "im so sory" (read as this reply)'
