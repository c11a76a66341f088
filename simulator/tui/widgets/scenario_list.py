"""The scenarios on the home screen, each with its level, skills and best score."""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the engine is imported after the first frame, not before
    from simulator.engine.model import ScenarioCard


def _prompt(s: "ScenarioCard", best: int | None) -> Content:
    level = "●" * s.difficulty + "○" * (5 - s.difficulty)
    score = f"best {best}/100" if best is not None else "not played yet"
    trains = ", ".join(k.replace("_", " ") for k in s.skills) or "general practice"
    return Content.assemble(
        (s.title, "bold"), "\n",
        ("  ", ""), f"level {level}  ·  {score}", "\n",
        ("  trains: ", "italic"), trains,
    )


class ScenarioList(OptionList):
    def show(self, scenarios: Sequence["ScenarioCard"], best: Mapping[str, int]) -> None:
        """Replace the rows and keep the highlight where it was."""
        keep = self.highlighted
        self.set_options(Option(_prompt(s, best.get(s.id)), id=s.id) for s in scenarios)
        if scenarios:
            self.highlighted = min(keep or 0, len(scenarios) - 1)

    def on_resize(self) -> None:
        # Rows wrap differently at a new width: the highlighted scenario must stay in view.
        self.call_after_refresh(self.scroll_to_highlight)
