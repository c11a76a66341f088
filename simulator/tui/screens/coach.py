"""Coach pause: the customer waits mid-call while a coach debriefs live, then the call goes on."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


class CoachPauseScreen(ModalScreen[None]):
    """Shown over the call; while it is up the call screen is suspended, so nothing moves."""

    CSS_PATH = "drill.tcss"
    HELP = ("The call is paused for the coach: the customer says nothing and no silence is held against "
            "you. Talk it through, then press c, Space or Escape to go on where you stopped.")
    BINDINGS = [Binding("c,space,escape", "dismiss", "Resume the call", priority=True)]

    def __init__(self, customer: str) -> None:
        super().__init__()
        self.customer = customer

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Paused for the coach", classes="dialog-title")
            yield Static(f"{self.customer} waits. Talk the call through, then go on where you stopped.",
                         id="paused", markup=False)
            yield Static("c, Space or Escape: resume the call", classes="dialog-hint")
        yield Footer()


class CommentScreen(ModalScreen[str | None]):
    """A coach's comment on one turn of a replayed call; dismissed with the text, or None."""

    CSS_PATH = "drill.tcss"
    HELP = "Type what the trainee should hear about this turn. Enter saves it, Escape cancels."
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, turn: int) -> None:
        super().__init__()
        self.turn = turn

    def compose(self) -> ComposeResult:
        from textual.widgets import Input

        with Vertical(id="dialog"):
            yield Static(f"Coach's comment on turn {self.turn}", classes="dialog-title")
            yield Input(placeholder="what the trainee should hear", max_length=500, id="comment")
            yield Static("Enter: save     Escape: cancel", classes="dialog-hint")
        yield Footer()

    def on_input_submitted(self, event) -> None:
        text = event.value.strip()
        if text:
            self.dismiss(text)
        else:
            self.notify("A comment cannot be empty.", severity="warning")
