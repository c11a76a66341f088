"""The practice loop by keys at 80x24: history, reopened debriefs, replay, what-if, drills."""
from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable, Sparkline, Static

from simulator.engine.script import run_script
from simulator.tui.screens.compare import CompareScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.drill import DrillResultScreen, DrillScreen
from simulator.tui.screens.history import HistoryScreen
from simulator.tui.screens.home import HomeScreen
from simulator.tui.screens.replay import ReplayScreen
from simulator.tui.widgets.conversation import Conversation
from tui_helpers import CHOICE, HEAR, SEED, easy_call, pick, play_to_debrief, refund_call

from scoring import score

SIZE = (80, 24)


def texts(screen) -> list[str]:
    return [str(w.content) for w in screen.query(Static)]


def save(store, scenario, moves, trainee="tester"):
    t = run_script(scenario, moves, seed=SEED, trainee=trainee).transcript()
    sid = store.begin(t)
    store.update(sid, t, finished=True, score=score(t).to_dict())
    return t


async def test_history_lists_the_calls_and_reopens_a_debrief_identical_to_the_original(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await play_to_debrief(pilot)
        original, picture = texts(app.screen), app.export_screenshot()
        await pilot.press("escape", "h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        row = table.get_row_at(0)
        assert [c.strip() for c in row[1:4]] == ["The refund we can't…", "retained", str(store.sessions()[0].overall)]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert texts(app.screen) == original
        assert app.export_screenshot() == picture
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_history_shows_each_skills_trend_and_filters_by_scenario(make_app, store):
    save(store, refund_call(), ["quote-policy"])
    save(store, easy_call(), ["hear-more", "wait", "offer-choice"])
    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    save(store, refund_call(), ["hear-more"], trainee="someone-else")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == 3  # only this trainee's
        assert [table.get_row_at(i)[1].strip() for i in range(3)] == [
            "The refund we can't…", "An easy warm-up", "The refund we can't…"]  # newest first
        listening = [s for s in screen.query(Sparkline)][0]
        assert len(listening.data) == 3
        assert "3 calls" in str(screen.query_one("#filter").content)
        await pilot.press("f")
        assert "The refund we can't give" in str(screen.query_one("#filter").content)
        assert table.row_count == 2
        assert len(screen.query(Sparkline)[0].data) == 2
        await pilot.press("f", "f")
        assert table.row_count == 3  # all again
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_history_with_no_calls_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert "No saved calls yet for tester" in str(app.screen.query_one("#empty").content)
        await pilot.press("enter", "r")  # nothing to open: nothing happens
        assert isinstance(app.screen, HistoryScreen)


async def test_replay_steps_through_every_turn_with_its_notes(make_app, store):
    t = save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert str(screen.query_one("#position").content).startswith("Turn 1 of 2")
        said = lambda: [str(w.content) for w in screen.query_one(Conversation).query(".line")]
        assert said()[-2].startswith("You: That sounds frustrating")
        assert "turn 1" in str(screen.query_one("#notes-title").content)
        await pilot.press("right")
        await pilot.pause()
        assert str(screen.query_one("#position").content).startswith("Turn 2 of 2")
        assert said()[-1] == "Dana: The re-clean, please. Thank you."
        assert len(said()) == len([e for e in t.events if e.who == "customer" or not e.is_wait])
        await pilot.press("right")  # stays on the last turn
        assert screen.turn == 2
        await pilot.press("left", "left")
        assert screen.turn == 1


async def test_a_what_if_from_turn_two_ends_differently_and_shows_both_scorecards(make_app, store):
    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r", "right", "w")
        await pilot.pause()
        call = app.screen
        lines = [str(w.content) for w in call.query_one(Conversation).query(".line")]
        assert lines[-3].startswith("You: That sounds frustrating")  # the call so far is on screen
        assert lines[-1] == "Dana: But I found them streaked at six."
        await pick(pilot, "Fine, I'll refund you.")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.then["outcome"] == "retained" and screen.now["outcome"] == "retained"
        assert screen.now["overall"] < screen.then["overall"]
        assert [p.branched for p in screen.pairs] == [False, True]
        assert screen.pairs[1].now.move == "refund"
        totals = str(screen.query_one("#totals").content)
        assert "Then" in totals and "What if" in totals
        assert len(store.sessions()) == 1  # a what-if is not saved
        await pilot.press("escape")
        assert isinstance(app.screen, ReplayScreen)


async def test_a_what_if_can_change_the_ending(make_app, store):
    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r", "w")  # from turn 1
        await pilot.pause()
        await pick(pilot, "Our policy doesn't allow refunds after the service.")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.now["outcome"] == "churned" != app.screen.then["outcome"]


async def test_drill_picks_the_weakest_skills_scenario_never_the_last_and_shows_before_and_after(make_app, store):
    easy = replace(easy_call(), skills=("listening", "choices"))
    save(store, easy, ["hear-more", "wait", "offer-choice"])
    save(store, refund_call(), ["quote-policy"])  # weak everywhere, and played last
    app = make_app(scenarios=[refund_call(), easy])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        drill = app.screen.drill
        assert drill.scenario_id == "easy"  # refund-refused trains more, but was just played
        assert "weakest skill" in str(app.screen.query_one("#reason").content)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the briefing: take the call
        await pilot.pause()
        await pilot.press("space", "space")
        await pick(pilot, HEAR)
        await pilot.press("space")
        await pick(pilot, CHOICE)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DrillResultScreen)
        result = str(app.screen.query_one("#result").content)
        assert result.startswith(drill.skill.capitalize()) and f"{drill.level} before" in result
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)


