"""What a trainee looks at on screen, for tests that press keys."""
from __future__ import annotations

from simulator.tui.widgets.moves_list import MovesList


def number_for(app, say: str) -> str:
    """The digit shown next to a move's words (the order is shuffled per seed)."""
    choices = app.screen.query_one(MovesList).choices
    return str(choices.index(say) + 1)


async def pick(pilot, say: str) -> None:
    await pilot.press(number_for(pilot.app, say))
    await pilot.pause()
