"""What the serve tests share: a free loopback port, and the processes a process started."""
from __future__ import annotations

import os
import socket
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_children(pid: int | None = None) -> list[int]:
    """The processes `pid` (default: this one) started and that still run (Linux)."""
    found = []
    for task in Path(f"/proc/{pid or os.getpid()}/task").iterdir():
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:  # a thread that ended meanwhile
            pass
    return found


def wait_listening(port: int, timeout: float = 60) -> None:
    """The server prints its address before it listens: wait until it accepts a connection."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
