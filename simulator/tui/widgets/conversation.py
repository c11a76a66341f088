"""The call so far, one line per thing said, newest at the bottom.

The view is anchored to the bottom: whatever changes its size (a new line, the
moves below growing, a resize) it keeps showing the newest line, until the
trainee scrolls up on purpose. Then new lines do not pull the view away; a
marker says they are there, and End (or scrolling back down) returns.
"""
from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

MARKER = "▼ {n} new line{s} below: End to read {them}"


class Conversation(VerticalScroll):
    # Focusable (Tab) so the arrow and page keys scroll it; digits and Space stay with the call.
    BINDINGS = [Binding("end", "latest", "Newest line", show=False)]
    unread: reactive[int] = reactive(0)

    def on_mount(self) -> None:
        self.anchor()

    def add_line(self, speaker: str, text: str, kind: str) -> None:
        """`kind` (customer, trainee, silence) is a CSS class; the speaker's name says it too."""
        said = Content.assemble((f"{speaker}: ", "bold"), text) if speaker else Content(text)
        line = Static(said, classes=f"line -{kind}")
        self.mount(line)
        if self.scrolled_away:
            self.unread += 1
        else:
            self.scroll_end(animate=False)

    @property
    def scrolled_away(self) -> bool:
        """The trainee scrolled up to re-read: the view stays where they put it."""
        return self._anchor_released and self.scroll_y < self.max_scroll_y

    def action_latest(self) -> None:
        self.scroll_end(animate=False)  # also re-anchors
        self.unread = 0

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.unread and new >= self.max_scroll_y:
            self.unread = 0

    def watch_unread(self, unread: int) -> None:
        if unread and not self._marker_mounted():
            self.mount(Static(id="new-below", markup=False))
        if self._marker_mounted():
            marker = self._marker()
            marker.display = unread > 0
            marker.update(MARKER.format(n=unread, s="" if unread == 1 else "s",
                                        them="it" if unread == 1 else "them"))

    def _marker_mounted(self) -> bool:
        return bool(self.query("#new-below"))

    def _marker(self) -> Static:
        return self.query_one("#new-below", Static)
