"""The coach's board: the room as the store tells it, read-only (SPEC §6).

One line per call started in the window the coach watches: who, which
scenario, and either where the call is now (turn, mood) or how it ended
(outcome, score). A call whose process died is shown abandoned, as every
reader shows it; nothing is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from simulator.store import SessionStore

IN_CALL = "in call"


@dataclass(frozen=True)
class Seat:
    id: int
    trainee: str
    scenario_id: str
    title: str
    builtin: bool
    started_at: datetime
    state: str  # "in call", or the outcome ("retained", "abandoned", ...)
    turn: int | None  # in a call: the trainee's answers so far (listening is not a turn)
    mood: int | None
    score: int | None

    @property
    def finished(self) -> bool:
        return self.state != IN_CALL


def room(store: SessionStore, *, hours: float = 12, now: datetime | None = None) -> list[Seat]:
    """Calls started in the last `hours`, those in progress first, then the latest first."""
    since = (now or datetime.now(timezone.utc)) - timedelta(hours=hours)
    seats = []
    for s in store.sessions(since=since, settle=True):  # settle: a dead process's call shows abandoned
        started = s.started_at if s.started_at.tzinfo else s.started_at.replace(tzinfo=timezone.utc)
        seats.append(Seat(
            id=s.id, trainee=s.trainee, scenario_id=s.scenario_id, title=s.title,
            builtin=s.scenario_source == "builtin", started_at=started,
            turn=_turns(store.transcript(s.id)) if s.outcome is None else None,
            state=s.outcome or IN_CALL, mood=s.final_mood, score=s.overall))
    seats.sort(key=lambda x: (x.finished, -x.started_at.timestamp(), -x.id))
    return seats


def _turns(transcript: dict) -> int:
    events = transcript.get("events") if isinstance(transcript, dict) else None
    if not isinstance(events, list):
        return 0
    return sum(1 for e in events if isinstance(e, dict) and e.get("who") == "trainee" and e.get("move") != "wait")


def summary(seats: list[Seat]) -> str:
    live = [s for s in seats if not s.finished]
    scored = [s.score for s in seats if s.finished and s.score is not None]
    people = len({s.trainee for s in live})
    parts = [f"{people} {'trainee' if people == 1 else 'trainees'} in a call now",
             f"{len(scored)} {'call' if len(scored) == 1 else 'calls'} finished"]
    if scored:
        parts.append(f"average score {round(sum(scored) / len(scored))}")
    return " · ".join(parts)


def table(seats: list[Seat]) -> list[tuple[str, ...]]:
    """The board's rows as text: trainee, scenario, state, turn, mood, score, started (local time)."""
    return [(s.trainee, s.scenario_id, s.state, "" if s.turn is None else str(s.turn), "" if s.mood is None else str(s.mood),
             "" if s.score is None else f"{s.score}/100", s.started_at.astimezone().strftime("%H:%M"))
            for s in seats]


HEADINGS = ("trainee", "scenario", "state", "turn", "mood", "score", "started")
