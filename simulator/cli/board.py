"""`hearout board`: the coach's live board of the room, from the session store alone (read-only)."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="the coach's live board: who is in which call, who finished with what score")
    p.add_argument("--hours", type=_hours, default=12, metavar="N", help="calls started in the last N hours (default: 12)")
    p.add_argument("--once", action="store_true", help="print the board once as text, for scripts")


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0 < value <= 24 * 366 or text.strip().lower() in ("nan", "inf"):
        raise argparse.ArgumentTypeError(f"must be a number of hours above 0, up to a year, got {text[:20]!r}")
    return value


def run(args: argparse.Namespace) -> int:
    if args.once:
        return _print(args.hours)
    from simulator.cli import _need_terminal

    _need_terminal()
    from simulator.tui.board_app import run as run_board

    return run_board(args.hours)


def _print(hours: float) -> int:
    from simulator.serve.board import HEADINGS, room, summary, table
    from simulator.store import SessionStore, StoreError
    from simulator.untrusted.text import one_line

    try:
        with SessionStore.default(read_only=True) as store:  # the board never writes (SPEC §6)
            seats = room(store, hours=hours)
    except StoreError as exc:
        raise BadInput(f"hearout board: error: {exc}") from None
    if not seats:
        print(f"No calls in the last {hours:g} hours.")
        return EXIT_OK
    print(summary(seats))
    cells = [HEADINGS, *([one_line(c) for c in row] for row in table(seats))]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADINGS))]
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    return EXIT_OK
