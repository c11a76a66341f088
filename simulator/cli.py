"""The `hearout` command (SPEC §4).

Every bad input ends here as one line per problem on stderr and exit 2,
never a traceback. Heavy imports (textual, the loader, scoring) happen inside
the command that needs them, so `hearout list` stays quick.
"""
from __future__ import annotations

import argparse
import codecs
import json
import re
import sys
from pathlib import Path
from typing import Any, NoReturn, Sequence

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """Bad input for a command: each line of the message is one problem."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints a usage block; a user needs the one line that says what is wrong.
        raise BadInput(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="hearout", description="Customer-care role-play in the terminal.")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    ls = sub.add_parser("list", help="the built-in scenarios")
    ls.add_argument("--json", action="store_true", help="a JSON list of {id, title, summary, difficulty, skills}")

    play = sub.add_parser("play", help="play a scenario without the UI")
    play.add_argument("scenario", metavar="SCENARIO", help="a built-in id, or a path to a .yaml file")
    play.add_argument("--moves", required=True, metavar="K1,K2,..", help="move keys in order; 'wait' keeps listening")
    play.add_argument("--seed", type=_seed, help="seed for the customer's varied lines (default: random)")
    play.add_argument("--trainee", metavar="NAME", help="default: $HEAROUT_TRAINEE, else the login name")
    play.add_argument("--transcript", metavar="FILE", type=Path, help="write the transcript (JSON) here")
    play.add_argument("--no-save", action="store_true", help="do not save the session")
    play.add_argument("--json", action="store_true", help="print the score as JSON")

    sc = sub.add_parser("score", help="score a saved transcript")
    sc.add_argument("transcript", metavar="TRANSCRIPT", type=Path)
    sc.add_argument("--json", action="store_true", help="print the score as JSON")
    sc.add_argument("--rubric", metavar="FILE", type=Path, help="score with this rubric instead of the built-in one")

    rp = sub.add_parser("report", help="saved sessions, for coaches")
    rp.add_argument("--trainee", metavar="NAME")
    rp.add_argument("--format", choices=("table", "csv", "json"), default="table")
    return p


MAX_SEED = 2**63 - 1  # the largest whole number the session store (SQLite) keeps


def _seed(text: str) -> int:
    shown = text if len(text) <= 30 else text[:30] + "…"
    if not re.fullmatch(r"\s*[-+]?[0-9]+\s*", text):  # ASCII digits: int() would also take '1_000' or '٣'
        raise argparse.ArgumentTypeError(f"seed must be a whole number, got {shown!r}")
    if len(text.strip().lstrip("+-").lstrip("0")) > 19:  # before int(): thousands of digits are refused there
        raise argparse.ArgumentTypeError(f"seed must be between 0 and {MAX_SEED}, got {shown}")
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"seed must not be negative, got {value}")
    if value > MAX_SEED:
        raise argparse.ArgumentTypeError(f"seed must be between 0 and {MAX_SEED}, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            _need_terminal()
            from simulator.tui import run

            return run()
        return _COMMANDS[args.command](args)
    except BadInput as exc:
        for line in str(exc).splitlines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("hearout: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `hearout list | head`
        return EXIT_OK


def _shown(path: Path) -> str:
    """A file name for a one-line message: a newline in the name must not split the line."""
    from simulator.engine.problems import one_line

    return one_line(str(path))


def _tolerant_streams() -> None:
    """A terminal or pipe that cannot encode a character (LANG=C, a latin-1 console) gets an escape, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


