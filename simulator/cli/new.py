"""`hearout new`: write ID.yaml, a commented starter scenario that lints clean."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK, BadInput


def register(sub, name: str) -> None:
    p = sub.add_parser(name, help="write ID.yaml, a commented starter scenario")
    p.add_argument("id", metavar="ID", help="the new scenario's id: lowercase letters, digits and '-'")


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.starter import id_problem, starter_text

    problem = id_problem(args.id)
    if problem:
        raise BadInput(f"hearout new: error: {problem}")
    path = f"{args.id}.yaml"
    try:
        with open(path, "x", encoding="utf-8") as f:  # "x": never overwrite someone's work
            f.write(starter_text(args.id))
    except FileExistsError:
        raise BadInput(f"hearout new: error: {path} already exists; choose another id or move it away") from None
    except OSError as exc:
        raise BadInput(f"hearout new: error: cannot write {path}: {exc.strerror or exc}") from None
    print(f"wrote {path}; check it with: hearout lint {path} --strict --bounds")
    return EXIT_OK
