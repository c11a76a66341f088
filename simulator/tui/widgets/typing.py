"""Shows that the customer has more to say, so the trainee knows interrupting is a choice."""
from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

DOTS = ("   ", ".  ", ".. ", "...")


class TypingIndicator(Static):
    speaker: reactive[str] = reactive("")
    talking: reactive[bool] = reactive(False)
    ended: reactive[bool] = reactive(False)
    email: reactive[bool] = reactive(False)  # an email is read, not heard
    frame: reactive[int] = reactive(3)

    def __init__(self, *, animate: bool, **kw) -> None:
        super().__init__(**kw)
        self._animate = animate

    def on_mount(self) -> None:
        if self._animate:
            self.set_interval(0.4, self._next_frame)

    def _next_frame(self) -> None:
        if self.talking:
            self.frame = (self.frame + 1) % len(DOTS)

    def render(self) -> Content:
        # Content, not str: a str would be read as markup, and the name comes from the scenario file.
        if self.email:
            if self.ended:
                return Content("The exchange is over.")
            if self.talking:
                return Content(f"{self.speaker}'s email goes on{DOTS[self.frame]}  (Space: read on)")
            return Content(f"That is all {self.speaker} wrote. Your reply.")
        if self.ended:
            return Content("The call is over.")
        if self.talking:
            return Content(f"{self.speaker} is still talking{DOTS[self.frame]}  (Space: keep listening)")
        return Content(f"{self.speaker} has stopped talking. Your move.")

    def watch_talking(self, talking: bool) -> None:
        self.set_class(talking, "-talking")
