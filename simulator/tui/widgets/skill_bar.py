"""One skill of the scorecard: a bar with its score, then what earned or cost points."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from simulator.tui.widgets.bullet import Bullet

BAR_CELLS = 20


def _bar(score: int) -> Content:
    filled = round(score * BAR_CELLS / 100)
    return Content.assemble(("█" * filled, "$accent"), ("░" * (BAR_CELLS - filled), "$foreground-muted"))


class SkillBar(Vertical):
    """Takes the parts of a SkillScore, so it needs no import of scoring."""

    def __init__(self, name: str, score: int | None, weight: float,
                 evidence: tuple[str, ...], strengths: tuple[str, ...]) -> None:
        super().__init__(classes="skill")
        self.skill, self.score, self.weight = name, score, weight
        self.evidence, self.strengths = evidence, strengths

    def compose(self) -> ComposeResult:
        head = Content.assemble((f"{self.skill.replace('_', ' '):<11}", "bold"), " ")
        if self.score is None:
            head = Content.assemble(head, ("not judged", "italic"), f"  (weight {self.weight:.0%})")
        else:
            head = Content.assemble(head, _bar(self.score), f" {self.score:>3}/100  (weight {self.weight:.0%})")
        yield Static(head, classes="skill-head")
        for s in self.strengths:
            yield Bullet(Content.styled("+", "bold $success"), s, classes="-strength")
        for e in self.evidence:
            yield Bullet(Content.styled("-", "bold $warning"), e, classes="-evidence")