def _ascii_only() -> bool:
    """Whether JSON on stdout must escape non-ASCII text to survive the stream's encoding."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name != "utf-8"


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=_ascii_only())


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


# --- list --------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    scenarios = _builtin_scenarios()
    if args.json:
        rows = [{"id": s.id, "title": s.title, "summary": s.summary,
                 "difficulty": s.difficulty, "skills": list(s.skills)} for s in scenarios]
        print(_dumps(rows))
        return EXIT_OK
    import shutil
    import textwrap

    width = max((len(s.id) for s in scenarios), default=0)
    indent = " " * (width + 9)
    columns = max(40, shutil.get_terminal_size((80, 24)).columns - 1)
    for s in scenarios:
        print(f"{s.id:<{width}}  {'★' * s.difficulty:<5}  {s.title}")
        if s.summary:
            print(textwrap.fill(s.summary, columns, initial_indent=indent, subsequent_indent=indent))
    return EXIT_OK


def _builtin_scenarios():
    from simulator.engine.builtin import builtin_scenarios
    from simulator.engine.loader import ScenarioError

    try:
        return builtin_scenarios()
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None


# --- play --------------------------------------------------------------------

def _resolve_scenario(ref: str):
    from simulator.engine.builtin import builtin_files, load_builtin
    from simulator.engine.loader import ScenarioError, load_scenario

    try:
        if ref.endswith((".yaml", ".yml")) or "/" in ref:
            return load_scenario(ref)
        if ref not in builtin_files():
            known = ", ".join(builtin_files()) or "none"
            raise BadInput(f"hearout play: error: no built-in scenario {ref!r} (built-in: {known})")
        return load_builtin(ref)
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None


def cmd_play(args: argparse.Namespace) -> int:
    import random

    from simulator.engine import PlayError, run_script
    from simulator.store.settings import default_trainee

    scenario = _resolve_scenario(args.scenario)
    moves = [k.strip() for k in args.moves.split(",") if k.strip()]
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    trainee = (args.trainee or "").strip() or default_trainee()
    try:
        session = run_script(scenario, moves, seed=seed, trainee=trainee)
    except PlayError as exc:
        # Nothing is saved for a script that does not fit the scenario.
        raise BadInput(f"hearout play: error: {exc}") from None
    transcript = session.transcript()
    card = _score(transcript)
    if args.transcript is not None:
        _write_json(args.transcript, transcript.to_dict())
    if not args.no_save:
        _save(transcript, card.to_dict())
    _print_card(card, transcript, as_json=args.json)
    return EXIT_OK


def _save(transcript, score: dict) -> None:
    from simulator.store import SessionStore, StoreError

    try:
        store = SessionStore.default()
        row = store.begin(transcript)
        store.update(row, transcript, finished=True, score=score)
        store.close()
    except StoreError as exc:
        raise BadInput(f"hearout: error: {exc}") from None


def _write_json(path: Path, data: Any) -> None:
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{_shown(path)}: error: cannot write: {exc.strerror or exc}") from None


# --- score -------------------------------------------------------------------

def _score(transcript, rubric=None):
    from scoring import score

    return score(transcript, rubric)


def _print_card(card, transcript, *, as_json: bool) -> None:
    if as_json:
        print(_dumps(card.to_dict()))
    else:
        from scoring import format_scorecard

        print(format_scorecard(card, transcript))


def _read_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{_shown(path)}: error: cannot read: {exc.strerror or exc}") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadInput(f"{_shown(path)}: error: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{_shown(path)}:{exc.lineno}:{exc.colno}: error: not valid JSON: {exc.msg}") from None
    except ValueError:  # a number of thousands of digits: Python refuses to convert it
        raise BadInput(f"{_shown(path)}: error: not valid JSON: a number has more digits than can be read") from None
    except RecursionError:
        raise BadInput(f"{_shown(path)}: error: JSON nested too deeply") from None


def _read_rubric(path: Path):
    import yaml

    from scoring import Rubric, RubricError

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BadInput(f"{_shown(path)}: error: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BadInput(f"{_shown(path)}: error: not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{_shown(path)}:{mark.line + 1}:{mark.column + 1}" if mark else _shown(path)
        raise BadInput(f"{where}: error: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    try:
        return Rubric.from_dict(data)
    except RubricError as exc:
        raise BadInput(f"{_shown(path)}: error: {exc}") from None


def cmd_score(args: argparse.Namespace) -> int:
    from scoring.transcript import Transcript, TranscriptError

    rubric = _read_rubric(args.rubric) if args.rubric else None
    data = _read_json(args.transcript)
    try:
        transcript = Transcript.from_dict(data)
    except TranscriptError as exc:
        raise BadInput(f"{_shown(args.transcript)}: error: {exc}") from None
    _print_card(_score(transcript, rubric), transcript, as_json=args.json)
    return EXIT_OK


# --- report ------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    from simulator.store import SessionStore, StoreError

    try:
        store = SessionStore.default()
        rows = store.sessions(args.trainee)
        store.close()
    except StoreError as exc:
        raise BadInput(f"hearout report: error: {exc}") from None
    fields = ("id", "trainee", "scenario_id", "title", "seed", "started_at", "outcome", "overall", "final_mood")
    records = [{f: getattr(r, f) for f in fields} for r in rows]
    if args.format == "json":
        print(_dumps(records))
    elif args.format == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(records)
    else:
        _print_table(records)
    return EXIT_OK


def _print_table(records: list[dict]) -> None:
    if not records:
        print("No saved sessions yet.")
        return
    cols = [("started_at", "started"), ("trainee", "trainee"), ("scenario_id", "scenario"),
            ("outcome", "outcome"), ("overall", "score")]
    cells = [[("in progress" if r[k] is None and k == "outcome" else "" if r[k] is None else str(r[k]))
              for k, _ in cols] for r in records]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (_, h) in enumerate(cols)]
    print("  ".join(h.ljust(w) for (_, h), w in zip(cols, widths)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


_COMMANDS = {"list": cmd_list, "play": cmd_play, "score": cmd_score, "report": cmd_report}
