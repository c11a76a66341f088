"""What every command shares: one-line bad-input errors, JSON on stdout, files and scenarios named on the command line."""
from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class BadInput(Exception):
    """Bad input for a command: each line of the message is one problem."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints a usage block; a user needs the one line that says what is wrong.
        raise BadInput(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def shown(path: Path) -> str:
    """A file name for a one-line message: a newline in the name must not split the line."""
    from simulator.engine.problems import one_line

    return one_line(str(path))


def ascii_only() -> bool:
    """Whether JSON on stdout must escape non-ASCII text to survive the stream's encoding."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name != "utf-8"


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=ascii_only())


def resolve_scenario(ref: str, command: str = "hearout"):
    """SPEC §4: a path when it ends in .yaml/.yml or contains a '/', otherwise a built-in id."""
    from simulator.engine.builtin import builtin_files, load_builtin
    from simulator.engine.loader import ScenarioError, load_scenario

    try:
        if ref.endswith((".yaml", ".yml")) or "/" in ref:
            return load_scenario(ref)
        if ref not in builtin_files():
            known = ", ".join(builtin_files()) or "none"
            raise BadInput(f"{command}: error: no built-in scenario {ref!r} (built-in: {known})")
        return load_builtin(ref)
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None


def write_json(path: Path, data: Any) -> None:
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{shown(path)}: error: cannot write: {exc.strerror or exc}") from None


def read_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{shown(path)}: error: cannot read: {exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadInput(f"{shown(path)}: error: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{shown(path)}:{exc.lineno}:{exc.colno}: error: not valid JSON: {exc.msg}") from None
    except ValueError:  # a number of thousands of digits: Python refuses to convert it
        raise BadInput(f"{shown(path)}: error: not valid JSON: a number has more digits than can be read") from None
    except RecursionError:
        raise BadInput(f"{shown(path)}: error: JSON nested too deeply") from None


def print_card(card, transcript, *, as_json: bool) -> None:
    if as_json:
        print(dumps(card.to_dict()))
    else:
        from scoring import format_scorecard

        print(format_scorecard(card, transcript))
