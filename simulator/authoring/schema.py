"""The JSON Schema of the scenario format, generated from the loader's own definitions.

`hearout schema` prints it; `scenario.schema.json` beside this module is the
same text, shipped so editors can validate and complete scenario files (a
test keeps the two equal). The loader checks more than a schema can say
(node ids that exist, the last branch without a guard); the schema is for
typing, not the final word.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator.engine import definitions as defs

SHIPPED = Path(__file__).with_name("scenario.schema.json")
DRAFT = "http://json-schema.org/draft-07/schema#"
NAME = {"type": "string", "pattern": defs.NAME_PATTERN}
TEXT = {"type": "string", "minLength": 1}


def _ref(obj: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{obj}"}


# Fields the loader reads with a method of their own (they have more than one shape).
CUSTOM: dict[tuple[str, str], dict[str, Any]] = {
    ("scenario", "nodes"): {
        "type": "object", "minProperties": 1, "propertyNames": NAME, "additionalProperties": _ref("node"),
    },
    ("node", "customer"): {
        "type": "array", "minItems": 1,
        "items": {"oneOf": [
            TEXT,
            {"type": "object", "additionalProperties": False, "required": ["one_of"],
             "properties": {"one_of": {"type": "array", "minItems": 1, "items": TEXT}}},
        ]},
    },
    ("node", "moves"): {"type": "array", "minItems": 1, "items": _ref("move")},
    ("move", "next"): {"oneOf": [NAME, {"type": "array", "minItems": 1, "items": _ref("branch")}]},
}


def _kind(obj: str, f: defs.Field) -> dict[str, Any]:
    if f.kind == "custom":
        return dict(CUSTOM[(obj, f.name)])
    if f.kind in ("text", "text?"):
        return dict(TEXT) if f.kind == "text" else {"type": "string"}
    if f.kind in ("name", "ref"):
        return dict(NAME)
    if f.kind == "int":
        return {"type": "integer", "minimum": f.lo, "maximum": f.hi}
    if f.kind == "bool":
        return {"type": "boolean"}
    if f.kind == "choice":
        return {"type": "string", "enum": list(f.options)}
    if f.kind in ("texts", "choices"):
        item = TEXT if f.kind == "texts" else {"type": "string", "enum": list(f.options)}
        out: dict[str, Any] = {"type": "array", "items": dict(item)}
        if f.required:
            out["minItems"] = 1
        return out
    if f.kind == "object":
        return _ref(f.of)
    raise ValueError(f"no schema for kind {f.kind!r}")


def _object(obj: str) -> dict[str, Any]:
    props = {}
    for f in defs.OBJECTS[obj]:
        props[f.name] = {"description": f.doc, **_kind(obj, f)}
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if defs.required(obj):
        out["required"] = list(defs.required(obj))
    return out


def scenario_schema() -> dict[str, Any]:
    top = _object("scenario")
    return {
        "$schema": DRAFT,
        "title": "hearout scenario (hearout/v1)",
        "description": "A customer-care role-play scenario for hearout; see docs/authoring.md.",
        **top,
        "definitions": {obj: _object(obj) for obj in defs.OBJECTS if obj != "scenario"},
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
