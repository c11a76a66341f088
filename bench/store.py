"""Store benchmark on SQLite: 1,000 sessions saved, then `hearout report --format csv` for all of them.

Each figure is set against a baseline in the same run: plain sqlite3 doing the
same writes (one insert and one update per session, JSON text, WAL), and a
plain sqlite3 script writing the same CSV. The store's price is SQLAlchemy,
typed columns, and (for the report) a process that opens read-only and checks
the schema; the ratios show it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from scoring import score
from simulator.engine import run_script
from simulator.engine.builtin import load_builtin

SESSIONS = 1000
ROOT = Path(__file__).resolve().parent.parent
PATHS = [
    ("lawn-missed-mow", ["wait", "wait", "wait", "ask-more", "wait", "own-it", "choice-of-extras", "commit",
                         "thank-and-visit"]),
    ("lawn-missed-mow", ["rain-delay", "hoa-not-us", "no-season-refunds", "refund-season"]),
    ("grooming-refund", ["ticket-says", "its-just-fur", "policy-is-policy", "refund-now"]),
    ("lawn-missed-mow", ["wait", "wait"]),
]

RAW_CSV = """
import csv, json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
w = csv.writer(sys.stdout)
w.writerow(["id", "trainee", "scenario_id", "title", "seed", "started_at", "outcome", "overall", "skills"])
for row in db.execute("SELECT id, trainee, scenario_id, title, seed, started_at, outcome, overall, score"
                      " FROM raw ORDER BY started_at, id"):
    skills = json.loads(row[8])["skills"] if row[8] else {}
    w.writerow([*row[:8], *(v["score"] for v in skills.values())])
"""


def calls():
    """Ten trainees' calls: (transcript, score dict), prepared before timing (scoring is not the store's cost)."""
    made = []
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in range(SESSIONS):
        sid, moves = PATHS[i % len(PATHS)]
        t = run_script(load_builtin(sid), moves, seed=i, trainee=f"trainee-{i % 10}",
                       started_at=start + timedelta(minutes=i)).transcript()
        made.append((t, score(t).to_dict()))
    return made


def save_with_store(path: Path, made) -> float:
    from simulator.store import SessionStore

    t0 = time.perf_counter()
    with SessionStore(path) as store:
        for t, card in made:
            row = store.begin(t)
            store.update(row, t, finished=True, score=card)
    return time.perf_counter() - t0


def save_raw(path: Path, made) -> float:
    import sqlite3

    t0 = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, trainee TEXT, scenario_id TEXT, title TEXT, seed INTEGER,"
               " started_at TEXT, outcome TEXT, overall INTEGER, final_mood INTEGER, transcript TEXT, score TEXT)")
    for t, card in made:
        cur = db.execute("INSERT INTO raw (trainee, scenario_id, title, seed, started_at, final_mood, transcript)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", (t.trainee, t.scenario.id, t.scenario.title, t.seed,
                                                           t.started_at, t.final_mood, json.dumps(t.to_dict())))
        db.execute("UPDATE raw SET transcript = ?, outcome = ?, overall = ?, score = ? WHERE id = ?",
                   (json.dumps(t.to_dict()), t.outcome, card["overall"], json.dumps(card), cur.lastrowid))
    db.close()
    return time.perf_counter() - t0


def timed(cmd: list[str], env: dict) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd[2:])} failed: {done.stderr.strip()}")
    return time.perf_counter() - t0, done.stdout


def main() -> int:
    made = calls()
    with tempfile.TemporaryDirectory() as data:
        db, raw = Path(data) / "sessions.db", Path(data) / "raw.db"
        store_s, raw_s = save_with_store(db, made), save_raw(raw, made)
        env = {**os.environ, "HEAROUT_DATA_DIR": data}
        env.pop("HEAROUT_DATABASE_URL", None)
        report_s, out = timed([sys.executable, "-m", "simulator", "report", "--format", "csv"], env)
        raw_report_s, raw_out = timed([sys.executable, "-c", RAW_CSV, str(raw)], env)
        rows = len(out.splitlines()) - 1
        size = db.stat().st_size
    print(f"store on SQLite, {SESSIONS:,} sessions (one insert + one update each, as `play` saves)")
    print(f"  saved by the store          {store_s * 1000:8.0f} ms  {store_s / SESSIONS * 1000:6.2f} ms/session"
          f"   database {size / 1e6:.1f} MB")
    print(f"  saved by plain sqlite3      {raw_s * 1000:8.0f} ms  {raw_s / SESSIONS * 1000:6.2f} ms/session")
    print(f"  ratio (store / plain)       {store_s / raw_s:8.2f}")
    print(f"  report --format csv         {report_s * 1000:8.0f} ms  {rows:,} rows (a fresh process, read-only)")
    print(f"  plain sqlite3 csv script    {raw_report_s * 1000:8.0f} ms  {len(raw_out.splitlines()) - 1:,} rows")
    print(f"  ratio (report / plain)      {report_s / raw_report_s:8.2f}")
    if rows != SESSIONS:
        print(f"bench: report listed {rows} rows, not {SESSIONS}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
