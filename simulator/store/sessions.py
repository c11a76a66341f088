"""Saved sessions, written turn by turn, read by reports and the home screen.

A call is saved when it starts and updated after every move, so an interrupted
call (Ctrl+C, a closed terminal) loses at most the turn in progress. Each row
keeps the whole transcript (JSON) and, once finished, its score beside it.

`SessionStore.default()` is a writer (the app, `play`): it checks and migrates
the database before its first write. `SessionStore.default(read_only=True)` is
for commands that only read (`report`, `export`, history): they never create,
migrate or modify anything. Every database error is a `StoreError` whose
message is one line for the user.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from scoring.transcript import Transcript, TranscriptError
from simulator.store import legacy
from simulator.store.database import LEGACY, StoreError, failure, open_engine, revision, target
from simulator.store.owner import Owner
from simulator.store.schema import BUILTIN, assignments, reviews, sessions, utc

__all__ = ["SavedSession", "SessionStore", "StoreError"]

ABANDONED = "abandoned"
ScoreFn = Callable[[Transcript], dict]


@dataclass(frozen=True)
class SavedSession:
    id: int
    trainee: str
    scenario_id: str
    title: str
    scenario_source: str  # "builtin", "sha256:<hex>" of a scenario file, or "unrecorded" (saved before it was kept)
    seed: int
    started_at: datetime  # UTC
    outcome: str | None  # None: in progress
    overall: int | None
    final_mood: int | None
    duration_ms: int | None
    skills: dict[str, int | None]  # score per skill; empty until finished
    score: dict | None = field(default=None, repr=False, compare=False)  # the scorecard as saved
    transcript: dict | None = field(default=None, repr=False, compare=False)  # when asked for

    @property
    def started_iso(self) -> str:
        return self.started_at.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Assignment:
    trainee: str
    track_id: str
    track: dict  # the track as assigned (`Track.to_dict`)
    assigned_at: datetime  # UTC
    assigned_by: str | None


@dataclass(frozen=True)
class Review:
    session_id: int
    turn: int | None  # a comment pinned to this turn; None: the whole call
    skill: str | None  # with `score`: this skill's score overridden, `text` the reason
    score: int | None
    text: str
    coach: str | None
    created_at: datetime

    @property
    def is_override(self) -> bool:
        return self.skill is not None and self.score is not None


_SUMMARY = ("id", "trainee", "scenario_id", "title", "scenario_source", "seed", "started_at", "outcome", "overall",
            "final_mood", "duration_ms", "score")


class SessionStore:
    def __init__(self, location: str | os.PathLike | None = None, *, read_only: bool = False) -> None:
        """A path is a SQLite file, a string with :// a database URL; None: the configured one (SPEC §6)."""
        self.where = target(location)
        self.path = self.where.path
        self.read_only = read_only
        self._engine = open_engine(self.where, writing=not read_only)  # None: a reader found nothing saved yet
        self._legacy = False
        if self._engine is not None and read_only:
            found = self._read(lambda c: revision(c, self.where))
            if found is None:  # a database without hearout's tables yet: nothing saved
                self.close()
            self._legacy = found == LEGACY

    @classmethod
    def default(cls, *, read_only: bool = False) -> "SessionStore":
        return cls(None, read_only=read_only)

    # --- writing ----------------------------------------------------------------

    def begin(self, transcript: Transcript, owner: Owner | None = None, *, source: str = BUILTIN) -> int:
        """Save a call as it starts, owned by `owner` (default: this process); returns its id for updates.

        `source`: where the scenario came from, "builtin" or a file's "sha256:<hex>".
        """
        t = transcript
        o = owner or Owner.current()
        now = datetime.now(timezone.utc)
        values = {
            "trainee": t.trainee, "scenario_id": t.scenario.id, "title": t.scenario.title, "scenario_source": source,
            "seed": t.seed, "started_at": utc(t.started_at), "updated_at": now, "outcome": None, "overall": None,
            "final_mood": t.final_mood, "duration_ms": _duration(t), "transcript": t.to_dict(), "score": None,
            "owner_host": o.host, "owner_pid": o.pid, "owner_started": o.started,
        }
        return self._write(lambda c: c.execute(sessions.insert().values(values).returning(sessions.c.id)).scalar_one())

    def update(self, session_id: int, transcript: Transcript, *, finished: bool = False,
               score: dict | None = None) -> None:
        """Record the call so far; `finished` stores its outcome (and score, when given)."""
        values = {
            "transcript": transcript.to_dict(), "final_mood": transcript.final_mood,
            "duration_ms": _duration(transcript), "updated_at": datetime.now(timezone.utc),
            "outcome": transcript.outcome if finished else None,
            "overall": score.get("overall") if score else None, "score": score if score else None,
        }
        self._write(lambda c: c.execute(sessions.update().where(sessions.c.id == session_id).values(values)))

    def _write(self, work):
        if self.read_only or self._engine is None:
            raise StoreError(f"{self.where.shown}: opened for reading only")
        try:
            with self._engine.begin() as conn:
                return work(conn)
        except (SQLAlchemyError, OverflowError, UnicodeError, ValueError, TypeError) as exc:
            # full disk, a read-only file, a seed too big, text that is not Unicode
            raise failure(self.where, "cannot save the session", exc) from None

    # --- reading ------------------------------------------------------------------

    def sessions(self, trainee: str | None = None, *, scenario: str | None = None, since: datetime | None = None,
                 settle: bool | ScoreFn = False) -> list[SavedSession]:
        """Saved sessions, oldest first, optionally one trainee's, one scenario's, or started since a time.

        `settle` (True, or a score function) shows each orphan as abandoned and scored, as
        `finalize_orphans` would record it, without writing.
        """
        return self._settled(list(self._summaries(trainee=trainee, scenario=scenario, since=since)), settle)

    def _settled(self, rows: list[SavedSession], settle: bool | ScoreFn) -> list[SavedSession]:
        if settle and any(r.outcome is None for r in rows):
            score_fn = settle if callable(settle) else None
            settled = {sid: _settle(data, score_fn) for sid, data in self._orphans()}
            rows = [_settled_row(r, *settled[r.id]) if r.id in settled else r for r in rows]
        return rows

    # --- calls left in progress by a process that died (SPEC §6) ---------------------

    def orphans(self) -> list[int]:
        """Ids of the calls left in progress by a process that no longer runs."""
        return [sid for sid, _ in self._orphans()]

    def finalize_orphans(self, score_fn: ScoreFn | None = None) -> list[int]:
        """Record every orphan as abandoned, with its score (`score_fn`, default `scoring.score`);
        every turn it saved stays. Returns their ids."""
        done = []
        for sid, data in self._orphans():
            data, card = _settle(data, score_fn)
            values = {"transcript": data, "outcome": ABANDONED, "overall": card.get("overall") if card else None,
                      "score": card, "updated_at": datetime.now(timezone.utc)}
            self._write(lambda c: c.execute(sessions.update().values(values)
                                            .where(sessions.c.id == sid, sessions.c.outcome.is_(None))))
            done.append(sid)
        return done

    def _orphans(self) -> list[tuple[int, dict]]:
        found = []
        for r in self._rows(("id", "owner_host", "owner_pid", "owner_started", "transcript"), in_progress=True):
            host, pid, started = r["owner_host"], r["owner_pid"], r["owner_started"]
            # A row without an owner was saved before owners were recorded: nothing runs it any more.
            if host is None or pid is None or not Owner(host, pid, started or "").is_running():
                found.append((r["id"], r["transcript"] if isinstance(r["transcript"], dict) else {}))
        return found

    def _summaries(self, columns: tuple[str, ...] = _SUMMARY, **where) -> Iterator[SavedSession]:
        for row in self._rows(columns, **where):
            score = row["score"] if isinstance(row["score"], dict) else {}
            skills = score.get("skills") if isinstance(score.get("skills"), dict) else {}
            yield SavedSession(
                id=row["id"], trainee=row["trainee"], scenario_id=row["scenario_id"], title=row["title"],
                scenario_source=row["scenario_source"], seed=row["seed"], started_at=row["started_at"],
                outcome=row["outcome"], overall=row["overall"], final_mood=row["final_mood"],
                duration_ms=row["duration_ms"],
                skills={k: (v.get("score") if isinstance(v, dict) else None) for k, v in skills.items()},
                score=row["score"] if isinstance(row["score"], dict) else None, transcript=row.get("transcript"),
            )

    def transcripts(self, trainee: str | None = None, *, scenario: str | None = None, since: datetime | None = None,
                    settle: bool | ScoreFn = False) -> list[tuple[SavedSession, dict]]:
        """Each saved session with its whole transcript (a dict, as saved); `settle` as for `sessions`."""
        found = self._summaries(_SUMMARY + ("transcript",), trainee=trainee, scenario=scenario, since=since)
        return [(s, s.transcript) for s in self._settled(list(found), settle)]

    def transcript(self, session_id: int) -> dict:
        rows = self._rows(("id", "transcript"), ids=(session_id,))
        if not rows:
            raise KeyError(session_id)
        return rows[0]["transcript"]

    def score(self, session_id: int) -> dict | None:
        """The score saved with a session, as saved; None while unscored."""
        rows = self._rows(("id", "score"), ids=(session_id,))
        if not rows:
            raise KeyError(session_id)
        return rows[0]["score"] if isinstance(rows[0]["score"], dict) else None

    def best_scores(self, trainee: str) -> dict[str, int]:
        """The trainee's best finished score per built-in scenario (a file with a built-in's id never counts)."""
        best: dict[str, int] = {}
        for s in self._summaries(trainee=trainee):
            if s.overall is not None and s.scenario_source == BUILTIN:
                best[s.scenario_id] = max(best.get(s.scenario_id, s.overall), s.overall)
        return best

    # --- learning paths ---------------------------------------------------------------

    def assign(self, trainee: str, track: dict, *, by: str | None = None) -> None:
        """Assign a track (its dict as kept, with an "id") to a trainee; assigning it again starts it over."""
        now = datetime.now(timezone.utc)

        def work(c):
            c.execute(assignments.delete().where(assignments.c.trainee == trainee,
                                                 assignments.c.track_id == track["id"]))
            c.execute(assignments.insert().values(trainee=trainee, track_id=track["id"], track=track,
                                                  assigned_at=now, assigned_by=by))

        self._write(work)

    def assignments(self, trainee: str | None = None) -> list[Assignment]:
        """Tracks assigned (to `trainee`), oldest first; none in a database from before learning paths."""
        if self._engine is None or self._legacy:
            return []

        def work(c):
            if "assignments" not in sa.inspect(c).get_table_names():
                return []  # a reader on a database not yet migrated to learning paths
            q = sa.select(assignments).order_by(assignments.c.assigned_at, assignments.c.id)
            if trainee is not None:
                q = q.where(assignments.c.trainee == trainee)
            return [Assignment(r["trainee"], r["track_id"], r["track"], r["assigned_at"], r["assigned_by"])
                    for r in c.execute(q).mappings()]

        return self._read(work)

    # --- coach reviews ----------------------------------------------------------------

    def review(self, session_id: int, text: str, *, turn: int | None = None, skill: str | None = None,
               score: int | None = None, coach: str | None = None) -> None:
        """Pin a coach's comment to a session's turn (None: the whole call), or, with `skill` and `score`,
        override that skill's score with `text` as the reason. KeyError: no such session."""
        if not self._rows(("id",), ids=(session_id,)):
            raise KeyError(session_id)
        values = {"session_id": session_id, "turn": turn, "skill": skill, "score": score, "text": text,
                  "coach": coach, "created_at": datetime.now(timezone.utc)}
        self._write(lambda c: c.execute(reviews.insert().values(values)))

    def reviews(self, session_ids: list[int] | None = None) -> list[Review]:
        """Coach reviews (of those sessions), oldest first; none in a database from before reviews."""
        if self._engine is None or self._legacy:
            return []

        def work(c):
            if "reviews" not in sa.inspect(c).get_table_names():
                return []
            q = sa.select(reviews).order_by(reviews.c.created_at, reviews.c.id)
            if session_ids is not None:
                q = q.where(reviews.c.session_id.in_(session_ids))
            return [Review(r["session_id"], r["turn"], r["skill"], r["score"], r["text"], r["coach"], r["created_at"])
                    for r in c.execute(q).mappings()]

        return self._read(work)

    def _rows(self, columns: tuple[str, ...], *, trainee=None, scenario=None, since=None, ids=None,
              in_progress=False) -> list[dict]:
        if self._engine is None:
            return []
        if self._legacy:
            return _legacy_rows(self, columns, trainee=trainee, scenario=scenario, since=since, ids=ids,
                                in_progress=in_progress)
        q = sa.select(*(sessions.c[c] for c in columns))
        if trainee is not None:
            q = q.where(sessions.c.trainee == trainee)
        if scenario is not None:
            q = q.where(sessions.c.scenario_id == scenario)
        if since is not None:
            q = q.where(sessions.c.started_at >= since)
        if ids is not None:
            q = q.where(sessions.c.id.in_(ids))
        if in_progress:
            q = q.where(sessions.c.outcome.is_(None))
        q = q.order_by(sessions.c.started_at, sessions.c.id)
        return self._read(lambda c: [dict(r) for r in c.execute(q).mappings()])

    def _read(self, work):
        try:
            with self._engine.connect() as conn:
                return work(conn)
        except StoreError:
            raise
        except (SQLAlchemyError, ValueError, TypeError) as exc:
            raise failure(self.where, "cannot read saved sessions", exc) from None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> "SessionStore":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _settle(data: dict, score_fn: ScoreFn | None) -> tuple[dict, dict | None]:
    """An orphan's transcript as abandoned, and its score (None when the saved transcript cannot be read)."""
    data = {**data, "outcome": ABANDONED} if isinstance(data, dict) else {}
    try:
        transcript = Transcript.from_dict(data)
    except TranscriptError:
        return data, None
    if score_fn is None:
        from scoring import score

        return data, score(transcript).to_dict()
    return data, score_fn(transcript)


