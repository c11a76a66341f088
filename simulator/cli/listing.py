"""`hearout list`: the built-in scenarios."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput, dumps
from simulator.untrusted.text import terminal


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="the built-in scenarios")
    p.add_argument("--json", action="store_true", help="a JSON list of {id, title, summary, difficulty, skills}")


def run(args: argparse.Namespace) -> int:
    scenarios = _builtin_cards()
    if args.json:
        print(dumps([card.to_dict() for card in scenarios]))
        return EXIT_OK
    import shutil
    import textwrap

    width = max((len(s.id) for s in scenarios), default=0)
    indent = " " * (width + 9)
    columns = max(40, shutil.get_terminal_size((80, 24)).columns - 1)
    for s in scenarios:
        print(f"{s.id:<{width}}  {'★' * s.difficulty:<5}  {terminal(s.title)}")
        if s.summary:
            print(textwrap.fill(terminal(s.summary), columns, initial_indent=indent, subsequent_indent=indent))
    return EXIT_OK


def _builtin_cards():
    from simulator.engine.catalog import builtin_cards
    from simulator.engine.loader import ScenarioError

    try:
        return builtin_cards()
    except ScenarioError as exc:
        raise BadInput(str(exc)) from None
