"""One skill of the scorecard: a bar with its score, then what earned or cost points."""
from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

BAR_CELLS = 20


def _bar(score: int) -> Content:
    filled = round(score * BAR_CELLS / 100)
    return Content.assemble(("█" * filled, "$accent"), ("░" * (BAR_CELLS - filled), "$foreground-muted"))


class SkillBar(Static):
    """Takes the parts of a SkillScore, so it needs no import of scoring."""

    def __init__(self, name: str, score: int | None, weight: float,
                 evidence: tuple[str, ...], strengths: tuple[str, ...]) -> None:
        head = Content.assemble((f"{name.replace('_', ' '):<11}", "bold"), " ")
        if score is None:
            head = Content.assemble(head, ("not judged", "italic"), f"  (weight {weight:.0%})")
        else:
            head = Content.assemble(head, _bar(score), f" {score:>3}/100  (weight {weight:.0%})")
        lines = [head]
        lines += [Content.assemble(("  + ", "bold $success"), s) for s in strengths]
        lines += [Content.assemble(("  - ", "bold $warning"), e) for e in evidence]
        super().__init__(Content("\n").join(lines), classes="skill")
