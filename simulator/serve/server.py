"""The room's web server: textual-serve's Server behind a join code, one app process per browser.

The door is an aiohttp middleware (`Room.gate`): a request without a ticket
gets the join page, or 403 for anything else; a wrong join code gets 403.
A right code and a valid name give a ticket (an HttpOnly cookie), and only a
ticket opens the app page and its websocket, where textual-serve starts the
app process. No ticket, no process. At most `max_live` processes run at once;
the next visitor is told the room is full (503).
"""
from __future__ import annotations

import asyncio
import html
import logging
import re
import secrets
import sys
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from simulator.serve.names import clean_name, code_matches

COOKIE = "hearout_ticket"
MAX_TICKETS = 1000  # the oldest ticket is forgotten past this many
WRONG_LIMIT, WRONG_WINDOW_S = 10, 60  # wrong codes from one address before it must wait
CHILD = [sys.executable, "-m", "simulator.tui.served"]  # a fixed argv: the name goes in the environment

log = logging.getLogger("hearout.serve")


@dataclass
class Room:
    code: str
    max_live: int
    tickets: OrderedDict[str, str] = field(default_factory=OrderedDict)  # ticket -> trainee name
    live: int = 0  # app processes running now
    started: int = 0  # app processes started since the server began
    wrong: dict[str, deque] = field(default_factory=dict)  # address -> times of its recent wrong codes

    def admit(self, name: str) -> str:
        ticket = secrets.token_urlsafe(24)
        self.tickets[ticket] = name
        while len(self.tickets) > MAX_TICKETS:
            self.tickets.popitem(last=False)
        return ticket

    def holder(self, ticket: str | None) -> str | None:
        return self.tickets.get(ticket) if ticket else None

    def trainee(self, request: web.Request) -> str:
        """The name on the ticket of a request that passed the gate."""
        name = self.holder(request.cookies.get(COOKIE))
        if name is None:
            raise web.HTTPForbidden(text="Join the room first.")
        return name

    def guessing(self, address: str) -> bool:
        """Whether `address` gave WRONG_LIMIT wrong codes within the last WRONG_WINDOW_S seconds."""
        times = self.wrong.get(address)
        while times and times[0] < time.monotonic() - WRONG_WINDOW_S:
            times.popleft()
        if times is not None and not times:
            del self.wrong[address]
        return bool(times) and len(times) >= WRONG_LIMIT

    @property
    def full(self) -> bool:
        return self.live >= self.max_live

    @web.middleware
    async def gate(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)  # textual-serve's scripts and styles: nothing to guard
        if request.path == "/join" or "code" in request.query:
            return await self.join(request)
        name = self.holder(request.cookies.get(COOKIE))
        if name is None:
            if request.path == "/" and request.method == "GET":
                return join_page()
            raise web.HTTPForbidden(text="Join the room first: open / and enter the join code.")
        return await handler(request)

    async def join(self, request: web.Request) -> web.StreamResponse:
        """The join form (POST /join) or a join link (/?code=...&name=...)."""
        form = await request.post() if request.method == "POST" else request.query
        code, raw_name = _field(form, "code"), _field(form, "name")
        if code is None and request.method == "GET":
            return join_page()  # /join: the door again, e.g. a second trainee at the same browser
        if self.guessing(request.remote or ""):
            return join_page(error="Too many wrong codes from this computer: wait a minute, then try again.",
                             status=429, name=raw_name)
        if not code_matches(code, self.code):
            self.wrong.setdefault(request.remote or "", deque()).append(time.monotonic())
            log.warning("wrong join code from %s", request.remote)
            return join_page(error="That join code is not right. Ask your coach for it.", status=403,
                             name=raw_name)
        name, problem = clean_name(raw_name)
        if name is None:
            status = 200 if raw_name is None else 400
            return join_page(error=None if raw_name is None else problem, status=status, code=code)
        if self.full:
            return full_page()
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, self.admit(name), httponly=True, samesite="Strict", path="/")
        raise response


