"""The session database's tables, as SQLAlchemy Core: portable types, named constraints.

One definition for SQLite and PostgreSQL. Times are UTC and timezone-aware on the
way in and out whatever the database keeps; transcripts and scores are JSON.
Alembic migrations (migrations/versions) build this schema step by step; HEAD
names the newest, so a process can tell without importing Alembic whether a
database is up to date.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table,
                        TypeDecorator, UniqueConstraint)

HEAD = "0003"  # the newest migration (tests/store check it is Alembic's head)
VERSION_TABLE = "hearout_schema_version"  # not alembic_version: a shared database may hold another app's

# Names for constraints and indexes that both databases accept and migrations can refer to.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


class UTCDateTime(TypeDecorator):
    """An aware UTC datetime: SQLite keeps naive text, PostgreSQL a timestamptz; callers always get UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utc(text: str) -> datetime:
    """An ISO 8601 time from a transcript ('2026-11-29T10:41:16Z') as an aware UTC datetime."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


BUILTIN = "builtin"  # scenario_source of a built-in scenario; a file's is "sha256:<hex>"
UNRECORDED = "unrecorded"  # sessions saved before the source was kept

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee", String, nullable=False),
    Column("scenario_id", String, nullable=False),
    Column("title", String, nullable=False),
    Column("scenario_source", String, nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("outcome", String),  # None while the call is in progress
    Column("overall", Integer),
    Column("final_mood", Integer),
    Column("duration_ms", BigInteger),
    Column("transcript", JSON, nullable=False),
    Column("score", JSON),
    Column("owner_host", String),  # the process writing the call, so a dead one's call can be told apart
    Column("owner_pid", Integer),
    Column("owner_started", String),  # when that process started (owner.py): a reused pid is not the owner
    Index(None, "trainee", "scenario_id"),
    Index(None, "started_at"),
)

# Learning paths (migration 0003): a track assigned to a trainee, as it was when assigned.
assignments = Table(
    "assignments", metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee", String, nullable=False),
    Column("track_id", String, nullable=False),
    Column("track", JSON, nullable=False),
    Column("assigned_at", UTCDateTime, nullable=False),
    Column("assigned_by", String),
    UniqueConstraint("trainee", "track_id"),
)

# Coach reviews (migration 0003): a comment pinned to a turn (or the whole call), or a skill's score
# overridden with a reason. The computed score stays as it was saved; readers show both.
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("turn", Integer),
    Column("skill", String),
    Column("score", Integer),
    Column("text", String, nullable=False),
    Column("coach", String),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "session_id"),
)

# The hand-written store's table (migration 0001), still read as it is by commands that never migrate.
LEGACY_COLUMNS = ("id", "trainee", "scenario_id", "title", "seed", "started_at", "outcome", "overall",
                  "final_mood", "transcript", "score")
LEGACY_OWNER = ("owner_host", "owner_pid", "owner_started")  # added to it in place, by its last release
