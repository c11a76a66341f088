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
# Values that are not points, by their place in the rubric: (low, high, whole number?)
_BOUNDS: dict[str, tuple[float, float, bool]] = {
    "rules.listening.clarifying_factor": (0, 1, False),
    "rules.apology.max_apologies": (0, 100, True),
    "caps.story_not_heard_share": (0, 1, False),
}
_WEIGHT = (0, math.inf, False)  # renormalized over the judged skills, so any size will do
_POINTS = (0, 100, False)  # every other rule and every cap


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


@cache  # every rule asks for its points on every score; a rubric has few distinct values
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

    weights = _read_numbers(data.get("weights"), base["weights"], "weights", "skill")
    if not any(w > 0 for w in weights.values()):
        raise RubricError("weights", "at least one skill needs a weight above 0")

    raw_rules = _section(data.get("rules"), "rules")
    for skill in raw_rules:
        if skill not in base["rules"]:
            raise RubricError(f"rules.{skill}", f"unknown skill (expected one of {', '.join(SKILLS)})")
    rules = {
        skill: MappingProxyType(_read_numbers(raw_rules.get(skill), defaults, f"rules.{skill}", "rule"))
        for skill, defaults in base["rules"].items()
    }
    caps = _read_numbers(data.get("caps"), base["caps"], "caps", "cap")
    return Rubric(MappingProxyType(weights), MappingProxyType(rules), MappingProxyType(caps))


def _read_numbers(raw: Any, defaults: Mapping[str, Any], where: str, kind: str) -> dict[str, float]:
    raw = _section(raw, where)
    for key in raw:
        if key not in defaults:
            raise RubricError(f"{where}.{key}", f"unknown {kind} (expected one of {', '.join(defaults)})")
    out: dict[str, float] = {}
    for key, default in defaults.items():
        path = f"{where}.{key}"
        low, high, whole = _WEIGHT if where == "weights" else _BOUNDS.get(path, _POINTS)
        out[key] = _check_number(raw.get(key, default), path, low, high, whole)
    return out


def _section(value: Any, where: str) -> Mapping[str, Any]:
    # A section left empty in YAML (`rules:`) reads as None: it keeps every shipped value.
    if value is None:
        return {}
    _need_mapping(value, where)
    return value


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
