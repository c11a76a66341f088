"""What every command shares: one-line bad-input errors, JSON on stdout, files and scenarios named on the command line."""
from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from simulator.untrusted.files import MB, FileRefused, read_capped, write_atomic
from simulator.untrusted.text import check_name, json_for_terminal, NameRefused, one_line, shorten

EXIT_OK, EXIT_BAD_INPUT = 0, 2
TRANSCRIPT_LIMIT = 16 * MB  # a long call is tens of KB
RUBRIC_LIMIT = 1 * MB


class BadInput(Exception):
    """Bad input for a command: each line of the message is one problem."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints a usage block; a user needs the one line that says what is wrong.
        raise BadInput(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def shown(path: Path) -> str:
    """A file name for a one-line message: a newline in the name must not split the line."""
    return one_line(str(path))


def ascii_only() -> bool:
    """Whether JSON on stdout must escape non-ASCII text to survive the stream's encoding."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name != "utf-8"


def dumps(data: Any) -> str:
    """JSON for stdout: a terminal may show it, so no control, bidi or separator character goes out raw."""
    return json_for_terminal(json.dumps(data, indent=2, ensure_ascii=ascii_only()))


def trainee_name(given: str | None, command: str) -> str:
    """SPEC §4: --trainee, else HEAROUT_TRAINEE, else the name set in the app's settings, else the login name.

    A name that cannot be used (escape codes, undecodable bytes, a formula) is one line.
    """
    import os

    from simulator.store.settings import load_settings

    env = os.environ.get("HEAROUT_TRAINEE", "")
    try:
        if given is not None:
            return check_name(given, "--trainee")
        if env.strip():
            return check_name(env, "HEAROUT_TRAINEE")
    except NameRefused as exc:
        raise BadInput(f"{command}: error: {exc}") from None
    return load_settings().trainee  # checked as it is read


def is_path(ref: str) -> bool:
    """SPEC §4: a scenario named by path ends in .yaml/.yml or contains a '/'; anything else is a built-in id."""
    return ref.endswith((".yaml", ".yml")) or "/" in ref


def resolve_scenario(ref: str, command: str = "hearout", *, refuse_builtin_ids: bool = False):
    """SPEC §4: a path when it ends in .yaml/.yml or contains a '/', otherwise a built-in id.

    With `refuse_builtin_ids`, a file whose id is a built-in's is refused unless it
    is that built-in, byte for byte: its saved scores would pass for the built-in's.
    """
    from simulator.engine.builtin import builtin_files, load_builtin
    from simulator.engine.loader import ScenarioError, load_scenario_text
    from simulator.engine.yamlnodes import MAX_BYTES

    try:
        if is_path(ref):
            data = read_file(Path(ref), MAX_BYTES, "a scenario")
            scenario = load_scenario_text(data, shown(Path(ref)))
            builtin = builtin_files().get(scenario.id)
            if refuse_builtin_ids and builtin is not None and builtin.read_bytes() != data:
                raise BadInput(f"{shown(Path(ref))}: error: id '{scenario.id}' is a built-in scenario's id; "
                               f"give this scenario its own id (e.g. '{scenario.id}-custom')")
            return scenario
        if ref not in builtin_files():
            known = ", ".join(builtin_files()) or "none"
            raise BadInput(f"{command}: error: no built-in scenario {ref!r} (built-in: {known})")
        return load_builtin(ref)
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None


def write_json(path: Path, data: Any) -> None:
    """Write all or nothing: a failure leaves an existing file as it was."""
    try:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8", "surrogatepass"))
    except OSError as exc:
        raise BadInput(f"{shown(path)}: error: cannot write: {exc.strerror or exc}") from None


def read_file(path: Path, limit: int, what: str) -> bytes:
    """The one way a command reads a file it was given: capped, regular files only."""
    try:
        return read_capped(path, limit, what)
    except FileRefused as exc:
        raise BadInput(f"{shown(path)}: error: {exc}") from None


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:  # json keeps the last silently; two values for one field is a forged or broken file
            raise _DuplicateKey(key)
        out[key] = value
    return out


def read_json(path: Path, limit: int = TRANSCRIPT_LIMIT, what: str = "a transcript") -> Any:
    raw = read_file(path, limit, what)
    try:
        return json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError:
        if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            raise BadInput(f"{shown(path)}: error: not UTF-8 text (it is UTF-32; save it as UTF-8)") from None
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise BadInput(f"{shown(path)}: error: not UTF-8 text (it is UTF-16; save it as UTF-8)") from None
        raise BadInput(f"{shown(path)}: error: not UTF-8 text") from None
    except _DuplicateKey as exc:
        raise BadInput(f"{shown(path)}: error: not valid JSON: duplicate key {shorten(str(exc))!r} in an object") from None
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
        from simulator.untrusted.text import terminal

        # A transcript is untrusted: no escape sequence it carries reaches the terminal.
        print("\n".join(terminal(line) for line in format_scorecard(card, transcript).split("\n")))


def is_path(ref: str) -> bool:
    """SPEC §4: a path when it ends in .yaml/.yml or contains a '/', otherwise a built-in id."""
    return ref.endswith((".yaml", ".yml")) or "/" in ref


def read_scenario_bytes(ref: str, command: str = "hearout") -> tuple[bytes, str]:
    """A scenario file's bytes and the name to report it by, unchecked (for tools that report problems)."""
    from simulator.engine.builtin import builtin_files
    from simulator.engine.yamlnodes import MAX_BYTES

    if not is_path(ref):
        files = builtin_files()
        if ref not in files:
            raise BadInput(f"{command}: error: no built-in scenario {ref!r} (built-in: {', '.join(files) or 'none'})")
        return files[ref].read_bytes(), f"scenarios/{files[ref].name}"
    return read_file(Path(ref), MAX_BYTES, "a scenario"), ref


def whole_number(text: str) -> int:
    if not text.strip().isascii() or not text.strip().isdigit() or len(text.strip()) > 9:
        raise argparse.ArgumentTypeError(f"expected a whole number 0..999999999, got {text[:30]!r}")
    return int(text)
