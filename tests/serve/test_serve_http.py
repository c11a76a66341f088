"""`hearout serve` over HTTP: the door (join code, name, ticket), the cap, the loopback default.

The server is the real one (textual-serve's aiohttp app with the room's door in
front), on aiohttp's test server; a right code starts a real app process.
"""
from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from serve_helpers import free_port, serve_children as children, wait_listening
from simulator.serve.server import COOKIE, Room, RoomServer

CODE = "K7QM2P"


@pytest.fixture
async def room_client():
    clients = []

    async def make(max_live: int = 4) -> tuple[Room, TestClient]:
        room = Room(code=CODE, max_live=max_live)
        server = RoomServer(room, host="127.0.0.1", port=0)
        client = TestClient(TestServer(await server._make_app()))
        await client.start_server()
        clients.append(client)
        return room, client

    yield make
    for client in clients:
        await client.close()


async def join(client: TestClient, code: str = CODE, name: str = "Ana Lopez"):
    return await client.post("/join", data={"code": code, "name": name}, allow_redirects=False)


async def test_without_a_code_a_browser_gets_the_join_page_and_nothing_else(room_client):
    room, client = await room_client()
    page = await client.get("/")
    assert page.status == 200
    text = await page.text()
    assert 'name="code"' in text and 'name="name"' in text
    assert "textual-terminal" not in text  # no app on the page
    assert (await client.get("/join")).status == 200
    for path in ("/ws", "/download/anything"):
        assert (await client.get(path)).status == 403
    assert room.started == 0 and children() == []


async def test_a_wrong_code_gets_403_and_starts_no_process(room_client):
    room, client = await room_client()
    by_form = await join(client, code="WRONG1")
    assert by_form.status == 403
    assert "not right" in await by_form.text()
    assert COOKIE not in by_form.cookies
    by_link = await client.get("/", params={"code": "K7QM2Q", "name": "Ana"})
    assert by_link.status == 403
    client.session.cookie_jar.update_cookies({COOKIE: "made-up-ticket"})
    assert (await client.get("/ws")).status == 403
    page = await client.get("/")
    assert "textual-terminal" not in await page.text()
    assert room.started == 0 and children() == []


async def test_an_address_guessing_codes_must_wait(room_client):
    room, client = await room_client()
    for n in range(10):
        assert (await join(client, code=f"WRONG{n}")).status == 403
    refused = await join(client)  # even the right code, for a while
    assert refused.status == 429 and "wait a minute" in await refused.text()
    assert COOKIE not in refused.cookies and room.started == 0


@pytest.mark.parametrize("name", ["", "   ", "=cmd|' /C calc'!A0", "\x1b]0;PWNED\x07", "a" * 41, "-2+3"])
async def test_a_right_code_with_an_unusable_name_asks_again(room_client, name):
    room, client = await room_client()
    answer = await join(client, name=name)
    assert answer.status == 400
    assert 'class="error"' in await answer.text()
    assert COOKIE not in answer.cookies
    assert room.tickets == {}


