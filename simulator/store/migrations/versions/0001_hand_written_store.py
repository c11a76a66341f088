"""The hand-written SQLite store's table, as it was before migrations.

A database made by that store already has it and is only stamped; a new one gets
it here and is upgraded like any other.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("sessions"):
        return  # made by the hand-written store: the store checked its columns before migrating
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer),
        sa.Column("trainee", sa.Text, nullable=False),
        sa.Column("scenario_id", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text),
        sa.Column("overall", sa.Integer),
        sa.Column("final_mood", sa.Integer),
        sa.Column("transcript", sa.Text, nullable=False),
        sa.Column("score", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_sessions_v0"),  # not pk_sessions: 0002 makes that one beside it
    )
    op.create_index("sessions_by_trainee", "sessions", ["trainee", "scenario_id"])
