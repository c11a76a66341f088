"""Opening the session database: where it is, for reading or for writing, and whether it is ours.

One code path for SQLite (the default file in the data folder) and PostgreSQL
(HEAROUT_DATABASE_URL). A writer checks the file is sound (quick_check), then,
holding the write lock, recognises the schema and migrates it to HEAD. A reader
never creates, migrates or modifies anything: it reads HEAD or the hand-written
store's table as they are, and refuses anything else.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.url import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from simulator.store.schema import HEAD, LEGACY_COLUMNS, LEGACY_OWNER, VERSION_TABLE

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another writer's turn
LEGACY = "0001"
MIGRATION_LOCK = 0x6865_6172  # PostgreSQL advisory lock taken while migrating ("hear")


class StoreError(Exception):
    """The session database cannot be opened, read or written; the message is one line for the user."""


@dataclass(frozen=True)
class Target:
    """Where the sessions are: a SQLite file, or a database server's URL."""

    url: URL
    path: Path | None  # the SQLite file; None for a server

    @property
    def shown(self) -> str:
        from simulator.engine.problems import one_line

        return one_line(str(self.path) if self.path else self.url.render_as_string(hide_password=True))


def target(location: str | os.PathLike | None = None) -> Target:
    """HEAROUT_DATABASE_URL, else sessions.db in the data folder; a path or URL given wins."""
    if location is None:
        location = os.environ.get("HEAROUT_DATABASE_URL", "").strip() or None
        if location is not None and "://" not in location:
            raise StoreError("HEAROUT_DATABASE_URL: not a database URL (expected postgresql://… or sqlite:///FILE)")
    if location is None:
        from simulator.store.paths import data_dir

        location = data_dir() / "sessions.db"
    if isinstance(location, os.PathLike) or "://" not in str(location):
        path = Path(location).absolute()
        return Target(URL.create("sqlite", database=str(path)), path)
    try:
        url = make_url(str(location))
    except SQLAlchemyError:
        raise StoreError("HEAROUT_DATABASE_URL: not a database URL (expected postgresql://… or sqlite:///FILE)") from None
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return Target(url.set(drivername="postgresql+psycopg"), None)  # psycopg 3, whichever way it was written
    if url.drivername in ("sqlite", "sqlite+pysqlite") and url.database and url.database != ":memory:":
        return target(Path(url.database))
    raise StoreError(f"HEAROUT_DATABASE_URL: unsupported database {url.drivername!r} (use postgresql:// or sqlite:///FILE)")


def open_engine(where: Target, *, writing: bool) -> Engine | None:
    """An engine on the database, checked and (for a writer) migrated to HEAD; None: a reader found no database."""
    if where.path is not None:
        engine = _sqlite_writer(where.path) if writing else _sqlite_reader(where.path)
        if engine is None:
            return None
    else:
        engine = _server(where.url, writing=writing)
    try:
        if writing:
            _check_integrity(engine, where)
            _migrate(engine, where)
            if where.path is not None:  # after the schema is known to be ours: never switch another's file
                _pragma(engine, "journal_mode=WAL")
        else:
            with engine.connect() as conn:
                revision(conn, where)
    except SQLAlchemyError as exc:  # the server is unreachable, refuses us, or the file cannot be opened
        engine.dispose()
        raise failure(where, "cannot open the session database", exc) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def failure(where: Target, doing: str, exc: BaseException) -> StoreError:
    """A database error as one line: where, what we were doing, and the database's own words."""
    from simulator.engine.problems import one_line

    orig = getattr(exc, "orig", None) or exc
    words = one_line(str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__)
    return StoreError(f"{where.shown}: {doing}: {words[:300]}")


# --- SQLite ---------------------------------------------------------------------

def _sqlite_writer(path: Path) -> Engine:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the data folder: {exc.strerror or exc}") from None
    engine = sa.create_engine(URL.create("sqlite", database=str(path)), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _sqlite_events(engine, begin="BEGIN IMMEDIATE")  # take the write lock up front: no deadlock on upgrade
    return engine


def _sqlite_reader(path: Path) -> Engine | None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None  # nothing saved yet, and a reader creates nothing
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the session database: {exc.strerror or exc}") from None
    if size == 0:
        raise StoreError(f"{path}: the file is empty (0 bytes), not a hearout session database")
    uri = path.as_uri()
    # A WAL file means a writer may be at work: read through it. Without one the file is all there is: read it
    # as immutable, which creates no -wal/-shm beside it and works on a read-only mount.
    wal = Path(f"{path}-wal")
    modes = ["mode=ro", "mode=ro&immutable=1"] if wal.exists() else ["mode=ro&immutable=1"]

    def connect():
        for i, mode in enumerate(modes):
            try:
                return sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                       check_same_thread=False)
            except sqlite3.OperationalError:
                if i == len(modes) - 1:  # a read-only folder without its -shm: read the file as it is
                    raise

    engine = sa.create_engine("sqlite://", creator=connect, poolclass=sa.pool.StaticPool)
    _sqlite_events(engine, begin="BEGIN")
    return engine


