"""`hearout board` on its own: the coach's board as the whole app."""
from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from simulator.tui.screens.board import BoardScreen


class BoardApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "hearout board"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, hours: float = 12) -> None:
        super().__init__()
        self.hours = hours

    def get_default_screen(self) -> Screen:
        return BoardScreen(hours=self.hours)


def run(hours: float = 12) -> int:
    app = BoardApp(hours)
    app.run()
    return app.return_code or 0
