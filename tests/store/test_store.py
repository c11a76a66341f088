"""The session store on SQLite and on PostgreSQL: what is saved comes back, readers never write, schemas are checked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from scoring import score
from simulator.engine import run_script
from simulator.engine.builtin import load_builtin
from simulator.store import SessionStore, StoreError
from simulator.store.recording import CallRecord
from simulator.store.schema import HEAD, VERSION_TABLE

LAWN_BEST = ["wait", "wait", "wait", "ask-more", "wait", "own-it", "choice-of-extras", "commit", "thank-and-visit"]
LAWN_WORST = ["rain-delay", "hoa-not-us", "wait", "no-season-refunds", "refund-season"]


def play(moves=LAWN_BEST, *, trainee="ana", seed=1, day=1, scenario="lawn-missed-mow"):
    sc = load_builtin(scenario)
    started = datetime(2026, 11, day, 9, 0, tzinfo=timezone.utc)
    return run_script(sc, moves, seed=seed, trainee=trainee, started_at=started).transcript()


def save(store, transcript, **kw):
    row = store.begin(transcript, **kw)
    store.update(row, transcript, finished=True, score=score(transcript).to_dict())
    return row


def tables(location: str) -> set[str]:
    if location.startswith("postgresql"):
        engine = sa.create_engine(location)
        try:
            return set(sa.inspect(engine).get_table_names())
        finally:
            engine.dispose()
    return set() if not Path(location).exists() else set(sa.inspect(sa.create_engine(f"sqlite:///{location}"))
                                                         .get_table_names())


def test_a_finished_call_comes_back_as_it_was_saved(backend):
    t = play(seed=2**63 - 1, trainee="Zoë Ångström")
    with SessionStore(backend) as store:
        row = save(store, t)
        [s] = store.sessions()
        assert store.transcript(row) == t.to_dict()
    card = score(t)
    assert (s.id, s.trainee, s.scenario_id, s.seed, s.outcome, s.overall) == (
        row, "Zoë Ångström", "lawn-missed-mow", 2**63 - 1, "retained", card.overall)
    assert s.started_at == datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)  # aware UTC on both databases
    assert s.skills == {k: v.score for k, v in card.skills.items()}
    assert s.duration_ms == max(e.t_ms for e in t.events) and s.scenario_source == "builtin"


def test_a_call_is_saved_turn_by_turn_and_stays_in_progress_until_finished(backend):
    first = run_script(load_builtin("lawn-missed-mow"), ["wait"], seed=1, trainee="ana").transcript()
    later = play(["wait", "wait", "wait", "ask-more"])
    with SessionStore(backend) as store:
        row = store.begin(first)
        store.update(row, later)
        [s] = store.sessions()
        assert s.outcome is None and s.overall is None and s.skills == {}
        assert len(store.transcript(row)["events"]) == len(later.events)


def test_filters_by_trainee_scenario_and_start(backend):
    with SessionStore(backend) as store:
        save(store, play(trainee="ana", day=1))
        save(store, play(LAWN_WORST, trainee="ben", day=2))
        save(store, play(["ticket-says", "its-just-fur"], trainee="ana", day=3,
                         scenario="grooming-refund"))
        assert [s.trainee for s in store.sessions()] == ["ana", "ben", "ana"]
        assert [s.day for s in (x.started_at for x in store.sessions("ana"))] == [1, 3]
        assert [s.trainee for s in store.sessions(scenario="grooming-refund")] == ["ana"]
        since = datetime(2026, 11, 2, tzinfo=timezone.utc)
        assert [s.trainee for s in store.sessions(since=since)] == ["ben", "ana"]
        assert [s.trainee for s in store.sessions(since=since + timedelta(days=5))] == []


def test_best_scores_never_count_a_file_that_borrows_a_built_in_id(backend):
    with SessionStore(backend) as store:
        save(store, play(LAWN_WORST))
        save(store, play(LAWN_BEST), source="sha256:" + "ab" * 32)  # a file with the built-in's id
        worst = score(play(LAWN_WORST)).overall
        assert store.best_scores("ana") == {"lawn-missed-mow": worst}
        assert {s.scenario_source for s in store.sessions()} == {"builtin", "sha256:" + "ab" * 32}


def test_a_reader_of_a_store_not_made_yet_finds_nothing_and_creates_nothing(backend):
    with SessionStore(backend, read_only=True) as store:
        assert store.sessions() == [] and store.best_scores("ana") == {}
    assert tables(backend) == set()
    if not backend.startswith("postgresql"):
        assert not Path(backend).exists()


def test_a_reader_cannot_write(backend):
    with SessionStore(backend) as store:
        save(store, play())
    with SessionStore(backend, read_only=True) as reader:
        with pytest.raises(StoreError, match="reading only"):
            reader.begin(play())
        assert len(reader.sessions()) == 1


def test_a_newer_schema_is_refused_by_readers_and_writers_and_left_alone(backend):
    with SessionStore(backend) as store:
        save(store, play())
    engine = sa.create_engine(backend if backend.startswith("postgresql") else f"sqlite:///{backend}")
    with engine.begin() as c:
        c.execute(sa.text(f"UPDATE {VERSION_TABLE} SET version_num = '0099'"))
    for read_only in (True, False):
        with pytest.raises(StoreError) as info:
            SessionStore(backend, read_only=read_only)
        message = str(info.value)
        assert "newer hearout" in message and "0099" in message and "\n" not in message
    with engine.connect() as c:
        assert c.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == "0099"
        assert c.execute(sa.text("SELECT COUNT(*) FROM sessions")).scalar() == 1
    engine.dispose()


def test_another_programs_sessions_table_is_refused_and_left_alone(backend):
    engine = sa.create_engine(backend if backend.startswith("postgresql") else f"sqlite:///{backend}")
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_name TEXT, note TEXT)"))
        c.execute(sa.text("INSERT INTO sessions VALUES (1, 'x', 'keep me')"))
    for read_only in (True, False):
        with pytest.raises(StoreError, match="not a hearout session database"):
            SessionStore(backend, read_only=read_only)
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT note FROM sessions")).all() == [("keep me",)]
    assert tables(backend) == {"sessions"}
    engine.dispose()


def test_the_migrations_build_exactly_the_schema_the_code_uses(backend):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.config import Config

    from simulator.store.schema import metadata

    cfg = Config()
    cfg.set_main_option("script_location", "simulator.store:migrations")
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD
    SessionStore(backend).close()
    engine = sa.create_engine(backend if backend.startswith("postgresql") else f"sqlite:///{backend}")
    with engine.connect() as c:
        ctx = MigrationContext.configure(c, opts={"version_table": VERSION_TABLE, "compare_type": True})
        assert compare_metadata(ctx, metadata) == []
        assert c.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD
    engine.dispose()


def test_a_failing_write_during_a_call_is_kept_as_a_message_not_raised(backend):
    with SessionStore(backend, read_only=True) as reader:
        record = CallRecord(reader, play())
        assert record.id is None and "Could not save this call" in record.error


WRITER = """
import sys
from datetime import datetime, timezone
from scoring import score
from simulator.engine import run_script
from simulator.engine.builtin import load_builtin
from simulator.store import SessionStore

location, who = sys.argv[1], sys.argv[2]
sc = load_builtin("lawn-missed-mow")
moves = {moves!r}
store = SessionStore(location)
for i in range(25):
    session = run_script(sc, moves[:3], seed=i, trainee=who)
    row = store.begin(session.transcript())
    t = run_script(sc, moves, seed=i, trainee=who).transcript()
    store.update(row, t)
    store.update(row, t, finished=True, score=score(t).to_dict())
store.close()
"""


def test_four_writer_processes_save_a_hundred_sessions_without_a_lock_error(backend):
    code = WRITER.format(moves=LAWN_BEST)
    procs = [subprocess.Popen([sys.executable, "-c", code, backend, f"writer-{n}"], stderr=subprocess.PIPE, text=True)
             for n in range(4)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with SessionStore(backend, read_only=True) as store:
        saved = store.sessions()
    assert len(saved) == 100 and len({s.id for s in saved}) == 100
    assert all(s.outcome == "retained" for s in saved)
    assert sorted({s.trainee for s in saved}) == [f"writer-{n}" for n in range(4)]
