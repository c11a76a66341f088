"""`hearout schema`: the JSON Schema of the scenario format."""
from __future__ import annotations

import argparse

from simulator.cli.common import EXIT_OK


def register(sub, name: str) -> None:
    sub.add_parser(name, help="print the JSON Schema of the scenario format (for editors)")


def run(args: argparse.Namespace) -> int:
    from simulator.authoring.schema import schema_text

    print(schema_text(), end="")
    return EXIT_OK
