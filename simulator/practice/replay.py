"""A saved call, turn by turn, and the same call rebuilt to any turn to play it differently.

The engine is deterministic: the scenario, the seed and the moves give the
same customer lines every time. So a saved transcript splits into turns (one
per move other than `wait`, each with what the customer said before it and
the scorecard's notes on it), and `rebuild` plays the saved moves before a
turn through a fresh session, checking each line against the saved one, to
hand back a live session at that point (what-if). The rebuilt session keeps
the saved timings, and its clock runs on from there.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from scoring.transcript import CustomerEvent, Event, TraineeEvent, Transcript
from simulator.engine.clock import Clock, ManualClock
from simulator.engine.model import Scenario
from simulator.engine.session import PlayError, Session


class ReplayError(Exception):
    """The saved call cannot be rebuilt: the scenario changed since it was played."""


@dataclass(frozen=True)
class Note:
    skill: str
    points: int | None  # below 0: what the turn cost; 0 or more: a strength; None: see `good`
    text: str
    good: bool = True  # a strength (a score from before per-turn points only says which)

    @property
    def costly(self) -> bool:
        return not self.good


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based, counting moves other than `wait`
    event: int  # index of the move in the transcript's events
    move: str
    text: str
    heard: tuple[Event, ...]  # what happened since the previous turn: customer lines, waits
    reply: tuple[CustomerEvent, ...]  # what the customer said straight after the move
    mood_after: int
    notes: tuple[Note, ...] = ()


def turns(transcript: Transcript, score: dict | None = None) -> list[Turn]:
    """The call's turns; notes come from the score's `turns` (SPEC §3 v1.1) when it has them."""
    events = transcript.events
    moves = [i for i, e in enumerate(events) if isinstance(e, TraineeEvent) and not e.is_wait]
    notes = _notes_by_event(score, list(enumerate(moves, start=1)))
    found: list[Turn] = []
    since = 0
    for i, e in enumerate(events):
        if isinstance(e, TraineeEvent) and not e.is_wait:
            reply = []
            for after in events[i + 1:]:
                if not isinstance(after, CustomerEvent):
                    break
                reply.append(after)
            heard = tuple(x for x in events[since:i])
            found.append(Turn(len(found) + 1, i, e.move, e.text, heard, tuple(reply), e.mood_after,
                              notes.get(i, ())))
            since = i + 1 + len(reply)
    return found


def ending(transcript: Transcript) -> tuple[Event, ...]:
    """What happened after the last turn (the customer's closing lines, trailing waits)."""
    found = turns(transcript)
    if not found:
        return transcript.events
    last = found[-1]
    return transcript.events[last.event + 1 + len(last.reply):]


def _notes_by_event(score: dict | None, moves: list[tuple[int, int]]) -> dict[int, tuple[Note, ...]]:
    """Notes by event index; `moves` pairs each turn number with its event, for older scores."""
    if score and not score.get("turns"):
        return {event: _evidence_for(score, number) for number, event in moves}
    found: dict[int, tuple[Note, ...]] = {}
    for entry in (score or {}).get("turns") or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("event"), int):
            continue
        notes = []
        for n in entry.get("notes") or ():
            if isinstance(n, dict) and isinstance(n.get("text"), str):
                points = n.get("points") if isinstance(n.get("points"), int) else 0
                notes.append(Note(str(n.get("skill", "")), points, n["text"], points >= 0))
        found[entry["event"]] = tuple(notes)
    return found


def _evidence_for(score: dict, turn: int) -> tuple[Note, ...]:
    """A score without `turns`: its evidence and strengths lines that name the turn ("Turn 2: ...")."""
    found = []
    prefix = f"Turn {turn}:"
    for skill, entry in (score.get("skills") or {}).items():
        if not isinstance(entry, dict):
            continue
        for key, good in (("evidence", False), ("strengths", True)):
            for text in entry.get(key) or ():
                if isinstance(text, str) and text.startswith(prefix):
                    found.append(Note(skill, None, text[len(prefix):].strip(), good))
    return tuple(found)


def rebuild(scenario: Scenario, transcript: Transcript, turn: int | None = None,
            clock: Callable[[], Clock] | None = None) -> Session:
    """A live session that has played the saved call up to (not including) turn number `turn`
    (None: the whole call). Every customer line is checked against the saved one."""
    moves = turns(transcript)
    stop = len(transcript.events) if turn is None else _event_of(moves, turn)
    timing = ManualClock()
    session = Session(scenario, seed=transcript.seed, trainee=transcript.trainee, clock=timing)
    made: list[Event] = list(session.opening)
    for e in transcript.events[:stop]:
        if not isinstance(e, TraineeEvent):
            continue
        if session.over:
            raise ReplayError("the scenario has changed since this call: it ends earlier now")
        timing.advance(max(0, e.t_ms - timing.now_ms()))
        try:
            made.extend(session.choose(e.move, e.typed))
        except PlayError as exc:
            raise ReplayError(f"the scenario has changed since this call: {exc}") from None
    _check(made, transcript.events[:stop])
    if clock is not None:
        session.clock = _RunsOn(timing.now_ms(), clock())
    return session


def _event_of(moves: list[Turn], turn: int) -> int:
    if not 1 <= turn <= len(moves):
        raise ValueError(f"turn {turn} is not in this call (it has {len(moves)})")
    return moves[turn - 1].event


def _check(made: list[Event], saved: tuple[Event, ...]) -> None:
    # Customer lines past `stop` may differ from what was saved: they follow the new move.
    for i, (now, then) in enumerate(zip(made, saved)):
        if (type(now), now.text, now.node) != (type(then), then.text, then.node):
            raise ReplayError(f"the scenario has changed since this call: event {i} now reads {now.text!r}")
    if len(made) < len(saved):
        raise ReplayError("the scenario has changed since this call: it says less now")


class _RunsOn:
    """A clock that starts where the rebuilt call stopped and runs with a live one."""

    def __init__(self, start_ms: int, live: Clock) -> None:
        self._start = start_ms
        self._live = live

    def now_ms(self) -> int:
        return self._start + self._live.now_ms()
