"""Small modal screens: help, a yes/no confirmation, the trainee's name."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    AUTO_FOCUS = "#help-body"  # arrow keys scroll a long help
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, title: str, text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title, self._text, self._keys = title, text, keys

    def compose(self) -> ComposeResult:
        # Screens write help as wrapped paragraphs; re-flow them to the dialog's width.
        text = "\n\n".join(" ".join(p.split()) for p in self._text.split("\n\n"))
        with Vertical(id="dialog", classes="help"):
            yield Static(f"Help: {self._title}", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                # The keys first: a long text must not push them out of an 80x24 dialog.
                keys = "\n".join(f"{k:>10}  {d}" for k, d in self._keys)
                yield Static(keys, id="help-keys", markup=False)
                yield Static(text, id="help-text", markup=False)
        yield Footer()


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._question, classes="dialog-title", markup=False)
            yield Static("y / Enter: yes     n / Escape: no", classes="dialog-hint")
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NameScreen(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Trainee name (saved for next time)", classes="dialog-title")
            yield Input(self._current, placeholder="your name", max_length=40, id="name")
            yield Static("Enter: save     Escape: cancel", classes="dialog-hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from simulator.untrusted.text import NameRefused, check_name

        if not event.value.strip():
            self.notify("A name cannot be empty.", severity="warning")
            return
        try:
            self.dismiss(check_name(event.value, "The name"))
        except NameRefused as exc:  # the same rule as --trainee and HEAROUT_TRAINEE
            self.notify(f"{exc}.", severity="warning", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
