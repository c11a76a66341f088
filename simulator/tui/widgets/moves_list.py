"""The trainee's numbered moves. It shows them; the screen decides what a pick does.

Digits reach only moves 1..9, so the list also keeps a highlight that the
arrow keys move and Enter says: every move can be chosen by keyboard, however
many a node has.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class MoveRow(Horizontal):
    """The number in its own column, so a long move wraps under its text, not its number."""

    def __init__(self, number: int, text: str, *, highlighted: bool = False) -> None:
        super().__init__(classes="move -highlighted" if highlighted else "move")
        self.number = number
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble((f"{self.number:>2} ", "bold reverse")), classes="move-key")
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
    highlighted: reactive[int | None] = reactive(None)  # a move's number, from 1

    def compose(self) -> ComposeResult:
        if self.note:
            yield Static(self.note, classes="moves-note", markup=False)
        for number, text in enumerate(self.choices, start=1):
            yield MoveRow(number, text, highlighted=number == self.highlighted)

    def watch_choices(self) -> None:
        self.highlighted = None  # new moves: nothing is picked for the trainee

    def step(self, delta: int) -> None:
        """Move the highlight by `delta` rows, wrapping; the first press lands on an end."""
        if not self.choices:
            return
        if self.highlighted is None:
            self.highlighted = 1 if delta > 0 else len(self.choices)
        else:
            self.highlighted = (self.highlighted - 1 + delta) % len(self.choices) + 1

    def watch_highlighted(self, highlighted: int | None) -> None:
        # A class on the rows, not a recompose: an arrow press should not rebuild the list.
        for row in self.query(MoveRow):
            row.set_class(row.number == highlighted, "-highlighted")
            if row.number == highlighted:
                # The list scrolls when a node has more moves than fit: keep the highlight in view.
                row.scroll_visible(animate=False)