async def test_escape_from_the_drill_offer_goes_back_home(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen)
        assert "No scored calls yet" in app.screen.drill.reason
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_coach_pause_stops_the_customer_mid_call_and_resumes_where_it_was(make_app, store):
    from simulator.tui.screens.call import CallScreen
    from simulator.tui.screens.coach import CoachPauseScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        call = app.screen
        assert isinstance(call, CallScreen)
        heard = call.session.heard
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CoachPauseScreen)
        await pilot.press("1", "2")  # the trainee's keys do nothing while the coach talks
        assert call.session.heard == heard and not [e for e in call.session.events if e.who == "trainee"]
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is call
        await pilot.press("space")
        await pilot.pause()
        assert call.session.heard == heard + 1


async def test_coach_mode_is_remembered_and_starts_with_no_time_pressure(make_app):
    from simulator.store.settings import Settings, load_settings

    app = make_app(settings=Settings(trainee="tester", pace="normal", no_time_pressure=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.settings.coach_mode and app.settings.no_time_pressure
        assert "Coach mode" in str(app.home.query_one("#status").content)
        assert load_settings().coach_mode


async def test_a_tracks_progress_on_home_updates_after_a_passing_call(make_app, store):
    from simulator.practice.tracks import Step, Track
    from simulator.tui.screens.briefing import BriefingScreen

    track = Track("week-one", "Week one", (Step("refund-refused", 50), Step("easy", 60)))
    store.assign("tester", track.to_dict(), by="coach")
    store.assign("someone-else", track.to_dict())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = lambda: str(app.home.query_one("#assignment").content)
        assert line().startswith("Track: Week one: 0 of 2 passed. Next: The refund we can't give (pass 50).")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "refund-refused"
        await pilot.press("escape")
        await pilot.pause()
        await play_to_debrief(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert line().startswith("Track: Week one: 1 of 2 passed. Next: An easy warm-up (pass 60).")


async def test_home_shows_no_track_line_without_an_assignment(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.home.query_one("#assignment").display
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_coach_comment_appears_in_the_trainees_debrief_replay_and_history(make_app, store):
    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    [row] = store.sessions()
    store.review(row.id, "Lovely open question.", turn=1, coach="sam")
    store.review(row.id, "The choice came late.", skill="choices", score=70, coach="sam")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cells = [c.strip() for c in table.get_row_at(0)]
        assert cells[3].endswith("*") and "70*" in cells  # reviewed, and the coach's choices score
        assert "* coach notes" in str(app.screen.query_one("#filter").content)
        await pilot.press("enter")
        await pilot.pause()
        shown = texts(app.screen)
        assert "From your coach" in shown
        assert "Turn 1 (sam): Lovely open question." in shown
        assert any(t.startswith("choices: ") and "computed, 70 by your coach (sam): The choice came late." in t
                   for t in shown)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert any("coach (sam): Lovely open question." in t for t in texts(app.screen))


async def test_question_mark_opens_help_on_the_practice_screens(make_app, store):
    from simulator.tui.screens.dialogs import HelpScreen

    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for keys, title in [(["h"], "History"), (["r"], "Replay"), (["w", "1", "space", "1", "enter"], "Compare")]:
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert f"Help: {title}" in [str(w.content) for w in app.screen.query(Static)]
            await pilot.press("escape")
            await pilot.pause()


async def test_in_coach_mode_m_pins_a_comment_to_a_replayed_turn_that_the_debrief_shows(make_app, store):
    from simulator.store.settings import Settings
    from simulator.tui.screens.coach import CommentScreen

    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app(settings=Settings(trainee="tester", no_time_pressure=True, coach_mode=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r", "right", "m")
        await pilot.pause()
        assert isinstance(app.screen, CommentScreen)
        await pilot.press(*"Offer the choice sooner.", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert any("coach: Offer the choice sooner." in t for t in texts(app.screen))
        [review] = store.reviews()
        assert (review.turn, review.text) == (2, "Offer the choice sooner.")
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert "Turn 2: Offer the choice sooner." in texts(app.screen)


async def test_outside_coach_mode_m_does_nothing_in_a_replay(make_app, store):
    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r", "m")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen) and not store.reviews()


async def test_up_and_down_scroll_a_replay_turns_notes(make_app, store):
    from textual.containers import VerticalScroll

    save(store, refund_call(), ["wait", "wait", "hear-more", "wait", "offer-choice"])
    [row] = store.sessions()
    for n in range(8):
        store.review(row.id, f"Note {n} on this turn.", turn=1)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h", "r")
        await pilot.pause()
        notes = app.screen.query_one("#notes", VerticalScroll)
        assert notes.max_scroll_y > 0 and notes.scroll_y == 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert notes.scroll_y == 2
        await pilot.press("up")
        await pilot.pause()
        assert notes.scroll_y == 1
