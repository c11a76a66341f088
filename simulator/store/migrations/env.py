"""Alembic's entry point: always given an open connection (inside the store's write lock)."""
from alembic import context

from simulator.store.schema import VERSION_TABLE, metadata


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters a table by copying it
    )
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "_proxy", None) is not None:  # run by Alembic (imported alone, e.g. by the architecture test, it does nothing)
    run_migrations()
