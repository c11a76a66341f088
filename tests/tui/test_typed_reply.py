"""Typing a reply in your own words during a call (`/`, issue 16)."""
from __future__ import annotations

import subprocess
import sys

from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import ConfirmScreen
from simulator.tui.widgets.moves_list import MovesList
from simulator.tui.widgets.reply_box import ReplyBox
from tui_helpers import CHOICE, HEAR, pick, start_call


def trainee_events(store) -> list[dict]:
    [row] = store.sessions()
    return [e for e in store.transcript(row.id)["events"] if e["who"] == "trainee"]


async def type_reply(pilot, text: str) -> None:
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*text)  # every character, digits and spaces included
    await pilot.press("enter")
    await pilot.pause()


def status(app) -> str:
    return str(app.screen.query_one("#understood").render())


async def test_a_paraphrase_takes_the_move_it_means(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space", "space")
        await type_reply(pilot, "oh no, tell me what went wrong? 2 things")
        assert "Understood as: That sounds frustrating. Tell me what happened?" in status(app)
        assert not app.screen.query_one(ReplyBox).display
    last = trainee_events(store)[-1]
    assert (last["move"], last["typed"]) == ("hear-more", "oh no, tell me what went wrong? 2 things")
    assert [e["move"] for e in trainee_events(store)] == ["wait", "wait", "hear-more"]  # digits/space typed, not picked


async def test_gibberish_asks_did_you_mean_and_takes_nothing_until_a_pick(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await type_reply(pilot, "asdf qwer zxcv")
        moves = app.screen.query_one(MovesList)
        assert moves.note.startswith("Did you mean")
        assert len(moves.choices) == 3 and set(moves.choices) >= {HEAR}
        assert trainee_events(store) == []  # nothing said yet
        await pick(pilot, HEAR)
    last = trainee_events(store)[-1]
    assert (last["move"], last["typed"]) == ("hear-more", "asdf qwer zxcv")


async def test_escape_in_did_you_mean_shows_all_moves_again_without_hanging_up(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await type_reply(pilot, "asdf qwer zxcv")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.screen.query_one(MovesList).note == ""
        assert len(app.screen.query_one(MovesList).choices) == 3  # the node's own three moves, in their order
        assert app.screen.query_one(MovesList).choices == tuple(m.say for m in app.screen._shown)


async def test_escape_closes_the_box_without_hanging_up(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("slash", "1", "space")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen) and not app.screen.session.over
        assert not app.screen.query_one(ReplyBox).display
        assert store.sessions() == [] or trainee_events(store) == []
        await pilot.press("escape")  # the box is closed: Escape is the call's again
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_empty_reply_does_nothing(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await type_reply(pilot, "   ")
        assert app.screen.query_one(MovesList).note == ""
        assert store.sessions() == [] or trainee_events(store) == []


async def test_the_debrief_shows_what_was_typed(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space", "space")
        await type_reply(pilot, "oh no, tell me what went wrong?")
        await pilot.press("space")
        await pick(pilot, CHOICE)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert 'you typed: "oh no, tell me what went wrong?"' in text


async def test_reply_box_at_60x20(make_app, store):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await start_call(pilot)
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one(ReplyBox)
        assert box.has_focus and box.region.height > 0 and box.region.right <= 60


def test_the_call_screen_does_not_load_the_matcher():
    code = ("import sys, simulator.tui.app, simulator.tui.screens.call; "
            "print(any(m.startswith('simulator.understand') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_snapshot_reply_box_open(snap_compare, make_app):
    async def play(pilot):
        await pilot.pause()
        await pilot.press("enter", "enter", "space", "slash")
        await pilot.press(*"sorry, what happened?")

    assert snap_compare(make_app(), run_before=play, terminal_size=(80, 24))
