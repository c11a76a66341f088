"""Home, settings, help and quitting: the keys SPEC §5 promises on every screen."""
from __future__ import annotations

from simulator.store.settings import load_settings
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import HelpScreen, NameScreen


async def test_question_mark_opens_help_on_every_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for then in ("enter", "enter", "escape"):  # home, briefing, call
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)
            await pilot.press(then)
            await pilot.pause()
        await pilot.press("y")  # confirm hanging up
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_help_lists_the_screens_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "question_mark")
        keys = str(app.screen.query_one("#help-keys").content)
        assert "1-9" in keys and "Keep listening" in keys and "Hang up" in keys


async def test_q_quits_from_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_q_does_not_quit_during_a_call(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CallScreen)


async def test_escape_from_the_briefing_goes_back_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "easy"
        await pilot.press("escape")
        assert app.screen is app.home


async def test_the_trainee_name_is_remembered(make_app):
    app = make_app(settings=None)  # the real settings file, under the test's data dir
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the real settings load after the first frame
        assert app.settings.trainee == "tester"  # HEAROUT_TRAINEE until one is saved
        await pilot.press("n")
        assert isinstance(app.screen, NameScreen)
        await pilot.press("ctrl+u", *"alex", "enter")
        await pilot.pause()
        assert "Trainee: alex" in str(app.home.query_one("#status").content)
    assert load_settings().trainee == "alex"
    again = make_app(settings=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.press("enter", "enter", "escape", "y")
        await pilot.pause()
        assert again.screen.transcript.trainee == "alex"


async def test_pace_and_time_pressure_are_toggled_and_saved(make_app):
    app = make_app(settings=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the real settings load after the first frame
        await pilot.press("p", "t")
        await pilot.pause()
    s = load_settings()
    assert (s.pace, s.no_time_pressure) == ("fast", True)


async def test_the_home_list_shows_level_skills_and_best_score(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "escape", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        option = app.home.query_one("#scenarios").get_option_at_index(0)
        text = str(option.prompt)
    assert "The refund we can't give" in text and "●●○○○" in text
    assert "trains: listening, apology, choices" in text and "best " in text


async def test_the_command_palette_offers_the_screens_actions(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Open briefing", "Change trainee name", "Help"} <= set(titles)
        await pilot.press("enter", "enter")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Keep listening", "Hang up"} <= set(titles)


async def test_real_defaults_load_after_the_first_frame(store):
    from simulator.tui.app import build_app

    app = build_app(store=store, timers=False)  # built-in scenarios and the settings file
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the real settings load after the first frame
        assert app.home.scenarios and app.settings.trainee == "tester"
        assert app.home.query_one("#scenarios").option_count == len(app.home.scenarios)
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)


async def test_the_real_library_lists_and_opens_a_built_in_briefing(make_app):
    """With no scenarios passed in, home lists the built-ins from the index and opens one in full."""
    from simulator.engine.builtin import builtin_scenarios

    app = make_app(scenarios=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = builtin_scenarios()[0]
        assert app.cards[0] == first.card
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario == first
        await pilot.press("enter", "space", "escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.transcript.outcome == "abandoned"
        assert app.screen.transcript.scenario.id == first.id
