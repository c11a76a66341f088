"""The rubric: what each skill weighs, what each rule costs, where the caps sit.

The shipped rubric (`scoring/rubric.yaml`) is also the schema: a coach's
rubric may leave keys out (they keep the shipped value) but may not add keys
the scorer does not know, so a typo is reported instead of ignored.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from scoring.acts import SKILLS

FORMAT = "hearout-rubric/v1"
_SECTIONS = ("format", "weights", "rules", "caps")
# Values that are not points: (section, skill or None, key) -> (low, high, whole number?)
_BOUNDS: dict[tuple[str, str | None, str], tuple[float, float, bool]] = {
    ("rules", "listening", "clarifying_factor"): (0, 1, False),
    ("rules", "apology", "max_apologies"): (0, 100, True),
    ("caps", None, "story_not_heard_share"): (0, 1, False),
}
_POINTS = (0, 100, False)  # every other rule and every cap: 0..100


class RubricError(ValueError):
    """Rubric data the scorer cannot use; `where` is a dotted path into it."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True)
class Rubric:
    weights: Mapping[str, float]
    rules: Mapping[str, Mapping[str, float]]
    caps: Mapping[str, float]

    def weight(self, skill: str) -> Fraction:
        return _exact(self.weights[skill])

    def points(self, skill: str, rule: str) -> Fraction:
        return _exact(self.rules[skill][rule])

    def cap(self, name: str) -> Fraction:
        return _exact(self.caps[name])

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "weights": dict(self.weights),
            "rules": {skill: dict(rules) for skill, rules in self.rules.items()},
            "caps": dict(self.caps),
        }

    @classmethod
    def from_dict(cls, data: Any) -> "Rubric":
        return _read(data, _shipped())


def default_rubric() -> Rubric:
    """The rubric shipped in `scoring/rubric.yaml`, read once."""
    return _default()


@cache
def _default() -> Rubric:
    return _read(_shipped(), _shipped())


@cache
def _shipped() -> Mapping[str, Any]:
    text = resources.files("scoring").joinpath("rubric.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def _exact(value: float) -> Fraction:
    # via str so that 0.3 is three tenths, not the nearest binary float
    return Fraction(str(value))


# --- reading -----------------------------------------------------------------


def _read(data: Any, base: Mapping[str, Any]) -> Rubric:
    _need_mapping(data, "$")
    for key in data:
        if key not in _SECTIONS:
            raise RubricError(str(key), f"unknown section (expected one of {', '.join(_SECTIONS)})")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise RubricError("format", f"expected {FORMAT!r}, got {fmt!r}")

    weights = _read_numbers(data.get("weights", {}), base["weights"], "weights", None, kind="skill")
    if not any(w > 0 for w in weights.values()):
        raise RubricError("weights", "at least one skill needs a weight above 0")

    raw_rules = data.get("rules")
    raw_rules = {} if raw_rules is None else raw_rules
    _need_mapping(raw_rules, "rules")
    for skill in raw_rules:
        if skill not in base["rules"]:
            raise RubricError(f"rules.{skill}", f"unknown skill (expected one of {', '.join(SKILLS)})")
    rules = {
        skill: MappingProxyType(_read_numbers(raw_rules.get(skill, {}), defaults, f"rules.{skill}", skill))
        for skill, defaults in base["rules"].items()
    }
    caps = _read_numbers(data.get("caps", {}), base["caps"], "caps", None, kind="cap")
    return Rubric(MappingProxyType(weights), MappingProxyType(rules), MappingProxyType(caps))


def _read_numbers(raw: Any, defaults: Mapping[str, Any], where: str, skill: str | None, kind: str = "rule") -> dict:
    if raw is None:
        raw = {}
    _need_mapping(raw, where)
    for key in raw:
        if key not in defaults:
            known = SKILLS if kind == "skill" else tuple(defaults)
            raise RubricError(f"{where}.{key}", f"unknown {kind} (expected one of {', '.join(known)})")
    section = where.split(".")[0]
    out: dict[str, float] = {}
    for key, default in defaults.items():
        value = raw.get(key, default)
        low, high, whole = (0, math.inf, False) if section == "weights" else _BOUNDS.get((section, skill, key), _POINTS)
        out[key] = _check_number(value, f"{where}.{key}", low, high, whole)
    return out


def _check_number(value: Any, where: str, low: float, high: float, whole: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RubricError(where, f"expected a number, got {type(value).__name__ if value is not None else 'nothing'}")
    if not math.isfinite(value):
        raise RubricError(where, f"expected a finite number, got {value}")
    if whole and value != int(value):
        raise RubricError(where, f"expected a whole number, got {value}")
    if value < low:
        raise RubricError(where, f"must not be below {low}, got {value}" if low else f"must not be negative, got {value}")
    if value > high:
        raise RubricError(where, f"must not be above {high}, got {value}")
    return int(value) if whole else value


def _need_mapping(value: Any, where: str) -> None:
    if not isinstance(value, Mapping):
        raise RubricError(where, f"expected a mapping, got {type(value).__name__ if value is not None else 'nothing'}")
