"""Saved sessions in SQLite, written turn by turn.

A call is saved when it starts and updated after every move, in WAL mode,
so an interrupted call (Ctrl+C, a closed terminal) loses at most the turn in
progress. Each row keeps the whole transcript; the score is kept beside it
for reports and for the home screen's best scores.

A row also names the process that owns the call (`owner.py`). A row left
`in progress` by a process that no longer runs is an orphan (SPEC §6): readers
show it as abandoned and scored (`sessions(settle=True)`), and the next
writer records it so (`finalize_orphans`).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from scoring.transcript import Transcript, TranscriptError
from simulator.store.owner import Owner

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id           INTEGER PRIMARY KEY,
    trainee      TEXT    NOT NULL,
    scenario_id  TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    seed         INTEGER NOT NULL,
    started_at   TEXT    NOT NULL,
    outcome      TEXT,
    overall      INTEGER,
    final_mood   INTEGER,
    transcript   TEXT    NOT NULL,
    score        TEXT,
    owner_host   TEXT,
    owner_pid    INTEGER,
    owner_started TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_trainee ON sessions (trainee, scenario_id);
"""
# Columns added after the first release, for databases made before them.
ADDED_COLUMNS = {"owner_host": "TEXT", "owner_pid": "INTEGER", "owner_started": "TEXT"}

ABANDONED = "abandoned"
ScoreFn = Callable[[Transcript], dict]


class StoreError(Exception):
    """The session database cannot be opened or read."""


@dataclass(frozen=True)
class SavedSession:
    id: int
    trainee: str
    scenario_id: str
    title: str
    seed: int
    started_at: str
    outcome: str | None
    overall: int | None
    final_mood: int | None


class SessionStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
            have = {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}
            # Only our own table grows the new columns: another program's table is never changed.
            self._ours = "transcript" in have and "outcome" in have
            for name, kind in ADDED_COLUMNS.items():
                if self._ours and name not in have:
                    self._db.execute(f"ALTER TABLE sessions ADD COLUMN {name} {kind}")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the session database: {exc}") from None

    @classmethod
    def default(cls) -> "SessionStore":
        from simulator.store.paths import data_dir

        return cls(data_dir() / "sessions.db")

    def begin(self, transcript: Transcript, owner: Owner | None = None) -> int:
        """Save a call as it starts, owned by `owner` (default: this process); returns its id for updates."""
        t = transcript
        o = owner or Owner.current()
        cur = self._write(
            "INSERT INTO sessions (trainee, scenario_id, title, seed, started_at, outcome, final_mood, transcript,"
            " owner_host, owner_pid, owner_started) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
            (t.trainee, t.scenario.id, t.scenario.title, t.seed, t.started_at, t.final_mood, _dump(t.to_dict()),
             o.host, o.pid, o.started),
        )
        return int(cur.lastrowid)

    def update(self, session_id: int, transcript: Transcript, *, finished: bool = False,
               score: dict | None = None) -> None:
        """Record the call so far; `finished` stores its outcome (and score, when given)."""
        self._write(
            "UPDATE sessions SET transcript = ?, final_mood = ?, outcome = ?, overall = ?, score = ? WHERE id = ?",
            (
                _dump(transcript.to_dict()),
                transcript.final_mood,
                transcript.outcome if finished else None,
                score.get("overall") if score else None,
                _dump(score) if score else None,
                session_id,
            ),
        )

    def _write(self, sql: str, args: tuple) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, args)
        except (sqlite3.Error, OverflowError) as exc:  # full disk, locked or read-only file, a seed too big
            raise StoreError(f"{self.path}: cannot save the session: {exc}") from None

    def sessions(self, trainee: str | None = None, *, settle: bool | ScoreFn = False) -> list[SavedSession]:
        """Saved sessions, oldest first. `settle` (True, or a score function) shows each orphan
        as abandoned and scored, as `finalize_orphans` would record it, without writing."""
        sql = ("SELECT id, trainee, scenario_id, title, seed, started_at, outcome, overall, final_mood"
               " FROM sessions")
        args: tuple = ()
        if trainee is not None:
            sql += " WHERE trainee = ?"
            args = (trainee,)
        try:
            rows = [SavedSession(*row) for row in self._db.execute(sql + " ORDER BY started_at, id", args)]
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read saved sessions: {exc}") from None
        if settle and any(r.outcome is None for r in rows):
            score_fn = settle if callable(settle) else None
            settled = {sid: _settle(data, score_fn) for sid, data in self._orphans()}
            rows = [_settled_row(r, *settled[r.id]) if r.id in settled else r for r in rows]
        return rows

    def orphans(self) -> list[int]:
        """Ids of the calls left in progress by a process that no longer runs."""
        return [sid for sid, _ in self._orphans()]

    def finalize_orphans(self, score_fn: ScoreFn | None = None) -> list[int]:
        """Record every orphan as abandoned, with its score (`score_fn`, default `scoring.score`);
        every turn it saved stays. Returns their ids."""
        done = []
        for sid, data in self._orphans():
            data, card = _settle(data, score_fn)
            self._write(
                "UPDATE sessions SET transcript = ?, outcome = ?, overall = ?, score = ? WHERE id = ? AND outcome IS NULL",
                (_dump(data), ABANDONED, card.get("overall") if card else None, _dump(card) if card else None, sid),
            )
            done.append(sid)
        return done

    def _orphans(self) -> list[tuple[int, dict]]:
        if not self._ours:
            return []
        try:
            rows = self._db.execute(
                "SELECT id, owner_host, owner_pid, owner_started, transcript FROM sessions WHERE outcome IS NULL"
                " ORDER BY id").fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read saved sessions: {exc}") from None
        found = []
        for sid, host, pid, started, text in rows:
            # A row without an owner was saved before owners were recorded: nothing runs it any more.
            if host is None or pid is None or not Owner(host, pid, started or "").is_running():
                try:
                    found.append((sid, json.loads(text)))
                except ValueError:
                    found.append((sid, {}))
        return found

    def transcript(self, session_id: int) -> dict:
        row = self._db.execute("SELECT transcript FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(session_id)
        return json.loads(row[0])

    def best_scores(self, trainee: str) -> dict[str, int]:
        """The trainee's best finished score per scenario id."""
        rows = self._db.execute(
            "SELECT scenario_id, MAX(overall) FROM sessions WHERE trainee = ? AND overall IS NOT NULL"
            " GROUP BY scenario_id",
            (trainee,),
        ).fetchall()
        return {sid: best for sid, best in rows}

    def close(self) -> None:
        self._db.close()


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
    return replace(row, outcome=ABANDONED, overall=card.get("overall") if card else None)


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
