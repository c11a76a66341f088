"""Leaving the app mid-call asks first, then saves the call as abandoned, scored, with every turn."""
from __future__ import annotations

from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.dialogs import ConfirmScreen
from tui_helpers import HEAR, pick, start_call


def trainee_moves(store, sid) -> list[str]:
    return [e["move"] for e in store.transcript(sid)["events"] if e["who"] == "trainee"]


async def test_ctrl_q_during_a_call_asks_then_saves_it_abandoned_and_scored(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space")
        await pick(pilot, HEAR)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    [row] = store.sessions()
    assert row.outcome == "abandoned" and isinstance(row.overall, int)
    assert trainee_moves(store, row.id) == ["wait", "hear-more"]


async def test_the_palettes_quit_asks_too(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"quit")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    [row] = store.sessions()
    assert row.outcome == "abandoned" and isinstance(row.overall, int)
    assert trainee_moves(store, row.id) == ["wait"]


async def test_ctrl_q_at_home_quits_without_asking(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert store.sessions() == []


async def test_a_call_that_reached_its_end_is_saved_finished_before_enter(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pick(pilot, "Our policy doesn't allow refunds after the service.")
        assert app.screen.session.outcome == "churned"
        await pilot.press("ctrl+q")  # nothing to ask: the call is over and saved
        await pilot.pause()
        assert not app.is_running
    [row] = store.sessions()
    assert row.outcome == "churned" and isinstance(row.overall, int)


async def test_the_palettes_screenshot_saves_into_the_data_folder(make_app, _private_data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        path = app.save_screen_picture()
        await pilot.pause()
    assert path is not None and path.startswith(str(_private_data_dir / "screenshots"))
    assert open(path, encoding="utf-8").read().lstrip().startswith("<svg")