async def test_the_right_code_opens_the_app_as_the_named_trainee(room_client):
    room, client = await room_client()
    answer = await join(client, code=CODE.lower(), name="  Zoë   Ng ")
    assert answer.status == 303 and COOKIE in answer.cookies
    page = await client.get("/")
    text = await page.text()
    assert page.status == 200 and "textual-terminal" in text
    assert re.search(r'data-session-websocket-url="ws://127\.0\.0\.1:\d+/ws"', text)
    assert not re.search(r'(src|href)="(https?:)?//', text)  # nothing from outside the room
    ws = await client.ws_connect("/ws?width=100&height=30")
    try:
        first = await asyncio.wait_for(ws.receive(), 60)
        assert first.type == WSMsgType.BINARY  # the app is drawing
        assert room.live == 1 and room.started == 1
        [pid] = children()
        env = dict(kv.split(b"=", 1) for kv in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0") if b"=" in kv)
        assert env[b"HEAROUT_TRAINEE"] == "Zoë Ng".encode()
        assert Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[1:3] == [b"-m", b"simulator.tui.served"]
    finally:
        await ws.close()
    for _ in range(100):  # the app quits when its browser goes
        if room.live == 0 and not children():
            break
        await asyncio.sleep(0.1)
    assert room.live == 0 and children() == []


async def test_max_refuses_the_next_session_until_a_place_is_free(room_client):
    room, client = await room_client(max_live=1)
    assert (await join(client)).status == 303
    ws = await client.ws_connect("/ws")
    try:
        await asyncio.wait_for(ws.receive(), 60)
        full = await client.get("/")
        assert full.status == 503 and "The room is full" in await full.text()
        assert (await client.get("/ws")).status == 503
        late = await join(client, name="Bo")
        assert late.status == 503 and "The room is full" in await late.text()
        assert room.started == 1
    finally:
        await ws.close()
    for _ in range(100):
        if room.live == 0:
            break
        await asyncio.sleep(0.1)
    assert (await client.get("/")).status == 200


async def test_a_websocket_from_another_site_is_refused(room_client):
    room, client = await room_client()
    await join(client)
    answer = await client.get("/ws", headers={"Origin": "http://evil.example"})
    assert answer.status == 403 and room.started == 0


def listening(port: int) -> set[str]:
    """Local addresses listening on `port`, from /proc/net/tcp (IPv4, hex little-endian)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        addr, hexport = local.split(":")
        if state == "0A" and int(hexport, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
    return found


def test_by_default_the_server_listens_on_loopback_only_and_prints_the_code():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        deadline = time.monotonic() + 30
        while not listening(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listening(port) == {"127.0.0.1"}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert re.search(rf"http://127\.0\.0\.1:{port}/ +join code: [A-Z2-9]{{6}}\b", line)
    assert "warning" not in err


def test_another_address_is_announced_with_a_warning():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--host", "0.0.0.0", "--port", str(port),
                             "--code", "room42"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        warning = proc.stderr.readline()
        line = proc.stdout.readline()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert warning.startswith(f"hearout serve: warning: listening on 0.0.0.0:{port}")
    assert f"open http://<this machine's address>:{port}/  join code: ROOM42" in line


@pytest.mark.parametrize("argv, message", [
    (["--port", "0"], "--port: must be from 1 to 65535, got 0"),
    (["--port", "http"], "--port: must be a whole number"),
    (["--max", "0"], "--max: must be from 1 to 200, got 0"),
    (["--max", "9999999"], "--max: must be a whole number"),
    (["--code", "abc"], "--code: the join code must be 6 to 32 characters long"),
    (["--code", "abc-123"], "--code: the join code must be ASCII letters and digits only"),
    (["--host", " "], "--host must be an address or host name"),
])
def test_bad_options_get_one_line_and_exit_2(argv, message):
    out = subprocess.run([sys.executable, "-m", "simulator", "serve", *argv], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and message in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


async def test_ctrl_c_ends_every_session_and_the_server_at_once():
    import signal

    import aiohttp

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--port", str(port), "--code", CODE],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        proc.stdout.readline()
        await asyncio.to_thread(wait_listening, port)
        url = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await http.post(f"{url}/join", data={"code": CODE, "name": "Ana"})
            ws = await http.ws_connect(f"{url}/ws")
            while (await asyncio.wait_for(ws.receive(), 60)).type != WSMsgType.BINARY:
                pass
            [app] = children(proc.pid)
            proc.send_signal(signal.SIGINT)  # the browser is still open
            while not ws.closed:
                if (await asyncio.wait_for(ws.receive(), 30)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED):
                    break
        _, err = await asyncio.to_thread(proc.communicate, timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0 and "Traceback" not in err
    assert not Path(f"/proc/{app}").exists()
