"""Every store test runs on SQLite and on a real PostgreSQL (tests/pg.py starts one for the run)."""
from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent.parent))
import pg  # noqa: E402

_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server to make test databases on; skipped (failed on CI) when there is none."""
    given = os.environ.get("HEAROUT_TEST_DATABASE_URL")
    if given:
        yield given
        return
    try:
        server = pg.Server().start()
    except pg.Unavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs PostgreSQL for the store tests: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL: {exc}")
    yield server.url()
    server.stop()


@pytest.fixture
def fresh_pg(pg_server):
    """A new, empty PostgreSQL database; its URL."""
    name = f"hearout_test_{os.getpid()}_{next(_numbers)}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(pg_server).set(database=name)
    yield url.render_as_string(hide_password=False)
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """The store's location on each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "sessions.db")
    return request.getfixturevalue("fresh_pg")


@pytest.fixture
def use_backend(backend, monkeypatch, _private_data_dir):
    """The `hearout` command's configuration pointing at the backend (HEAROUT_DATABASE_URL for PostgreSQL)."""
    if backend.startswith("postgresql"):
        monkeypatch.setenv("HEAROUT_DATABASE_URL", backend)
    else:
        monkeypatch.setenv("HEAROUT_DATA_DIR", str(Path(backend).parent))
    return backend
