"""Which process owns a call in progress, and whether that process still runs.

A session is saved when its call starts; if the process dies without saying
goodbye (`kill -9`, a power cut), the row stays `in progress`. The owner
recorded at `begin` lets any later process tell such an orphan from a call
another terminal is still taking: same host, and a process with that pid
which started at the same moment (a pid can be reused after the process
died, or after a reboot, so the pid alone is not enough).
"""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Owner:
    host: str
    pid: int
    started: str  # when the process started, as the OS tells it; "" where it cannot

    @classmethod
    def current(cls) -> "Owner":
        return cls(_host(), os.getpid(), process_started(os.getpid()))

    def is_running(self) -> bool:
        """Whether the owning process still runs; on another host nobody can tell, so it counts as running."""
        if self.host != _host():
            return True
        if self.pid == os.getpid():
            return self.started == process_started(self.pid)
        if not _pid_exists(self.pid):
            return False
        now = process_started(self.pid)
        return not (self.started and now) or now == self.started  # unknown start times: trust the pid


@lru_cache(maxsize=1)
def _host() -> str:
    return socket.gethostname()


def _pid_exists(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    except OSError:
        return False
    return True


def process_started(pid: int) -> str:
    """The boot and the clock tick a process started at (Linux); "" where the OS does not say."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            boot = f.read().strip()
    except OSError:
        return ""
    # Field 22 is the start time; the command name (field 2) may hold spaces, so count after its ')'.
    fields = stat.rpartition(")")[2].split()
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""