class RoomServer(Server):
    """textual-serve's Server, with the room's door in front and hearout's app behind it."""

    def __init__(self, room: Room, host: str, port: int, *, child: list[str] = CHILD) -> None:
        """`child`: the argv of each browser's app process (the benchmark serves a bare app beside hearout's)."""
        super().__init__(" ".join(child), host=host, port=port, title="hearout")
        self.room = room
        self.child = child
        self.sockets: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="hearout serve: %(message)s")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        # textual-serve's page, less its web font from the internet: a room may be offline, and
        # a trainee's browser tells no one else that the page was opened.
        page = (self.templates_path / "app_index.html").read_text(encoding="utf-8")
        page = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", page)
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"app_index.html": page}))
        app.middlewares.append(self.room.gate)
        app.router.add_post("/join", self.room.join)
        app.router.add_get("/join", self.room.join)
        return app

    async def on_startup(self, app: web.Application) -> None:
        pass  # the command prints the address and the code before the server starts

    async def on_shutdown(self, app: web.Application) -> None:
        # Ctrl+C: every browser's session ends now (its app quits), rather than the server
        # waiting for the last browser to close.
        for websocket in list(self.sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"the room is closed")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.room.full:
            return full_page()
        # The websocket address is the one the browser came by: a room reaches the server by
        # its LAN address, not by the 0.0.0.0 it listens on.
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": 16,
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": f"hearout: {self.room.trainee(request)}"},
            "ping_url": "",
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            raise web.HTTPForbidden(text="This page belongs to another site.")  # cross-site websocket
        room = self.room
        trainee = room.trainee(request)
        if room.full:
            raise web.HTTPServiceUnavailable(text="The room is full.")
        room.live += 1  # counted before the first await, so two sockets at once cannot both take the last place
        websocket = web.WebSocketResponse(heartbeat=15)
        service: TraineeApp | None = None
        try:
            await websocket.prepare(request)
            self.sockets.add(websocket)
            width = _size(request.query.get("width"), 80)
            height = _size(request.query.get("height"), 24)
            service = TraineeApp(trainee, self.child, write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=websocket.close,
                                 download_manager=self.download_manager)
            room.started += 1
            await service.start(width, height)
            log.info("%s joined (%d in the room)", trainee, room.live)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a browser that sends garbage ends its own session, not the server
            log.warning("a session ended: %s", error)
        finally:
            if service is not None:
                await service.stop()
            self.sockets.discard(websocket)
            room.live -= 1
        return websocket


class TraineeApp(AppService):
    """One browser's app process: started without a shell, the trainee's name in its environment."""

    def __init__(self, trainee: str, child: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(child), **kwargs)
        self.trainee = trainee
        self.child = child

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        env = self._build_environment(width=width, height=height)
        env["HEAROUT_TRAINEE"] = self.trainee
        self._process = process = await asyncio.create_subprocess_exec(
            *self.child, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=env)
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        await super().stop()
        process = self._process
        if process is not None and process.returncode is None:
            try:  # the app did not quit when asked: it must not outlive its browser
                await asyncio.wait_for(process.wait(), 5)
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()


def _field(form: Any, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


def _size(text: str | None, default: int) -> int:
    try:
        return max(10, min(int(text or default), 500))
    except ValueError:
        return default


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>hearout: join the room</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, sans-serif; background: #0c181f; color: #eee; display: flex;
       justify-content: center; padding-top: 10vh; }}
main {{ background: #12232d; padding: 2em 2.5em; border-radius: 8px; min-width: 18em; }}
label {{ display: block; margin-top: 1em; }}
input {{ font-size: 1.2em; width: 100%; box-sizing: border-box; margin-top: .3em; }}
button {{ margin-top: 1.5em; font-size: 1.1em; padding: .4em 1.5em; }}
.error {{ color: #ff8a80; }}
</style></head>
<body><main>{body}</main></body></html>
"""

JOIN = """<h1>hearout</h1>
<p>Customer-care call practice. Enter the code your coach gave you, and your name.</p>
{error}
<form method="post" action="/join">
<label>Join code <input name="code" id="code" value="{code}" autocomplete="off" autocapitalize="characters"
 maxlength="32" required autofocus></label>
<label>Your name <input name="name" id="name" value="{name}" maxlength="40" required></label>
<button type="submit" id="join">Join</button>
</form>
"""


def join_page(*, error: str | None = None, status: int = 200, code: str | None = None,
              name: str | None = None) -> web.Response:
    body = JOIN.format(error=f'<p class="error" id="error">{html.escape(error)}</p>' if error else "",
                       code=html.escape(code or ""), name=html.escape(name or ""))
    return web.Response(text=PAGE.format(body=body), status=status, content_type="text/html")


def full_page() -> web.Response:
    body = ('<h1>hearout</h1><p id="full">The room is full: every place is taken right now.</p>'
            '<p>Wait for someone to finish, then reload this page.</p>')
    return web.Response(text=PAGE.format(body=body), status=503, content_type="text/html",
                        headers={"Retry-After": "30"})
