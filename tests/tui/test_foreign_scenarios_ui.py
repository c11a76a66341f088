"""The UI on scenario files and names nobody on the team wrote: markup-like text, many moves, a call over at once."""
from __future__ import annotations

from simulator.engine.loader import load_scenario_text
from simulator.store.settings import Settings
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import HelpScreen
from simulator.tui.widgets.moves_list import MoveRow, MovesList
from simulator.tui.widgets.typing import TypingIndicator
from tui_helpers import pick

MARKUP = "[/] [bold]x[/bold] $accent \\"


def scenario(moves: int = 2, start: str = "opening"):
    listed = "\n".join(
        f"      - {{key: m{n}, say: 'move {n} {MARKUP}', acts: [empathize], next: opening}}" for n in range(1, moves)
    )
    return load_scenario_text(f"""\
format: hearout/v1
id: foreign
title: '{MARKUP} title'
summary: '{MARKUP} summary'
customer: {{name: '{MARKUP}Dana Ω', mood: 0}}
briefing: {{at_fault: false, text: '{MARKUP} brief', policy: '{MARKUP}', can_offer: ['{MARKUP}']}}
start: {start}
nodes:
  opening:
    customer: ['{MARKUP} first', 'second 😀 مرحبا']
    silence: '{MARKUP} hello?'
    moves:
{listed}
      - {{key: last, say: 'the last move {MARKUP}', acts: [offer_choice], next: done}}
  done:
    customer: ['{MARKUP} bye']
    end: resolved
""", "foreign.yaml")


def shown(app) -> tuple[str, ...]:
    return app.screen.query_one(MovesList).choices


async def test_markup_like_text_is_shown_as_written_on_every_screen(make_app):
    app = make_app(scenarios=[scenario()], settings=Settings(trainee=f"{MARKUP}me", no_time_pressure=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"{MARKUP} summary" in str(app.home.query_one("#summary").render())
        assert f"Trainee: {MARKUP}me" in str(app.home.query_one("#status").render())
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert str(app.screen.query_one(TypingIndicator).render()).startswith("[/]")
        await pilot.press("space", "space", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pick(pilot, f"the last move {MARKUP}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.transcript.outcome == "resolved"


async def test_every_move_can_be_chosen_by_keyboard_even_past_nine(make_app):
    app = make_app(scenarios=[scenario(moves=12)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert len(shown(app)) == 12
        target = shown(app).index(f"the last move {MARKUP}") + 1
        await pilot.press(*["down"] * target)
        await pilot.pause()
        assert app.screen.query_one(MovesList).highlighted == target
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.over and app.screen.session.outcome == "resolved"


async def test_up_from_nothing_highlights_the_last_move_and_enter_says_it(make_app):
    app = make_app(scenarios=[scenario(moves=11)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        last = shown(app)[-1]
        await pilot.press("enter")  # nothing highlighted yet: nothing is said
        await pilot.pause()
        assert not [e for e in app.screen.session.events if getattr(e, "move", "wait") != "wait"]
        await pilot.press("up", "enter")
        await pilot.pause()
        said = [e for e in app.screen.session.events if getattr(e, "who", "") == "trainee"]
        assert said and said[-1].text == last


async def test_help_on_the_call_explains_the_arrow_keys(make_app):
    app = make_app(scenarios=[scenario(moves=11)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "question_mark")
        text = str(app.screen.query_one("#help-text").render())
        keys = str(app.screen.query_one("#help-keys").render())
        assert "arrow keys" in text and "10" in text
        assert keys.count("↑↓") == 1 and "Say the highlighted move" in keys


async def test_clicking_a_move_says_it(make_app):
    app = make_app(scenarios=[scenario(moves=3)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        row = app.screen.query(MoveRow).first()
        await pilot.click(row)
        await pilot.pause()
        said = [e for e in app.screen.session.events if getattr(e, "who", "") == "trainee"]
        assert said and said[-1].text == row.text


async def test_a_call_whose_start_is_an_end_says_so_and_opens_the_debrief(make_app):
    app = make_app(scenarios=[scenario(start="done")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen) and app.screen.session.over
        assert "The call has ended (resolved)" in app.screen.query_one(MovesList).note
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "Score: 0/100" in str(app.screen.query_one("#score").render())


async def test_small_and_large_terminals_do_not_crash(make_app):
    for size in ((40, 10), (60, 20), (120, 40)):
        app = make_app(scenarios=[scenario(moves=12)])
        async with app.run_test(size=size) as pilot:
            await pilot.press("question_mark", "escape", "enter", "enter", "space", "down", "down", "enter")
            await pilot.press("escape", "y")
            await pilot.pause()
            assert isinstance(app.screen, DebriefScreen)


async def test_a_data_folder_that_cannot_hold_sessions_is_said_on_screen(tmp_path, monkeypatch):
    from simulator.tui.app import build_app

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("HEAROUT_DATA_DIR", str(blocker))
    app = build_app(timers=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is None
        assert any("will not be saved" in n.message for n in app._notifications)
