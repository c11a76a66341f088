"""The rubric: what each skill weighs and, rule by rule, what each mistake costs.

The shipped rubric (`scoring/rubric.yaml`) names every rule with its skill,
what it charges, its number and its ground; docs/scoring.md explains them.
A coach's rubric may change numbers only (a weight, a rule's value) and may
leave anything out; an unknown name, a wrong kind of value or a value out of
range is refused with one line naming where (`rules.interruption.points: ...`).
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

FORMAT = "hearout-rubric/v2"
_SECTIONS = ("format", "weights", "rules")
# The value key of an entry is its kind: (low, high, whole number?)
KINDS: dict[str, tuple[float, float, bool]] = {
    "points": (0, 1000, False),  # a cost per occurrence, in skill points
    "credit": (0, 100, False),  # points given back
    "factor": (0, 1, False),  # scales another rule
    "count": (0, 100, True),
    "band": (0, 100, True),  # [low, high] of the overall score
    "cap": (0, 100, True),  # a ceiling on the overall score
}
_TEXT = ("skill", "charges", "ground")


class RubricError(ValueError):
    """Rubric data the scorer cannot use; `where` is a dotted path into it."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True)
class Rule:
    name: str
    skill: str
    kind: str  # one of KINDS
    value: Any  # a number, or (low, high) for a band
    charges: str
    ground: str

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if self.kind == "band" else self.value
        return {"skill": self.skill, "charges": self.charges, self.kind: value, "ground": self.ground}


@dataclass(frozen=True)
class Rubric:
    weights: Mapping[str, float]
    rules: Mapping[str, Rule]

    def weight(self, skill: str) -> Fraction:
        return _exact(self.weights[skill])

    def points(self, name: str) -> Fraction:
        """A cost (or a credit, or a factor), exactly."""
        return _exact(self.rules[name].value)

    def band(self, name: str) -> tuple[int, int]:
        return self.rules[name].value

    def cap(self, name: str) -> int:
        return self.rules[name].value

    def skill_of(self, name: str) -> str:
        return self.rules[name].skill

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "weights": dict(self.weights),
            "rules": {name: rule.to_dict() for name, rule in self.rules.items()},
        }

    @classmethod
    def from_dict(cls, data: Any) -> "Rubric":
        return _read(data, _default())


def default_rubric() -> Rubric:
    """The rubric shipped in `scoring/rubric.yaml`, read once."""
    return _default()


@cache
def _default() -> Rubric:
    text = resources.files("scoring").joinpath("rubric.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    return _read_shipped(data)


@cache  # every rule asks for its points on every score; a rubric has few distinct values
def _exact(value: float) -> Fraction:
    # via str so that 0.3 is three tenths, not the nearest binary float
    return Fraction(str(value))


# --- reading -----------------------------------------------------------------


def _read_shipped(data: Mapping[str, Any]) -> Rubric:
    rules = {}
    for name, entry in data["rules"].items():
        kind = next(k for k in KINDS if k in entry)
        value = _check_value(entry[kind], f"rules.{name}.{kind}", kind)
        rules[name] = Rule(name, entry["skill"], kind, value, entry["charges"], entry["ground"])
    weights = {s: _check_value(data["weights"][s], f"weights.{s}", "weight") for s in SKILLS}
    return Rubric(MappingProxyType(weights), MappingProxyType(rules))


def _read(data: Any, base: Rubric) -> Rubric:
    _need_mapping(data, "$")
    for key in data:
        if key not in _SECTIONS:
            raise RubricError(str(key), f"unknown section (expected one of {', '.join(_SECTIONS)})")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise RubricError("format", f"expected {FORMAT!r}, got {fmt!r}")

    raw_weights = _section(data.get("weights"), "weights")
    weights = dict(base.weights)
    for skill, value in raw_weights.items():
        if skill not in weights:
            raise RubricError(f"weights.{skill}", f"unknown skill (expected one of {', '.join(SKILLS)})")
        weights[skill] = _check_value(value, f"weights.{skill}", "weight")
    if not any(w > 0 for w in weights.values()):
        raise RubricError("weights", "at least one skill needs a weight above 0")

    rules = dict(base.rules)
    for name, raw in _section(data.get("rules"), "rules").items():
        rule = rules.get(name)
        if rule is None:
            raise RubricError(f"rules.{name}", "unknown rule (docs/scoring.md lists them)")
        rules[name] = _override(rule, raw, f"rules.{name}")
    return Rubric(MappingProxyType(weights), MappingProxyType(rules))


def _override(rule: Rule, raw: Any, where: str) -> Rule:
    if isinstance(raw, Mapping):
        for key, value in raw.items():
            if key in _TEXT:
                if value != getattr(rule, key):
                    raise RubricError(f"{where}.{key}", f"cannot be changed (only {rule.kind} can)")
            elif key != rule.kind:
                raise RubricError(f"{where}.{key}", f"this rule has {rule.kind!r}, not {key!r}")
        if rule.kind not in raw:
            return rule
        raw, where = raw[rule.kind], f"{where}.{rule.kind}"
    return Rule(rule.name, rule.skill, rule.kind, _check_value(raw, where, rule.kind), rule.charges, rule.ground)


def _check_value(value: Any, where: str, kind: str) -> Any:
    if kind == "band":
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise RubricError(where, "expected [low, high]")
        low = _check_number(value[0], f"{where}[0]", *KINDS["band"])
        high = _check_number(value[1], f"{where}[1]", *KINDS["band"])
        if low > high:
            raise RubricError(where, f"low must not be above high, got [{low}, {high}]")
        return (low, high)
    if kind == "weight":
        return _check_number(value, where, 0, math.inf, False)
    return _check_number(value, where, *KINDS[kind])


def _section(value: Any, where: str) -> Mapping[str, Any]:
    # A section left empty in YAML (`rules:`) reads as None: it keeps every shipped value.
    if value is None:
        return {}
    _need_mapping(value, where)
    return value


def _check_number(value: Any, where: str, low: float, high: float, whole: bool) -> Any:
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
