"""The conversation engine: scenario model, loader, state machine, sessions.

Works without any UI; importing it never imports textual or rich. Names are
imported on first use so that a caller needing one part (the app's home
screen needs only the loader) does not pay for the rest.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Clock": "simulator.engine.clock",
    "ManualClock": "simulator.engine.clock",
    "MonotonicClock": "simulator.engine.clock",
    "speaking_ms": "simulator.engine.clock",
    "Scenario": "simulator.engine.model",
    "play_moves": "simulator.engine.script",
    "run_script": "simulator.engine.script",
    "CallOver": "simulator.engine.session",
    "PlayError": "simulator.engine.session",
    "Session": "simulator.engine.session",
    "UnknownMove": "simulator.engine.session",
}
__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from simulator.engine.clock import Clock, ManualClock, MonotonicClock, speaking_ms
    from simulator.engine.model import Scenario
    from simulator.engine.script import play_moves, run_script
    from simulator.engine.session import CallOver, PlayError, Session, UnknownMove


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'simulator.engine' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
