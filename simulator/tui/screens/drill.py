"""Drill: the call picked for the trainee's weakest skill, why it was picked, and what it did."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from simulator.practice.drill import Drill


class DrillScreen(ModalScreen[bool]):
    """Offers the drill; dismissed with True to open its briefing."""

    CSS_PATH = "drill.tcss"
    HELP = ("A drill picks the call that trains your weakest skill over your recent calls, the newest "
            "counting most, and never the call you just took. Enter opens its briefing.")
    BINDINGS = [
        Binding("enter,y", "answer(True)", "Open the briefing", priority=True),
        Binding("escape,n", "answer(False)", "Not now"),
    ]

    def __init__(self, drill: Drill) -> None:
        super().__init__()
        self.drill = drill

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"Drill: {self.drill.title}", classes="dialog-title", markup=False)
            yield Static(self.drill.reason, id="reason", markup=False)
            yield Static("Enter: open the briefing     Escape: not now", classes="dialog-hint")
        yield Footer()

    def action_answer(self, take: bool) -> None:
        self.dismiss(take)


class DrillResultScreen(ModalScreen[None]):
    """Over the drill call's debrief: the drilled skill before and after."""

    CSS_PATH = "drill.tcss"
    BINDINGS = [Binding("enter,escape", "dismiss", "To the debrief", priority=True)]

    def __init__(self, drill: Drill, result: str) -> None:
        super().__init__()
        self.drill = drill
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"Drill done: {self.drill.title}", classes="dialog-title", markup=False)
            yield Static(self.result, id="result", markup=False)
            yield Static("Enter: see the debrief", classes="dialog-hint")
        yield Footer()
