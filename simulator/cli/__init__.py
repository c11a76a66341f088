"""The `hearout` command (SPEC §4).

Every bad input ends here as one line per problem on stderr and exit 2, never a
traceback. Each command is a module of this package with `register(sub)` (its
arguments) and `run(args)`; heavy imports (textual, the loader, scoring) happen
inside `run`, so `hearout list` stays quick.
"""
from __future__ import annotations

import errno
import os
import sys
from importlib import import_module
from typing import Any, Sequence

from simulator.cli.common import EXIT_BAD_INPUT, EXIT_OK, BadInput, Parser

MAX_SHOWN = 1000  # problem lines per command; a file's reader caps its own list lower (200)

# Command name -> module in this package, in the order `hearout --help` lists them.
COMMANDS = {
    "list": "listing",
    "play": "play",
    "score": "score",
    "report": "report",
    "export": "export",
    "assign": "assign",
    "review": "review",
    "lint": "lint",
    "schema": "schema",
    "diagram": "diagram",
    "new": "new",
    "serve": "serve",
    "board": "board",
    "match": "match",
}


def _parser() -> Parser:
    p = Parser(prog="hearout", description="Customer-care role-play in the terminal.")
    sub = p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    for name, module in COMMANDS.items():
        import_module(f"simulator.cli.{module}").register(sub, name)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    try:
        try:
            code = _run(argv)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at interpreter exit
            return code
        except BadInput as exc:
            _print_problems(str(exc))
            return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("hearout: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # writing to stdout: `hearout list | head`, `hearout report > /dev/full`
        _silence_stdout()
        if exc.errno == errno.EPIPE:
            return EXIT_OK  # the reader has all it wanted: the conventional quiet exit
        print(f"hearout: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _need_terminal()
        from simulator.tui import run

        return run()
    return import_module(f"simulator.cli.{COMMANDS[args.command]}").run(args)


def _print_problems(message: str) -> None:
    """One line per problem, each safe for a terminal and of bounded length, at most MAX_SHOWN of them."""
    from simulator.untrusted.text import one_line, shorten

    lines = message.split("\n")  # only "\n": a U+2028 in a value must not start a forged line
    for line in lines[:MAX_SHOWN]:
        print(one_line(shorten(line, 2000)), file=sys.stderr)
    if len(lines) > MAX_SHOWN:
        print(f"hearout: and {len(lines) - MAX_SHOWN} more problems not shown", file=sys.stderr)


def _silence_stdout() -> None:
    """After a failed write, the rest of stdout's buffer goes nowhere instead of failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture): nothing left to flush
        pass


def _tolerant_streams() -> None:
    """A terminal or pipe that cannot encode a character (LANG=C, a latin-1 console) gets an escape, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


def _need_terminal() -> None:
    # Textual reads keys from stdin and draws on stderr; without a terminal there it
    # would draw into a file and spin on end-of-input forever.
    streams = (("stdin", sys.__stdin__), ("stderr", sys.__stderr__))
    missing = [name for name, f in streams if f is None or not _isatty(f)]
    if missing:
        raise BadInput(f"hearout: error: the terminal UI needs a terminal, but {' and '.join(missing)} "
                       f"{'is' if len(missing) == 1 else 'are'} not one (for scripts: 'hearout play')")


def _isatty(stream: Any) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False
