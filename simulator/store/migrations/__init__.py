"""Alembic migrations of the session database, shipped in the package and run by the store itself."""
