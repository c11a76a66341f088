"""The conversation engine: scenario model, loader, state machine, sessions.

Works without any UI; importing it never imports textual or rich.
"""
from simulator.engine.clock import Clock, ManualClock, MonotonicClock, speaking_ms
from simulator.engine.model import Scenario
from simulator.engine.script import play_moves, run_script
from simulator.engine.session import CallOver, PlayError, Session, UnknownMove

__all__ = [
    "CallOver", "Clock", "ManualClock", "MonotonicClock", "PlayError", "Scenario",
    "Session", "UnknownMove", "play_moves", "run_script", "speaking_ms",
]
