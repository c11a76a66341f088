"""Issue 12 in the UI: names typed into the dialog or planted in settings, a tampered catalog cache."""
from __future__ import annotations

import json

import pytest
from textual.widgets import Input

from simulator.store.settings import load_settings
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import NameScreen


@pytest.mark.parametrize("name, reason", [
    ("=cmd|' /C calc'!A0", "must not start with '='"),
    ("@SUM(A1)", "must not start with '@'"),
    ("\x1b]0;PWNED\x07\x1b[2Jevil", "control or formatting character U+001B"),
    ("a\u202eb", "control or formatting character U+202E"),
])
async def test_the_name_dialog_refuses_what_the_command_line_refuses(make_app, _private_data_dir, name, reason):
    app = make_app(settings=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, NameScreen)
        app.screen.query_one(Input).value = name  # as a paste would put it there
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)  # still open: the name was not taken
        assert any(reason in n.message for n in app._notifications)
        await pilot.press("escape")
        assert "Trainee: tester" in str(app.home.query_one("#status").content)
    assert not (_private_data_dir / "settings.json").exists()


@pytest.mark.parametrize("stored", ['"\\u001b]0;PWNED\\u0007\\u001b[2J"', '"\\ud800"', '"=1+1"', '"x\\u2028y"'])
async def test_a_planted_name_in_settings_is_never_shown_or_used(make_app, _private_data_dir, stored):
    _private_data_dir.mkdir(parents=True)
    (_private_data_dir / "settings.json").write_text('{"trainee": %s, "pace": "slow"}' % stored)
    app = make_app(settings=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = str(app.home.query_one("#status").content)
        assert "Trainee: tester" in status and "Pace: slow" in status
        await pilot.press("enter", "enter", "escape", "y")  # the call starts and ends: no crash
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen) and app.screen.transcript.trainee == "tester"
    assert load_settings().trainee == "tester"


async def test_escape_codes_in_the_cached_catalog_never_reach_the_screen(make_app, _private_data_dir):
    from simulator.engine.catalog import builtin_cards

    _private_data_dir.mkdir(parents=True)
    index = _private_data_dir / "catalog.json"
    builtin_cards(index)
    data = json.loads(index.read_text())
    entry = next(iter(data["files"].values()))
    real_title = entry["title"]
    entry["title"] = "\x1b[2J\x1b]0;PWNED\x07" + real_title  # the file's hash still matches: only the card lies
    index.write_text(json.dumps(data))
    app = make_app(scenarios=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [card.title for card in app.cards]
        assert real_title in titles and not any("\x1b" in t or "PWNED" in t for t in titles)
    assert "PWNED" not in index.read_text()  # the bad cache was rebuilt
