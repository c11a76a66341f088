"""`hearout serve`: the app in the browsers of a room, behind a join code."""
from __future__ import annotations

import argparse
import ipaddress
import sys

from simulator.cli.common import EXIT_OK, BadInput

DEFAULT_MAX = 20  # `make bench`: ~50 MB and ~1.5 % of a core per session in a call, ~0.6 s of CPU to start one:
# 20 hold ~1 GB, and 20 joining at once load in a few seconds on 2 cores.
MAX_MAX = 200


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="serve the app to browsers in a room, behind a join code")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    p.add_argument("--code", type=_code, help="the join code (default: six random characters, printed at start)")
    p.add_argument("--max", type=_max, default=DEFAULT_MAX, metavar="N",
                   help=f"most trainees playing at once (default: {DEFAULT_MAX})")


def _whole(text: str, low: int, high: int) -> int:
    shown = text if len(text) <= 20 else text[:20] + "…"
    if not text.strip().isascii() or not text.strip().isdigit() or len(text.strip()) > 6:
        raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, got {shown!r}")
    value = int(text)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"must be from {low} to {high}, got {value}")
    return value


def _port(text: str) -> int:
    return _whole(text, 1, 65535)


def _max(text: str) -> int:
    return _whole(text, 1, MAX_MAX)


def _code(text: str) -> str:
    from simulator.serve.names import code_problem

    problem = code_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text.upper()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from simulator.serve.names import new_code
    from simulator.serve.server import Room, RoomServer

    host = args.host.strip()
    if not host or any(c.isspace() or not c.isprintable() for c in host) or len(host) > 253:
        raise BadInput("hearout serve: error: --host must be an address or host name")
    code = args.code or new_code()
    shown_host = f"[{host}]" if ":" in host else host
    if not is_loopback(host):
        print(f"hearout serve: warning: listening on {shown_host}:{args.port}: anyone who can reach "
              "this address and knows the join code can play", file=sys.stderr)
    server = RoomServer(Room(code=code, max_live=args.max), host=host, port=args.port)
    # Listening on every address: the trainees use this machine's address on their network.
    where = "<this machine's address>" if host in ("0.0.0.0", "::", "[::]") else shown_host
    print(f"hearout serve: open http://{where}:{args.port}/  join code: {code}  "
          f"(up to {args.max} at once; Ctrl+C stops)", flush=True)
    try:
        server.serve()
    except OSError as exc:
        raise BadInput(f"hearout serve: error: cannot listen on {shown_host}:{args.port}: "
                       f"{exc.strerror or exc}") from None
    return EXIT_OK
