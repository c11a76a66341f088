"""Typed sessions: UTC times, JSON transcripts and scores, where the scenario came from, who writes the call.

Rows are copied, never dropped: a transcript that is not JSON is kept as text
inside JSON, and every old row's scenario source is 'unrecorded' (the old store
did not know whether a scenario was built in or a file).

Revision ID: 0002
Revises: 0001
"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

from simulator.store.legacy import columns, modern
from simulator.store.schema import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    bind = op.get_bind()
    op.execute("DROP INDEX IF EXISTS sessions_by_trainee")  # a hand-made copy of the table may lack it
    op.rename_table("sessions", "sessions_v1")
    new = op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("trainee", sa.String, nullable=False),
        sa.Column("scenario_id", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("scenario_source", sa.String, nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("outcome", sa.String),
        sa.Column("overall", sa.Integer),
        sa.Column("final_mood", sa.Integer),
        sa.Column("duration_ms", sa.BigInteger),
        sa.Column("transcript", sa.JSON, nullable=False),
        sa.Column("score", sa.JSON),
        sa.Column("owner_host", sa.String),
        sa.Column("owner_pid", sa.Integer),
        sa.Column("owner_started", sa.String),
    )
    op.create_index("ix_sessions_trainee_scenario_id", "sessions", ["trainee", "scenario_id"])
    op.create_index("ix_sessions_started_at", "sessions", ["started_at"])
    have = {c["name"] for c in sa.inspect(bind).get_columns("sessions_v1")}
    old = sa.table("sessions_v1", *(sa.column(c) for c in columns(have)))
    now = datetime.now(timezone.utc)
    rows = bind.execute(sa.select(old).order_by(old.c.id)).mappings()
    while chunk := rows.fetchmany(BATCH):
        bind.execute(new.insert(), [modern(r, now) for r in chunk])
    op.drop_table("sessions_v1")
    if bind.dialect.name == "postgresql":  # ids were copied: the next new id follows them
        bind.execute(sa.text("SELECT setval(pg_get_serial_sequence('sessions', 'id'),"
                             " COALESCE((SELECT MAX(id) FROM sessions), 0) + 1, false)"))

