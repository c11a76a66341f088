"""Saved sessions in SQLite, written turn by turn.

A call is saved when it starts and updated after every move, in WAL mode,
so an interrupted call (Ctrl+C, a closed terminal) loses at most the turn in
progress. Each row keeps the whole transcript; the score is kept beside it
for reports and for the home screen's best scores.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from scoring.transcript import Transcript

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
    score        TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_trainee ON sessions (trainee, scenario_id);
"""


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
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the session database: {exc}") from None

    @classmethod
    def default(cls) -> "SessionStore":
        from simulator.store.paths import data_dir

        return cls(data_dir() / "sessions.db")

    def begin(self, transcript: Transcript) -> int:
        """Save a call as it starts; returns its id for later updates."""
        t = transcript
        cur = self._write(
            "INSERT INTO sessions (trainee, scenario_id, title, seed, started_at, outcome, final_mood, transcript)"
            " VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
            (t.trainee, t.scenario.id, t.scenario.title, t.seed, t.started_at, t.final_mood, _dump(t.to_dict())),
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

    def sessions(self, trainee: str | None = None) -> list[SavedSession]:
        sql = ("SELECT id, trainee, scenario_id, title, seed, started_at, outcome, overall, final_mood"
               " FROM sessions")
        args: tuple = ()
        if trainee is not None:
            sql += " WHERE trainee = ?"
            args = (trainee,)
        try:
            rows = self._db.execute(sql + " ORDER BY started_at, id", args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read saved sessions: {exc}") from None
        return [SavedSession(*row) for row in rows]

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


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