def _sqlite_events(engine: Engine, *, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we say when transactions begin (below), not the driver
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql(begin)


def _check_integrity(engine: Engine, where: Target) -> None:
    """Before a process's first write: a damaged SQLite file is refused, never appended to."""
    if where.path is None:
        return  # a server checks its own pages
    try:
        rows = [r[0] for r in _pragma(engine, "quick_check")]
    except (SQLAlchemyError, sqlite3.Error) as exc:
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.DatabaseError) and "not a database" in str(orig):
            raise StoreError(f"{where.path}: not a SQLite database (another program's file?); "
                             f"move it aside (mv {where.path} {where.path}.old) and hearout starts a new one") from None
        if isinstance(orig, sqlite3.DatabaseError) and "malformed" in str(orig):
            rows = [str(orig)]
        else:
            raise failure(where, "cannot open the session database", exc) from None
    if rows != ["ok"]:
        raise StoreError(f"{where.path}: the session database is damaged ({rows[0][:80]}); nothing was saved into it. "
                         f"Move it aside (mv {where.path} {where.path}.damaged) and hearout starts a new one")


def _pragma(engine: Engine, pragma: str) -> list[tuple]:
    """A PRAGMA outside any transaction (journal_mode cannot change inside one)."""
    raw = engine.raw_connection()
    try:
        return raw.driver_connection.execute(f"PRAGMA {pragma}").fetchall()
    finally:
        raw.close()


# --- PostgreSQL --------------------------------------------------------------------

def _server(url: URL, *, writing: bool) -> Engine:
    args: dict = {"connect_timeout": 10}
    if not writing:
        args["options"] = "-c default_transaction_read_only=on"  # the server itself refuses a reader's write
    try:
        return sa.create_engine(url, connect_args=args, pool_pre_ping=False)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"{url.render_as_string(hide_password=True)}: cannot use the database: {exc}") from None


# --- the schema ---------------------------------------------------------------------

def revision(conn: Connection, where: Target) -> str | None:
    """The schema's migration (HEAD, or LEGACY for the hand-written store); None: no hearout tables yet.

    Refuses, with one line, a newer schema and tables hearout did not make.
    """
    try:
        insp = sa.inspect(conn)
        tables = set(insp.get_table_names())
        if VERSION_TABLE in tables:
            found = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
            if len(found) != 1:
                raise StoreError(f"{where.shown}: the schema version table holds {len(found)} versions; "
                                 f"not a database hearout can use")
            if found[0] not in _known():
                raise StoreError(f"{where.shown}: made by a newer hearout (schema {found[0]!r}; this one knows "
                                 f"up to {HEAD!r}); update hearout to use it — nothing was changed")
            return found[0]
        if "sessions" in tables:
            columns = tuple(c["name"] for c in insp.get_columns("sessions"))
            others = tables - {"sessions"}
            legacy = set(LEGACY_COLUMNS) <= set(columns) <= set(LEGACY_COLUMNS + LEGACY_OWNER)
            if legacy and not (where.path and others):
                return LEGACY
        elif not tables or where.path is None:
            return None  # a new file, or a server database without our tables (it may hold others')
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        raise failure(where, "cannot read the session database", exc) from None
    raise StoreError(f"{where.shown}: not a hearout session database (tables: {', '.join(sorted(tables))[:120]}); "
                     f"nothing was changed — point HEAROUT_DATA_DIR or HEAROUT_DATABASE_URL elsewhere")


def _known() -> set[str]:
    return {p.stem.split("_", 1)[0] for p in (Path(__file__).parent / "migrations" / "versions").glob("0*.py")}


def _migrate(engine: Engine, where: Target) -> None:
    """Bring the schema to HEAD, one writer at a time, in one transaction (both databases have transactional DDL)."""
    try:
        with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE, the write lock
            if where.path is None:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            if revision(conn, where) == HEAD:
                return
            from alembic import command
            from alembic.config import Config

            cfg = Config()
            cfg.set_main_option("script_location", "simulator.store:migrations")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        raise failure(where, "cannot prepare the session database", exc) from None
