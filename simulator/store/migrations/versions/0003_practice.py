"""The practice loop: learning paths (a track assigned to a trainee, kept as it was when assigned)
and coach reviews (comments pinned to a session's turns, skill scores overridden with a reason).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

from simulator.store.schema import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("trainee", sa.String, nullable=False),
        sa.Column("track_id", sa.String, nullable=False),
        sa.Column("track", sa.JSON, nullable=False),  # the track as assigned: editing its file later changes nothing
        sa.Column("assigned_at", UTCDateTime, nullable=False),
        sa.Column("assigned_by", sa.String),
        sa.UniqueConstraint("trainee", "track_id", name="uq_assignments_trainee_track_id"),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("turn", sa.Integer),  # the turn a comment is pinned to; None: the whole call
        sa.Column("skill", sa.String),  # with `score`: an override of that skill's score
        sa.Column("score", sa.Integer),
        sa.Column("text", sa.String, nullable=False),  # the comment, or the override's reason
        sa.Column("coach", sa.String),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], name="fk_reviews_session_id_sessions"),
    )
    op.create_index("ix_reviews_session_id", "reviews", ["session_id"])
