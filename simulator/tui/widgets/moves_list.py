"""The trainee's numbered moves. It shows them; the screen decides what a pick does."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class MoveRow(Horizontal):
    """The number in its own column, so a long move wraps under its text, not its number."""

    def __init__(self, number: int, text: str) -> None:
        super().__init__(classes="move")
        self.number = number
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble((f" {self.number} ", "bold reverse")), classes="move-key")
        yield Static(Content(self.text), classes="move-text")

    def on_click(self) -> None:
        self.post_message(MovesList.Picked(self.number))


class MovesList(Vertical):
    class Picked(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    choices: reactive[tuple[str, ...]] = reactive((), recompose=True)
    note: reactive[str] = reactive("", recompose=True)

    def compose(self) -> ComposeResult:
        if self.note:
            yield Static(self.note, classes="moves-note")
        for number, text in enumerate(self.choices, start=1):
            yield MoveRow(number, text)
