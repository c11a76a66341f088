"""What screens tell the app. Screens say what happened; the app decides what it means."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from scoring.transcript import Transcript
    from simulator.engine.model import Scenario, ScenarioCard
    from simulator.store.settings import Settings


class ScenarioChosen(Message):
    """The trainee opened a scenario's briefing (from its card in the list)."""

    def __init__(self, card: "ScenarioCard") -> None:
        super().__init__()
        self.card = card


class CallRequested(Message):
    """Start a call; `seed` None means a fresh one."""

    def __init__(self, scenario: "Scenario", seed: int | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.seed = seed


class TurnTaken(Message):
    """The call moved on by one turn; the transcript is a snapshot of it so far."""

    def __init__(self, transcript: "Transcript") -> None:
        super().__init__()
        self.transcript = transcript


class CallEnded(Message):
    """The call reached an end or was abandoned; `scenario` is the one it was played on."""

    def __init__(self, transcript: "Transcript", scenario: "Scenario") -> None:
        super().__init__()
        self.transcript = transcript
        self.scenario = scenario


class SettingsChanged(Message):
    def __init__(self, settings: "Settings") -> None:
        super().__init__()
        self.settings = settings
