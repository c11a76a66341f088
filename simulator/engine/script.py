"""Headless play: apply move keys in order, with simulated time (SPEC §4 `play`)."""
from __future__ import annotations

from datetime import datetime
from typing import Callable, Iterable

from scoring.transcript import Event, Transcript
from simulator.engine.clock import ManualClock, speaking_ms
from simulator.engine.model import Scenario
from simulator.engine.session import CallOver, Session


def let_time_pass(clock: ManualClock, events: Iterable[Event]) -> None:
    # Each line takes as long to say as its words; a scripted run simulates the call's pace.
    for e in events:
        clock.advance(speaking_ms(e.text) if e.text else 0)


def run_script(
    scenario: Scenario,
    moves: Iterable[str],
    *,
    seed: int,
    trainee: str,
    started_at: datetime | None = None,
    after_turn: Callable[[Session], None] | None = None,
) -> Session:
    """Play `moves`; an unknown move or one after the end raises PlayError.

    Moves that run out before an end leave the call `abandoned`.
    `after_turn` sees the session after each move (the CLI saves there).
    """
    clock = ManualClock()
    session = Session(scenario, seed=seed, trainee=trainee, clock=clock, started_at=started_at)
    let_time_pass(clock, session.opening)
    try:
        for key in moves:
            if session.over:
                raise CallOver(key)
            let_time_pass(clock, session.choose(key))
            if after_turn is not None:
                after_turn(session)
        session.abandon()
    finally:
        session.close()
    return session


def play_moves(scenario: Scenario, moves: Iterable[str], *, seed: int = 0, trainee: str = "test") -> Transcript:
    """The transcript of a scripted call; for tests and tools."""
    return run_script(scenario, moves, seed=seed, trainee=trainee).transcript()
