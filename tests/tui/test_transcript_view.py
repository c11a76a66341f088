"""The transcript never hides what the customer just said, at 80x24 and at 60x20.

After every beat, move and silence the newest line is inside the visible part
of the transcript, unless the trainee scrolled up to re-read: then new lines
leave the view where it is, a marker says they are below, and End returns.
"""
from __future__ import annotations

import pytest

from simulator.engine.builtin import load_builtin
from simulator.engine.clock import ManualClock
from simulator.store.settings import Settings
from simulator.tui.app import build_app
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.widgets.conversation import Conversation

SIZES = [(80, 24), (60, 20)]


def app_for(scenario_id: str, store, *, timers: bool = False, no_time_pressure: bool = True):
    return build_app(scenarios=[load_builtin(scenario_id)], store=store, clock_factory=ManualClock,
                     settings=Settings(trainee="tester", no_time_pressure=no_time_pressure),
                     seed_source=lambda: 7, timers=timers)


def newest_line_visible(app) -> bool:
    log = app.screen.query_one(Conversation)
    last = log.query(".line").last()
    view = log.scrollable_content_region
    return view.y <= last.region.y and last.region.bottom <= view.bottom and last.region.height > 0


def newest_text(app) -> str:
    return str(app.screen.query_one(Conversation).query(".line").last().content)


async def take_call(pilot) -> CallScreen:
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CallScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scenario_id", ["grooming-refund", "airline-cancelled-trip", "fridge-repair-dates"])
async def test_after_every_beat_move_and_silence_the_newest_line_is_on_screen(store, size, scenario_id):
    app = app_for(scenario_id, store)
    async with app.run_test(size=size) as pilot:
        call = await take_call(pilot)
        assert newest_line_visible(app)
        steps = 0
        while not call.session.over and steps < 40:
            # Listen to the whole story and one silence, then answer with the last move shown.
            key = "space" if call.session.beats_left or steps % 3 == 0 else str(min(9, len(call._shown)))
            await pilot.press(key)
            await pilot.pause()
            steps += 1
            assert newest_line_visible(app), (size, key, newest_text(app))
        assert call.session.over and newest_line_visible(app)


@pytest.mark.parametrize("size", SIZES)
async def test_scrolled_up_the_view_stays_and_end_returns_to_the_newest_line(store, size):
    app = app_for("fridge-repair-dates", store)
    async with app.run_test(size=size) as pilot:
        call = await take_call(pilot)
        log = call.query_one(Conversation)
        for _ in range(4):  # hear the story out: ask-more is offered once the kids and the cooler are told
            await pilot.press("space")
            await pilot.pause()
        await pilot.press(str([m.key for m in call._shown].index("ask-more") + 1))  # the customer has more to say
        await pilot.pause()
        assert log.max_scroll_y > 0 and call.session.beats_left and not call.session.over
        await pilot.press("home")
        await pilot.pause()
        assert log.scroll_y == 0 and not newest_line_visible(app)
        await pilot.press("space")  # the customer goes on while the trainee re-reads
        await pilot.pause()
        assert log.scroll_y == 0, "a new line pulled the view away"
        marker = log.query_one("#new-below")
        assert marker.display and "1 new line below" in str(marker.render())
        await pilot.press("end")
        await pilot.pause()
        assert newest_line_visible(app) and not marker.display
        await pilot.press("space")  # back at the bottom: it follows again
        await pilot.pause()
        assert newest_line_visible(app)


async def test_tab_focuses_the_transcript_arrows_scroll_it_and_digits_still_answer(store):
    app = app_for("fridge-repair-dates", store)
    async with app.run_test(size=(60, 20)) as pilot:
        call = await take_call(pilot)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        log = call.query_one(Conversation)
        await pilot.press("tab")
        await pilot.pause()
        assert log.has_focus
        bottom = log.scroll_y
        await pilot.press("up", "up")
        await pilot.pause()
        assert log.scroll_y < bottom
        before = len(call.session.events)
        await pilot.press("1")
        await pilot.pause()
        assert len(call.session.events) > before and call.session.events[before].who == "trainee"
        await pilot.press("end")
        await pilot.pause()
        assert newest_line_visible(app)
        await pilot.press("tab")
        await pilot.pause()
        assert not log.has_focus


@pytest.mark.parametrize("no_time_pressure", [False, True])
async def test_the_end_of_the_call_stays_until_enter(store, no_time_pressure):
    app = app_for("grooming-refund", store, timers=True, no_time_pressure=no_time_pressure)
    async with app.run_test(size=(80, 24)) as pilot:
        call = await take_call(pilot)
        call._stop_timer()  # the test, not the clock, says when the customer goes on
        while not call.session.over:
            await pilot.press("space" if call.session.beats_left else "1")
            call._stop_timer()
            await pilot.pause()
        closing = newest_text(app)
        assert call._timer is None  # nothing is scheduled to take the trainee away
        await pilot.pause(0.3)
        assert app.screen is call and newest_line_visible(app) and newest_text(app) == closing
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
