"""A marked line whose text wraps under itself, not under its mark."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class Bullet(Horizontal):
    def __init__(self, mark: str | Content, text: str | Content, *, classes: str = "") -> None:
        super().__init__(classes=f"bullet {classes}".strip())
        self._mark, self._text = mark, text

    def compose(self) -> ComposeResult:
        yield Static(self._mark, classes="bullet-mark", markup=False)
        yield Static(self._text, classes="bullet-text", markup=False)
