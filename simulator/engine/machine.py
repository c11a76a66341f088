"""One `transitions` state machine per scenario, shared by all its sessions.

Nodes are states and each move is a trigger named after its key; a move's
guarded branches become that trigger's transitions from the node, in file
order, with the guard as the condition, so `transitions` picks the first
branch whose guard holds. Auto transitions stay off: they would add a `to_X`
for every pair of nodes and let a caller jump anywhere.

"Is this move offered now?" is a condition too (`needs_heard`: the customer
has said enough of the node's beats), so `may_<trigger>()` is the one answer
the UI, `play` and lint all ask.
"""
from __future__ import annotations

from typing import Any

from transitions import EventData, Machine

from simulator.engine.model import Guard, Scenario


def trigger_name(key: str) -> str:
    # A prefix keeps move keys clear of the session's own attribute names.
    return f"move:{key}"


def _condition(guard: Guard):
    def holds(event: EventData) -> bool:
        model: Any = event.model
        return guard.holds(model.mood, model.flags, model.cut_in)

    return holds


def _offered(needs_heard: int):
    def heard_enough(event: EventData) -> bool:
        model: Any = event.model
        return model.heard >= needs_heard

    return heard_enough


class ScenarioMachine:
    """A scenario compiled into its state machine; sessions attach to it."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.machine = Machine(
            model=None,
            states=list(scenario.nodes),
            initial=scenario.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
        )
        for node in scenario.nodes.values():
            for move in node.moves:
                offered = [_offered(move.needs_heard)] if move.needs_heard else []
                for branch in move.branches:
                    self.machine.add_transition(
                        trigger_name(move.key),
                        source=node.id,
                        dest=branch.to,
                        conditions=offered + ([_condition(branch.when)] if branch.when else []),
                    )


_compiled: dict[int, ScenarioMachine] = {}


def machine_for(scenario: Scenario) -> ScenarioMachine:
    """The shared machine for a scenario, built once."""
    conv = _compiled.get(id(scenario))
    if conv is None or conv.scenario is not scenario:
        conv = _compiled[id(scenario)] = ScenarioMachine(scenario)
    return conv
