"""Untrusted bytes to a YAML node tree, without ever constructing a Python object.

Scenario files come from trainers, shared folders and downloads, so they are
untrusted. We never construct Python values from them: we read the parser's
event stream and build a plain node tree ourselves (iteratively, so deep
nesting cannot blow the stack). Reading events first also means anchors,
aliases, tags and extra documents are refused before anything could expand,
so a "billion laughs" file costs a few events, not gigabytes.

Scalars keep their text exactly as written (`node.value`); the loader decides
what is a number or a boolean, so YAML 1.1 never turns a beat `No` into False.
"""
from __future__ import annotations

import codecs
import math
import re

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from simulator.engine.problems import Problem, Problems
from simulator.untrusted.text import shorten

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64  # a scenario needs about 8 levels; this only stops abuse

# libyaml is about 3x faster; both are safe because we only read events.
SAFE_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

# Stands in for a refused alias so the rest of the file can still be checked;
# the loader skips nodes with this tag instead of reporting them again.
ALIAS_TAG = "!refused-alias"

_BOM = codecs.BOM_UTF8


def show(value: str, limit: int = 60) -> str:
    """A value from the file, cut short for a message (a line may be megabytes)."""
    return shorten(value, limit)


def decode(data: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """Check the raw bytes are a plausible UTF-8 text file and decode them."""

    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(source, 1, 1, message)]

    if len(data) > MAX_BYTES:
        return fail(f"file is larger than the {MAX_BYTES // (1024 * 1024)} MB limit for a scenario")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        return fail("file is UTF-32 text; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return fail("file is UTF-16 text; save it as UTF-8")
    if b"\0" in data:
        return fail("binary file (it contains NUL bytes), not a YAML scenario")
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return fail(f"file is not UTF-8 text (first bad byte on line {line})")
    if not text.strip():
        return fail("empty file: no scenario in it")
    return text, []


def compose(text: str, source: str, loader: type | None = None,
            noun: str = "a scenario file") -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a node tree, refusing unsafe features.

    Returns (None, problems) when there is no usable tree (syntax error, too
    deep, several documents); otherwise the tree plus any refusals found on
    the way (anchors, aliases, tags, merge keys, duplicate keys).
    """
    builder = _Builder(source, noun)
    parser = None
    try:
        parser = (loader or SAFE_LOADER)(text)  # PyYAML's reader may already refuse characters here
        while parser.check_event():
            if not builder.feed(parser.get_event()):
                return None, builder.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "maximum nesting depth" in (exc.problem or ""):
            # libyaml (0.2.5+) has a nesting limit of its own and its scanner can reach
            # it before our builder sees depth MAX_DEPTH: one refusal, whichever fires first.
            message = f"nesting deeper than {MAX_DEPTH} levels"
        else:
            message = "YAML syntax error: " + (exc.problem or "invalid YAML")
            if exc.context:
                message += f" ({exc.context})"
        builder.problems.append(_at(source, mark, message) if mark else Problem(source, 1, 1, message))
        return None, builder.problems
    except yaml.reader.ReaderError as exc:
        # libyaml counts `position` in bytes, PyYAML in characters: find the character instead.
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        line, col = _position(text, text.find(chr(code)))
        builder.problems.append(Problem(source, line, col, f"character U+{code:04X} is not allowed in YAML text"))
        return None, builder.problems
    finally:
        if parser is not None:
            parser.dispose()
    return builder.root, builder.problems


def _at(source: str, mark, message: str) -> Problem:
    return Problem(source, mark.line + 1, mark.column + 1, message)


def _position(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _Builder:
    """Turns parser events into nodes, one event at a time, with its own stack."""

    def __init__(self, source: str, noun: str = "a scenario file") -> None:
        self.source = source
        self.noun = noun
        self.problems = Problems()  # capped: two million aliases are not two million lines
        self.root: Node | None = None
        self.documents = 0
        # Open collections: [node, pending mapping key, {key text: first key node}].
        self.stack: list[list] = []

    def refuse(self, mark, message: str) -> None:
        self.problems.append(_at(self.source, mark, message))

    def feed(self, event) -> bool:
        """Take one event; False means stop reading (the tree is unusable)."""
        if self.problems.full:  # two million aliases: stop at the cap instead of building them all
            self.problems.stop(_at(self.source, event.start_mark,
                                   f"too many problems ({len(self.problems)}); stopped reading here"))
            return False
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(event.start_mark, f"several YAML documents in one file; {self.noun} holds exactly one")
                return False
        elif isinstance(event, AliasEvent):
            self.refuse(event.start_mark, f"aliases (*{event.anchor}) are not allowed in {self.noun}")
            self.attach(ScalarNode(ALIAS_TAG, "", event.start_mark, event.end_mark))
        elif isinstance(event, NodeEvent):
            return self.open(event)
        elif isinstance(event, CollectionEndEvent):
            node = self.stack.pop()[0]
            node.end_mark = event.end_mark
        return True

    def open(self, event) -> bool:
        if event.anchor is not None:
            self.refuse(event.start_mark, f"anchors (&{event.anchor}) are not allowed in {self.noun}")
        if event.tag is not None:  # any explicit tag, even !!str: tags can mean code
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.refuse(event.start_mark, f"tags ({tag}) are not allowed in {self.noun}")
        mark = (event.start_mark, event.end_mark)
        if isinstance(event, ScalarEvent):
            self.attach(ScalarNode(None, event.value, *mark, style=event.style or None))
            return True
        kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
        node = kind(None, [], *mark, flow_style=event.flow_style)
        self.attach(node)
        self.stack.append([node, None, {}])
        if len(self.stack) > MAX_DEPTH:
            self.refuse(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
            return False
        return True

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        entry = self.stack[-1]
        parent = entry[0]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif entry[1] is None:  # a mapping key
            entry[1] = node
            self.check_key(node, entry[2])
        else:
            parent.value.append((entry[1], node))
            entry[1] = None

    def check_key(self, key: Node, seen: dict[str, Node]) -> None:
        if not isinstance(key, ScalarNode) or key.tag == ALIAS_TAG:
            return  # the loader reports non-text keys where it expects names
        if key.value == "<<" and key.style is None:
            self.refuse(key.start_mark, f"merge keys (<<) are not allowed in {self.noun}")
        first = seen.setdefault(key.value, key)
        if first is not key:
            # PyYAML would silently keep the last value; a repeated key is a mistake.
            line = first.start_mark.line + 1
            self.refuse(key.start_mark, f"duplicate key '{show(key.value)}' (first at line {line})")


# --- plain data, for YAML files that are not scenarios (a coach's rubric) ------

MAX_DIGITS = 30  # more is no rubric value, and int() of thousands of digits raises
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}


def load_data(data: bytes, source: str, noun: str = "this file") -> tuple[object, list[Problem]]:
    """A whole YAML file as plain Python data (dicts, lists, text, numbers, booleans, None).

    The same refusals as a scenario (aliases, tags, merge and duplicate keys,
    depth, size, encoding); the YAML 1.2 core schema for plain scalars, so `no`
    stays text; a number of more than MAX_DIGITS digits is refused.
    """
    text, problems = decode(data, source)
    if text is None:
        return None, problems
    root, problems = compose(text, source, noun=noun)
    if root is None:
        return None, list(problems) or [Problem(source, 1, 1, "empty file")]
    converter = _Plain(source, problems)
    value = converter.value(root)
    return value, problems.summary() if isinstance(problems, Problems) else list(problems)


class _Plain:
    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source, self.problems = source, problems

    def value(self, root: Node) -> object:
        # Iterative, like the builder: deep trees were already refused, but stay off the stack.
        out: list = [None]
        todo: list[tuple[Node, object, object]] = [(root, out, 0)]
        while todo:
            node, parent, slot = todo.pop()
            if isinstance(node, MappingNode):
                made: object = {}
                for key, child in node.value:
                    if not isinstance(key, ScalarNode) or key.tag == ALIAS_TAG:
                        if key.tag != ALIAS_TAG:
                            self.problems.append(_at(self.source, key.start_mark, "a key must be text"))
                        continue
                    made[key.value] = None
                    todo.append((child, made, key.value))
            elif isinstance(node, SequenceNode):
                made = [None] * len(node.value)
                todo.extend((child, made, i) for i, child in enumerate(node.value))
            else:
                made = self.scalar(node)
            parent[slot] = made  # type: ignore[index]
        return out[0]

    def scalar(self, node: ScalarNode) -> object:
        raw = node.value
        if node.tag == ALIAS_TAG or node.style is not None:
            return None if node.tag == ALIAS_TAG else raw
        if raw in _NULLS:
            return None
        if raw in _BOOLS:
            return _BOOLS[raw]
        if raw.lower() in _SPECIAL:
            return _SPECIAL[raw.lower()]
        if _INT.fullmatch(raw) or _FLOAT.fullmatch(raw):
            digits = sum(c.isdigit() for c in raw)
            if digits > MAX_DIGITS:
                self.problems.append(_at(self.source, node.start_mark,
                                         f"number '{show(raw)}' has {digits} digits; at most {MAX_DIGITS} are read"))
                return None
            return int(raw) if _INT.fullmatch(raw) else float(raw)
        return raw
