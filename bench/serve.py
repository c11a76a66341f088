"""Memory per served session: how many trainees one machine's `hearout serve` holds.

The room's real server (textual-serve behind the join code) runs in this
process on a loopback port; SESSIONS websocket clients join and take a call
(Enter, Enter: briefing, then the call, the customer talking). Each session
is one app process; its memory is its PSS (shared pages split among the
processes that share them), so the sum is what the machine pays. The
baseline is a bare Textual app with one label, served the same way in the
same run. From hearout's figure: how many sessions fit in 4 GB.
"""
from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
from pathlib import Path

SESSIONS = 4
WINDOW_S = 5
BUDGET_MB = 4096
CODE = "BENCH1"
BARE = [sys.executable, "-c",
        "from textual.app import App\nfrom textual.widgets import Label\n"
        "class Bare(App):\n    def compose(self):\n        yield Label('bare')\nBare().run()"]


def pss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def children() -> list[int]:
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


async def served(child: list[str] | None, keys: list[str]) -> tuple[list[int], float, float]:
    """PSS (kB) of each app process, SESSIONS of them served at once and driven by `keys`,
    the share of one core each used over WINDOW_S seconds after that, and the CPU seconds each took to start."""
    import aiohttp
    from aiohttp import web

    from simulator.serve.server import CHILD, Room, RoomServer

    server = RoomServer(Room(code=CODE, max_live=SESSIONS), "127.0.0.1", 0, child=child or CHILD)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await http.post(f"{url}/join", data={"code": CODE, "name": "Bench"})
            sockets = [await http.ws_connect(f"{url}/ws?width=100&height=30") for _ in range(SESSIONS)]
            for ws in sockets:
                while (await asyncio.wait_for(ws.receive(), 60)).type != aiohttp.WSMsgType.BINARY:
                    pass
            await asyncio.sleep(2)  # the home list loaded
            started = statistics.mean(cpu_s(pid) for pid in children())
            for key in keys:
                for ws in sockets:
                    await ws.send_json(["stdin", key])
                await asyncio.sleep(1.5)
            pids = children()
            before = sum(cpu_s(pid) for pid in pids)
            await asyncio.sleep(WINDOW_S)  # the customer talks, the mood meter moves: what a call costs
            load = (sum(cpu_s(pid) for pid in pids) - before) / WINDOW_S / max(len(pids), 1)
            sizes = [pss_kb(pid) for pid in pids]
            for ws in sockets:
                await ws.close()
    finally:
        await runner.cleanup()
    if len(sizes) != SESSIONS:
        raise SystemExit(f"bench: expected {SESSIONS} app processes, found {len(sizes)}")
    return sizes, load, started


def main() -> int:
    with tempfile.TemporaryDirectory() as data:
        os.environ["HEAROUT_DATA_DIR"] = data  # the benchmark never touches the user's sessions
        bare, bare_load, bare_start = asyncio.run(served(BARE, []))
        hearout, load, start = asyncio.run(served(None, ["\r", "\r"]))  # briefing, then the call
        from simulator.store import SessionStore

        with SessionStore.default(read_only=True) as store:
            calls = len(store.sessions())
        if calls != SESSIONS:  # each session must really have been in a call
            raise SystemExit(f"bench: {SESSIONS} served sessions should have started {SESSIONS} calls, found {calls}")
    per_bare = statistics.mean(bare) / 1024
    per_session = statistics.mean(hearout) / 1024
    print(f"served sessions, {SESSIONS} at once               memory per session (PSS)")
    print(f"  bare textual app, served           {per_bare:7.1f} MB")
    print(f"  hearout, in a call                 {per_session:7.1f} MB")
    print(f"  ratio (hearout / bare)             {per_session / per_bare:7.2f}")
    print(f"  CPU to start a session             {start:7.2f} s (bare: {bare_start:.2f} s)")
    print(f"  CPU per session in a call          {load * 100:7.1f} % of a core (bare, idle: {bare_load * 100:.1f} %)")
    print(f"  sessions that fit in {BUDGET_MB // 1024} GB          {int(BUDGET_MB // per_session):7d}"
          "   (app processes only; the server itself is one more process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
