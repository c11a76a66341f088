"""The annotated timeline: who said what when, and under each move scoring's notes, one a line."""
from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from simulator.tui.pacing import clock_text
from simulator.tui.timeline import BETTER, GOOD, WARN, Entry
from simulator.tui.widgets.bullet import Bullet

_MARK = {GOOD: ("+", "$success"), WARN: ("-", "$warning"), BETTER: (">", "$accent")}


class TimelineView(Vertical):
    def __init__(self, entries: Iterable[Entry], customer: str, **kw) -> None:
        super().__init__(**kw)
        self._entries = list(entries)
        self._customer = customer

    def compose(self) -> ComposeResult:
        names = {"customer": self._customer, "silence": self._customer, "trainee": "You", "listen": "You", "end": ""}
        for e in self._entries:
            head = Content.assemble(f"{clock_text(e.t_ms)} ", (f"{names[e.who][:8]:<8}", "bold"))
            yield Bullet(head, self._body(e), classes=f"entry -{e.who}")

    def _body(self, e: Entry) -> Content:
        notes = []
        for n in e.notes:
            mark, style = _MARK.get(n.tone, ("·", "$foreground-muted"))
            notes.append(Content.assemble((f"{mark} ", f"bold {style}"), n.text))
        if not notes:
            return Content(e.text)
        return Content.assemble(e.text, "\n", Content("\n").join(notes))
