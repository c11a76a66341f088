"""The annotated timeline: who said what when, and a note line under each move."""
from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from simulator.tui.pacing import clock_text
from simulator.tui.timeline import GOOD, WARN, Entry

_MARK = {GOOD: ("+", "$success"), WARN: ("!", "$warning")}
_INDENT = " " * 15


class TimelineView(Vertical):
    def __init__(self, entries: Iterable[Entry], customer: str, **kw) -> None:
        super().__init__(**kw)
        self._entries = list(entries)
        self._customer = customer

    def compose(self) -> ComposeResult:
        for e in self._entries:
            yield Static(self._line(e), classes=f"entry -{e.who}")

    def _line(self, e: Entry) -> Content:
        who = {"customer": self._customer, "silence": self._customer, "trainee": "You",
               "listen": "You", "end": ""}[e.who]
        line = Content.assemble(f"{clock_text(e.t_ms)} ", (f"{who[:8]:<8}", "bold"), " ", e.text)
        notes = []
        for n in e.notes:
            mark, style = _MARK.get(n.tone, ("·", "$foreground-muted"))
            notes.append(Content.assemble((f"{mark} ", f"bold {style}"), n.text))
        if notes:
            line = Content.assemble(line, "\n", _INDENT, Content("  ").join(notes))
        return line
