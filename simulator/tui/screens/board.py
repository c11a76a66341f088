"""The coach's board: the room live, from the store alone (read-only), each finished call's debrief on Enter."""
from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from simulator.serve.board import HEADINGS, IN_CALL, Seat, room, summary, table
from simulator.store import SessionStore, StoreError
from simulator.tui.screens.debrief import DebriefScreen

REFRESH_S = 1.0

HELP = """\
Every call started in the last hours, read from the session store: those in
progress first (which turn, the customer's mood), then the finished ones with
their score. The board refreshes every second as calls are saved; it never
writes anything.

Enter opens the highlighted finished call's debrief; Escape comes back."""


def open_store() -> SessionStore:
    return SessionStore.default(read_only=True)


class BoardScreen(Screen):
    CSS_PATH = "board.tcss"
    AUTO_FOCUS = "#board"
    HELP = HELP
    BINDINGS = [
        Binding("enter", "debrief", "Debrief", priority=True),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, *, hours: float = 12, store_factory: Callable[[], SessionStore] = open_store) -> None:
        super().__init__()
        self.hours = hours
        self.store_factory = store_factory
        self.seats: list[Seat] = []
        self._store: SessionStore | None = None

    def compose(self) -> ComposeResult:
        yield Static("hearout: the room", classes="title-bar")
        yield Static("Reading the session store...", id="board-summary", markup=False)
        board = DataTable(id="board", cursor_type="row", zebra_stripes=True)
        board.add_columns(*HEADINGS)
        yield board
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_board()
        self.set_interval(REFRESH_S, self.refresh_board)

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    def refresh_board(self) -> None:
        try:
            if self._store is None or not self.seats:  # a store with nothing yet is opened again: it may have begun
                if self._store is not None:
                    self._store.close()
                self._store = self.store_factory()
            seats = room(self._store, hours=self.hours)
        except StoreError as exc:
            self.query_one("#board-summary", Static).update(f"Cannot read the session store: {exc}")
            return
        self.show(seats)

    def show(self, seats: list[Seat]) -> None:
        board = self.query_one(DataTable)
        current = self.current
        self.seats = seats
        board.clear()
        for seat, row in zip(seats, table(seats)):
            style = "bold" if seat.state == IN_CALL else ""  # Text, not markup: names are shown as typed
            board.add_row(*(Text(cell, style=style) for cell in row), key=str(seat.id))
        if current is not None:
            for index, seat in enumerate(seats):
                if seat.id == current.id:
                    board.move_cursor(row=index, animate=False)
        text = summary(seats) if seats else f"No calls in the last {self.hours:g} hours yet."
        self.query_one("#board-summary", Static).update(text)

    @property
    def current(self) -> Seat | None:
        board = self.query_one(DataTable)
        index = board.cursor_row
        return self.seats[index] if self.seats and 0 <= index < len(self.seats) else None

    def action_debrief(self) -> None:
        from scoring import score
        from scoring.transcript import Transcript, TranscriptError
        from simulator.engine.builtin import load_builtin
        from simulator.engine.problems import ScenarioError

        seat = self.current
        if seat is None:
            return
        if not seat.finished:
            self.notify(f"{seat.trainee} is still in this call.", markup=False)
            return
        if not seat.builtin:
            self.notify("This call used a scenario file, not a built-in one: its debrief needs that file "
                        "(hearout score on its transcript).", markup=False, severity="warning")
            return
        try:
            transcript = Transcript.from_dict(self._store.transcript(seat.id))
            scenario = load_builtin(seat.scenario_id)
        except (StoreError, KeyError, TranscriptError, ScenarioError) as exc:
            self.notify(f"Cannot open this call's debrief: {exc}", markup=False, severity="error")
            return
        self.app.push_screen(SavedDebrief(scenario, transcript, score(transcript), seat.trainee))

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()


class SavedDebrief(DebriefScreen):
    """A saved call's debrief as the coach reads it: no retry from here, Escape back to the board."""

    def __init__(self, scenario, transcript, card, trainee: str) -> None:
        super().__init__(scenario, transcript, card)
        self.sub_title = trainee

    def on_mount(self) -> None:
        title = self.query_one(".title-bar", Static)
        title.update(Content.assemble("Debrief: ", self.scenario.title, " · ", self.transcript.trainee))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if action == "again" else True
