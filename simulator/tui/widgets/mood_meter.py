"""The customer's mood: a bar, the number, a word and a face, and the last change."""
from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from simulator.tui.mood import change_text, mood_face, mood_label, mood_tone

BAR_CELLS = 10


class MoodMeter(Static):
    mood: reactive[int] = reactive(50)
    change: reactive[int | None] = reactive(None)

    def render(self) -> Content:
        filled = round(self.mood * BAR_CELLS / 100)
        parts: list = [
            "Mood ",
            ("█" * filled, "$foreground"),
            ("░" * (BAR_CELLS - filled), "$foreground-muted"),
            f" {self.mood:>3} {mood_face(self.mood)} {mood_label(self.mood)}",
        ]
        if self.change is not None:
            parts.append((f"  ({change_text(self.change)})", "italic"))
        return Content.assemble(*parts)

    def watch_mood(self, mood: int) -> None:
        for tone in ("low", "mid", "high"):
            self.set_class(mood_tone(mood) == tone, f"-{tone}")
