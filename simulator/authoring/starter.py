"""The starter scenario `hearout new` writes: a complete, commented file that lints clean."""
from __future__ import annotations

from pathlib import Path

from simulator.authoring.schema import SHIPPED
from simulator.engine.definitions import NAME

TEMPLATE = Path(__file__).with_name("starter.yaml")
MAX_ID = 64


def id_problem(scenario_id: str) -> str | None:
    """Why this is not a usable scenario id, or None."""
    if not NAME.fullmatch(scenario_id):
        return f"scenario id {scenario_id[:40]!r} must use only lowercase letters, digits and '-'"
    if len(scenario_id) > MAX_ID:
        return f"scenario id is {len(scenario_id)} characters long; keep it to {MAX_ID}"
    return None


def starter_text(scenario_id: str) -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.replace("__SCHEMA__", SHIPPED.resolve().as_uri()).replace("__ID__", scenario_id)
