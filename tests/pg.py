"""A throwaway PostgreSQL server for the store tests: its own cluster in a temp dir, on a Unix socket only.

`initdb` and `pg_ctl` refuse to run as root, and CI runs as root: then they run as
the `postgres` user. The server binaries come from the OS (`.ci/run` installs
them when missing). With CI=true a server that cannot start fails the run;
elsewhere the PostgreSQL half of the store tests is skipped with the reason.
HEAROUT_TEST_DATABASE_URL=postgresql://… uses a server you already run instead.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class Unavailable(Exception):
    pass


def binaries() -> Path:
    for name in ("pg_ctl",):
        found = shutil.which(name)
        if found:
            return Path(found).parent
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(d, "pg_ctl").exists():
            return Path(d)
    raise Unavailable("no PostgreSQL server binaries (pg_ctl, initdb): apt-get install postgresql")


class Server:
    """Start with `start()`, stop with `stop()`; `url(db)` names a database on it."""

    def __init__(self) -> None:
        self.bin = binaries()
        self.dir = Path(tempfile.mkdtemp(prefix="hearout-pg-"))
        self.data = self.dir / "data"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *cmd: str) -> None:
        done = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise Unavailable(f"{Path(cmd[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> "Server":
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "hearout", "-A", "trust", "-E", "UTF8",
                  "--no-sync", "--locale=C")
        opts = f"-k {self.dir} -h '' -c fsync=off -c full_page_writes=off -c max_connections=60"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"),
                  "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://hearout@/{database}?host={self.dir}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except Unavailable:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
