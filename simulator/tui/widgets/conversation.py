"""The call so far, one line per thing said, newest at the bottom."""
from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static


class Conversation(VerticalScroll):
    can_focus = False  # the call's keys belong to the screen, not to a scroll view

    def add_line(self, speaker: str, text: str, kind: str) -> None:
        """`kind` (customer, trainee, silence) is a CSS class; the speaker's name says it too."""
        line = Static(Content.assemble((f"{speaker}: ", "bold"), text), classes=f"line -{kind}")
        self.mount(line)
        self.call_after_refresh(self.scroll_end, animate=False)
