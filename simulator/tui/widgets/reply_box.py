"""The `/` box on the call screen: the trainee types a reply in their own words.

It only collects text; the call screen reads it (simulator.understand) and
decides what happens. Escape closes the box without reaching the call's own
Escape (hang up).
"""
from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class ReplyBox(Input):
    BINDINGS = [Binding("escape", "close", "Close the box", key_display="esc")]

    class Closed(Message):
        """Escape in the box: the trainee gave up typing."""

    def action_close(self) -> None:
        self.post_message(self.Closed())
