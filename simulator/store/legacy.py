"""Rows of the hand-written store's table (migration 0001) in today's shape.

Used by migration 0002, which copies them, and by readers, which read an old
database as it is because they never migrate.
"""
from __future__ import annotations

import json
from datetime import datetime

from simulator.store.schema import LEGACY_COLUMNS, LEGACY_OWNER, UNRECORDED, utc


def columns(have) -> tuple[str, ...]:
    """The columns to read from an old table: the first release's, and the owner's where it has them."""
    return LEGACY_COLUMNS + tuple(c for c in LEGACY_OWNER if c in have)


def modern(row, fallback_time: datetime) -> dict:
    """A legacy row as today's columns: UTC time, JSON parsed, duration from the events, source unrecorded."""
    transcript = _loads(row["transcript"])
    events = transcript.get("events") if isinstance(transcript, dict) else None
    times = [e.get("t_ms") for e in events or () if isinstance(e, dict) and isinstance(e.get("t_ms"), int)]
    try:
        started = utc(row["started_at"])
    except (TypeError, ValueError):
        started = fallback_time
    return {
        "id": row["id"], "trainee": row["trainee"], "scenario_id": row["scenario_id"], "title": row["title"],
        "scenario_source": UNRECORDED, "seed": row["seed"], "started_at": started, "updated_at": fallback_time,
        "outcome": row["outcome"], "overall": row["overall"], "final_mood": row["final_mood"],
        "duration_ms": max(times) if times else None, "transcript": transcript,
        "score": _loads(row["score"]) if row["score"] is not None else None,
        "owner_host": row.get("owner_host"), "owner_pid": row.get("owner_pid"),
        "owner_started": row.get("owner_started"),
    }


def _loads(text):
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return {"unreadable": text}  # kept, not lost
