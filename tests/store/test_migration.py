"""A database written by the hand-written store (tests/store/fixtures/legacy-v0.db) upgrades without loss."""
from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from simulator.store import SessionStore
from simulator.store.schema import HEAD, VERSION_TABLE

FIXTURE = Path(__file__).parent / "fixtures" / "legacy-v0.db"


def legacy_rows() -> list[dict]:
    db = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro&immutable=1", uri=True)
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM sessions ORDER BY id")]
    db.close()
    return rows


def as_saved(store: SessionStore) -> list[dict]:
    out = []
    for s, transcript in store.transcripts():
        score = store._rows(("id", "score"), ids=(s.id,))[0]["score"]
        out.append({"id": s.id, "trainee": s.trainee, "scenario_id": s.scenario_id, "title": s.title,
                    "seed": s.seed, "started_at": s.started_iso, "outcome": s.outcome, "overall": s.overall,
                    "final_mood": s.final_mood, "transcript": transcript, "score": score})
    return out


def expected() -> list[dict]:
    return [{**r, "transcript": json.loads(r["transcript"]),
             "score": json.loads(r["score"]) if r["score"] else None} for r in legacy_rows()]


def test_the_fixture_holds_finished_abandoned_and_in_progress_calls():
    rows = legacy_rows()
    assert len(rows) == 5 and {r["outcome"] for r in rows} == {"resolved", "retained", "abandoned", None}


def test_a_writer_upgrades_the_old_sqlite_store_keeping_every_row(tmp_path):
    db = tmp_path / "sessions.db"
    shutil.copy(FIXTURE, db)
    with SessionStore(db) as store:
        assert as_saved(store) == expected()
        assert {s.scenario_source for s in store.sessions()} == {"unrecorded"}
        new = store.begin(store_transcript())
        assert new == 6  # ids carry on after the old ones
    version = sqlite3.connect(db).execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    assert version == (HEAD,)


def test_a_reader_reads_the_old_store_as_it_is_and_changes_nothing(tmp_path):
    db = tmp_path / "sessions.db"
    shutil.copy(FIXTURE, db)
    before = db.read_bytes()
    with SessionStore(db, read_only=True) as store:
        assert as_saved(store) == expected()
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["sessions.db"]


def test_the_same_upgrade_on_postgresql(fresh_pg):
    # The old table on PostgreSQL (migration 0001) holding the fixture's rows, then a writer opens it.
    from alembic import command
    from alembic.config import Config

    engine = sa.create_engine(fresh_pg)
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", "simulator.store:migrations")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        old = sa.table("sessions", *(sa.column(c) for c in legacy_rows()[0]))
        conn.execute(old.insert(), legacy_rows())
    engine.dispose()
    with SessionStore(fresh_pg, read_only=True) as reader:  # read as it is first
        assert as_saved(reader) == expected()
    with SessionStore(fresh_pg) as store:
        assert as_saved(store) == expected()
        assert store.begin(store_transcript()) == 6


def store_transcript():
    from simulator.engine import run_script
    from simulator.engine.builtin import load_builtin

    return run_script(load_builtin("lawn-missed-mow"), ["wait"], seed=1, trainee="new").transcript()


def test_the_old_store_with_owner_columns_keeps_them_and_its_orphan(tmp_path):
    # legacy-owners.db: made by the hand-written store at 639ca1b, which added the owner columns in place.
    db = tmp_path / "sessions.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "legacy-owners.db", db)
    with SessionStore(db, read_only=True) as reader:
        assert [(s.outcome, s.overall) for s in reader.sessions()] == [("retained", 100), (None, None)]
        assert reader.orphans() == [2]  # its process is long gone
    with SessionStore(db) as store:
        assert store.orphans() == [2] and store.finalize_orphans() == [2]
        assert [s.outcome for s in store.sessions()] == ["retained", "abandoned"]
    owner = sqlite3.connect(db).execute("SELECT owner_host, owner_pid, owner_started FROM sessions").fetchall()
    assert owner[0] == ("vm", 27057, "25eae18b-9ae5-44f4-84ec-2d2df5ce402d:100484")
