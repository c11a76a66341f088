"""What the scenario offered at each of the trainee's moves, for scoring's "better here".

Scoring never reads a scenario; this hands it plain data: for each trainee
move in a transcript, the moves its node offered at that moment (a
`needs_heard` move only once enough was heard), with their authors' feedback.
"""
from __future__ import annotations

from scoring.better import Offered, better_here
from scoring.rubric import Rubric
from scoring.scorecard import Scorecard
from scoring.transcript import Transcript, TraineeEvent
from simulator.engine.model import Scenario


def offered_moves(scenario: Scenario, transcript: Transcript) -> dict[int, tuple[Offered, ...]]:
    """Event index -> the moves on offer there; empty when the transcript is not of this scenario."""
    if transcript.scenario.id != scenario.id:
        return {}
    out: dict[int, tuple[Offered, ...]] = {}
    for i, e in enumerate(transcript.events):
        if not isinstance(e, TraineeEvent) or e.is_wait:
            continue
        node = scenario.nodes.get(e.node)
        if node is None or node.move(e.move) is None:
            return {}  # the scenario changed since this call: offer nothing rather than something wrong
        out[i] = tuple(Offered(m.key, m.say, m.acts, m.channel, m.policy_break, m.feedback)
                       for m in node.moves if m.needs_heard <= e.heard)
    return out


def with_better(scenario: Scenario, transcript: Transcript, card: Scorecard, rubric: Rubric | None = None) -> Scorecard:
    """The scorecard with, on each costly turn, the best move the scenario offered there."""
    return better_here(transcript, card, offered_moves(scenario, transcript), rubric)