def _settled_row(row: SavedSession, data: dict, card: dict | None) -> SavedSession:
    skills = card.get("skills") if card and isinstance(card.get("skills"), dict) else {}
    return replace(row, outcome=ABANDONED, overall=card.get("overall") if card else None, score=card,
                   skills={k: (v.get("score") if isinstance(v, dict) else None) for k, v in skills.items()},
                   transcript=data if row.transcript is not None else None)


def _duration(t: Transcript) -> int:
    return max((e.t_ms for e in t.events), default=0)


def _legacy_rows(store: SessionStore, columns, *, trainee, scenario, since, ids, in_progress) -> list[dict]:
    """The hand-written store's table, read as it is (a reader never migrates)."""
    have = store._read(lambda c: {col["name"] for col in sa.inspect(c).get_columns("sessions")})
    old = sa.table("sessions", *(sa.column(c) for c in legacy.columns(have)))
    q = sa.select(old)
    if trainee is not None:
        q = q.where(old.c.trainee == trainee)
    if scenario is not None:
        q = q.where(old.c.scenario_id == scenario)
    if ids is not None:
        q = q.where(old.c.id.in_(ids))
    if in_progress:
        q = q.where(old.c.outcome.is_(None))
    rows = store._read(lambda c: [legacy.modern(r, _EPOCH) for r in c.execute(q.order_by(old.c.id)).mappings()])
    rows.sort(key=lambda r: (r["started_at"], r["id"]))
    return [{c: r[c] for c in columns} for r in rows if since is None or r["started_at"] >= since]


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
