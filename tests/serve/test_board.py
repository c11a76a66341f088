"""The coach's board: the room from the store alone, live, read-only, each finished call's debrief on Enter."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from scoring import score
from simulator.engine import run_script
from simulator.engine.builtin import load_builtin
from simulator.store import SessionStore
from simulator.store.owner import Owner
from simulator.tui.board_app import BoardApp
from simulator.tui.screens.board import BoardScreen, SavedDebrief


def transcript(trainee: str, moves: list[str], seed: int = 1):
    return run_script(load_builtin("lawn-missed-mow"), moves, seed=seed, trainee=trainee).transcript()


def dead_owner() -> Owner:
    gone = subprocess.Popen(["true"])
    gone.wait()
    return replace(Owner.current(), pid=gone.pid)


@pytest.fixture
def room_store(_private_data_dir):
    """Three calls: Ana in a call (this process runs it), Bo finished, Cy's process died mid-call."""
    with SessionStore.default() as store:
        ana = store.begin(transcript("Ana", ["quick-sorry"]))
        bo = transcript("Bo", ["wait", "wait", "wait", "wait"], seed=2)
        bo_id = store.begin(bo)
        store.update(bo_id, bo, finished=True, score=score(bo).to_dict())
        store.begin(transcript("Cy", ["wait"], seed=3), owner=dead_owner())
        yield store, ana, score(bo).overall


def files(folder: Path) -> dict[str, str]:
    """The database and its write-ahead log (the -shm index is shared memory every SQLite reader maps)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.is_file() and not p.name.endswith("-shm")}


def rows(app) -> list[tuple[str, ...]]:
    from textual.widgets import DataTable

    table = app.screen.query_one(DataTable)
    return [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def test_the_board_shows_who_is_in_which_call_and_who_finished_with_what_score(room_store, _private_data_dir):
    store, ana, bo_score = room_store
    before = files(_private_data_dir)
    app = BoardApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        board = rows(app)
        assert board[0][:4] == ("Ana", "lawn-missed-mow", "in call", "1")
        assert {r[0]: r[2] for r in board} == {"Ana": "in call", "Bo": "abandoned", "Cy": "abandoned"}
        assert next(r for r in board if r[0] == "Bo")[5] == f"{bo_score}/100"
        assert next(r for r in board if r[0] == "Cy")[5].endswith("/100")  # a dead process's call, settled
        assert "1 trainee in a call now" in str(app.screen.query_one("#board-summary").render())
    assert files(_private_data_dir) == before  # the board never writes


async def test_the_board_follows_a_call_as_it_is_saved(room_store):
    store, ana, _ = room_store
    app = BoardApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert rows(app)[0][2] == "in call"
        done = transcript("Ana", ["quick-sorry", "wait"])
        store.update(ana, done, finished=True, score=score(done).to_dict())
        for _ in range(40):
            await pilot.pause(0.1)
            if all(r[2] != "in call" for r in rows(app)):
                break
        ana_row = next(r for r in rows(app) if r[0] == "Ana")
        assert ana_row[2] == "abandoned" and ana_row[5] == f"{score(done).overall}/100"
        assert "0 trainees in a call now" in str(app.screen.query_one("#board-summary").render())


async def test_enter_opens_a_finished_call_s_debrief_and_escape_comes_back(room_store):
    store, _, bo_score = room_store
    app = BoardApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Ana is still in her call: nothing to debrief yet
        assert isinstance(app.screen, BoardScreen)
        bo = next(i for i, r in enumerate(rows(app)) if r[0] == "Bo")
        await pilot.press(*["down"] * bo, "enter")
        assert isinstance(app.screen, SavedDebrief)
        assert f"Score: {bo_score}/100" in str(app.screen.query_one("#score").render())
        await pilot.press("r")  # no retry from a coach's debrief
        assert isinstance(app.screen, SavedDebrief)
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)


async def test_an_empty_store_says_so_and_is_not_created(_private_data_dir):
    app = BoardApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert "No calls in the last 12 hours" in str(app.screen.query_one("#board-summary").render())
    assert not _private_data_dir.exists() or not any(_private_data_dir.iterdir())


async def test_b_on_home_opens_the_board_and_a_served_trainee_has_none(make_app_real):
    from simulator.tui.served import ServedApp

    app = make_app_real()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("escape")
        assert app.screen is app.home
    served = make_app_real(cls=ServedApp)
    async with served.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        assert served.screen is served.home


@pytest.fixture
def make_app_real():
    import random

    from simulator.store.settings import Settings
    from simulator.tui.app import HearoutApp

    def make(cls=HearoutApp):
        return cls(scenarios=None, store=None, settings=Settings(trainee="coach"), clock_factory=None,
                   seed_source=lambda: random.randrange(2**31), scorer=score, timers=False)

    return make


def test_board_once_prints_the_room_for_scripts(room_store):
    out = subprocess.run([sys.executable, "-m", "simulator", "board", "--once"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("1 trainee in a call now · 2 calls finished")
    assert lines[1].split() == ["trainee", "scenario", "state", "turn", "mood", "score", "started"]
    assert lines[2].split()[:4] == ["Ana", "lawn-missed-mow", "in", "call"]


@pytest.mark.parametrize("hours", ["0", "-3", "nan", "soon"])
def test_board_refuses_a_bad_window_in_one_line(hours):
    out = subprocess.run([sys.executable, "-m", "simulator", "board", "--once", "--hours", hours],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "--hours" in out.stderr
