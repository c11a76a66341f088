"""Read a scenario file (SPEC §1) into the frozen model, or list everything wrong.

The checks walk the YAML node tree from `yamlnodes`, never constructed Python
values: a beat `No` stays the text "No", and every problem carries the line
and column of the key or value at fault. Nothing here stops at the first
mistake: a trainer fixing a file wants the whole list at once.
"""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import deque
from types import MappingProxyType
from typing import Iterable, Mapping

from yaml.nodes import MappingNode, Node as YNode, ScalarNode, SequenceNode

from scoring.acts import ACTS, SKILLS
from scoring.vocabulary import CHANNELS, ENDINGS, WAIT
from simulator.engine import definitions as defs
from simulator.engine.definitions import SCENARIO_CHANNELS
from simulator.engine.model import (
    FORMAT,
    Beat,
    Branch,
    Briefing,
    Customer,
    Guard,
    Move,
    Node,
    Scenario,
)
from simulator.engine.problems import Problem, ScenarioError
from simulator.engine.yamlnodes import ALIAS_TAG, MAX_BYTES, compose, decode, show
from simulator.untrusted.files import FileRefused, read_capped
from simulator.untrusted.text import unsafe

__all__ = ["Problem", "ScenarioError", "load_scenario", "load_scenario_text", "check_scenario_text", "read_scenario_text"]

NAME = re.compile(r"[a-z0-9-]+")
INTEGER = re.compile(r"[-+]?[0-9]+")
BOOLEANS = {"true": True, "false": False, "yes": True, "no": False}

# Field names, required fields and ranges come from `definitions`, as the JSON Schema does.
TOP_FIELDS = defs.names("scenario")
CUSTOMER_FIELDS = defs.names("customer")
BRIEFING_FIELDS = defs.names("briefing")
NODE_FIELDS = defs.names("node")
MOVE_FIELDS = defs.names("move")
BRANCH_FIELDS = defs.names("branch")
GUARD_FIELDS = defs.names("guard")


def _range(obj: str, name: str) -> tuple[int, int]:
    f = defs.fields(obj)[name]
    return f.lo, f.hi


def load_scenario(path: str | os.PathLike) -> Scenario:
    source = os.fsdecode(path)
    try:
        data = read_capped(path, MAX_BYTES, "a scenario")  # a FIFO, a device or 50 MB is refused before reading
    except FileRefused as exc:
        raise ScenarioError([Problem(source, 1, 1, str(exc))]) from None
    return load_scenario_text(data, source)


def load_scenario_text(text: str | bytes, source: str = "<string>") -> Scenario:
    scenario, problems = check_scenario_text(text, source)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_scenario_text(text: str | bytes, source: str) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None if any error) and every problem found; never raises for bad input."""
    reading = read_scenario_text(text, source)
    return reading.scenario, reading.problems


class Reading:
    """What reading a file gave: the scenario (None on any error), its problems, and where things are.

    `marks` maps a place in the scenario, e.g. ("move", node_id, key) or
    ("set", node_id, key, flag), to (line, col), for tools that report on a
    valid scenario (`hearout lint`).
    """

    __slots__ = ("scenario", "problems", "more", "_marks")

    def __init__(self, scenario: Scenario | None, problems: list[Problem], marks: dict | None = None,
                 more: int = 0) -> None:
        self.scenario, self.problems, self._marks = scenario, problems, marks or {}
        self.more = more  # problems past the cap: `problems` ends with one line that counts them

    def at(self, *place: object) -> tuple[int, int]:
        """1-based (line, col) of a place, or of the file's start when it is not marked."""
        node = self._marks.get(place)
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1


def read_scenario_text(text: str | bytes, source: str) -> Reading:
    try:
        return _check(text, source)
    except (RecursionError, MemoryError) as exc:
        return Reading(None, [Problem(source, 1, 1, f"scenario file too complex to read ({type(exc).__name__})")])
    except Exception as exc:  # a bug here must still not show a trainer a traceback
        return Reading(None, [Problem(source, 1, 1, f"internal error while reading the scenario: {exc!r}")])


def _check(text: str | bytes, source: str) -> Reading:
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")  # one path for both: size, NUL and BOM checks
        except UnicodeEncodeError:
            return Reading(None, [Problem(source, 1, 1, "text contains invalid Unicode (lone surrogates)")])
    decoded, problems = decode(text, source)
    if decoded is None:
        return Reading(None, problems)
    root, problems = compose(decoded, source)
    if root is None:
        if not problems:  # only comments, or a bare `---`
            problems = [Problem(source, 1, 1, "empty file: no scenario in it")]
        return Reading(None, problems)
    reader = _Reader(source, problems)
    scenario = reader.scenario(root)
    dropped = problems.summary()[len(problems):]
    problems.sort(key=lambda p: (p.line, p.col))  # stable: same-place problems keep their order
    problems.extend(dropped)  # "and N more" stays last
    if any(p.severity == "error" for p in problems):
        return Reading(None, list(problems), reader.marks, problems.dropped)
    return Reading(scenario, list(problems), reader.marks, problems.dropped)


def _hint(word: str, options: Iterable[str], list_all: bool = False) -> str:
    options = list(options)
    close = difflib.get_close_matches(word, options, n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (expected one of: {', '.join(options)})" if list_all else ""


def _is_merge(key: YNode) -> bool:
    return isinstance(key, ScalarNode) and key.value == "<<" and key.style is None


def _describe(node: YNode) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "nothing" if node.value == "" and node.style is None else f"'{show(node.value)}'"


class _Fields(dict):
    """A mapping's known entries: field name -> (key node, value node)."""

    def value(self, name: str) -> YNode | None:
        return self[name][1] if name in self else None

    def key(self, name: str) -> YNode | None:
        return self[name][0] if name in self else None


class _Reader:
    """Walks the node tree, building model objects and collecting problems.

    Every reading method takes the value node or None (field absent) and
    returns None for an absent or bad value, after reporting the bad one; the
    walk goes on to find the next mistake. Objects built from bad values are
    thrown away: a scenario is only returned when no error was reported.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        self.refs: list[tuple[YNode, str, str]] = []  # (node, path, node id it names)
        self.flags_set: set[str] = set()
        self.flags_read: list[tuple[YNode, str]] = []
        self.node_keys: dict[str, YNode] = {}
        self.marks: dict[tuple, YNode] = {}  # places in the scenario -> the YAML node there

    def error(self, where: YNode, message: str, severity: str = "error", code: str = "format") -> None:
        mark = where.start_mark
        self.problems.append(Problem(self.source, mark.line + 1, mark.column + 1, message, severity, code))

    # -- typed readers -------------------------------------------------------

    def expect(self, node: YNode | None, kind: type, path: str, noun: str) -> bool:
        if node is None or node.tag == ALIAS_TAG:
            return False  # absent, or an alias already refused: nothing more to say
        if not isinstance(node, kind):
            self.error(node, f"{path} must be {noun}, got {_describe(node)}")
            return False
        return True

    def fields(
        self, node: YNode | None, path: str, known: tuple[str, ...], required: tuple[str, ...] = (), noun: str = "field"
    ) -> _Fields:
        """A mapping's entries by name; reports unknown, non-text and missing keys."""
        out = _Fields()
        if not self.expect(node, MappingNode, path, "a mapping"):
            return out
        for key, value in node.value:
            if key.tag == ALIAS_TAG or _is_merge(key):
                continue  # already refused while composing
            if not isinstance(key, ScalarNode):
                self.error(key, f"a key in {path or 'the file'} must be a name, got {_describe(key)}")
            elif key.value not in known:
                self.error(key, f"unknown {noun} '{show(key.value)}'{_hint(key.value, known)}")
            else:
                out.setdefault(key.value, (key, value))  # duplicates were reported while composing
        for name in required:
            if name not in out:
                self.error(node, f"missing required field '{path + '.' if path else ''}{name}'")
        return out

    def text(self, node: YNode | None, path: str, empty_ok: bool = False) -> str | None:
        if not self.expect(node, ScalarNode, path, "text"):
            return None
        if not empty_ok and not node.value.strip():
            self.error(node, f"{path} must not be empty")
            return None
        bad = next((c for c in node.value if c not in "\n\t" and unsafe(c)), None)
        if bad is not None:
            # YAML refuses these characters raw but lets a quoted escape ("\e", "\x1b", "\u202e") through;
            # printed to a terminal they could move the cursor, retitle the window or reorder the line.
            kind = "control" if unicodedata.category(bad) == "Cc" else "line-breaking or bidi control"
            self.error(node, f"{path} contains the {kind} character U+{ord(bad):04X}; text cannot hold it")
            return None
        return node.value  # as written: `No` stays "No", `1.0` stays "1.0"

    def integer(self, node: YNode | None, path: str, lo: int, hi: int) -> int | None:
        if not self.expect(node, ScalarNode, path, "a whole number"):
            return None
        raw = node.value
        if node.style is not None:
            self.error(node, f"{path} must be a whole number, not quoted text")
        elif not INTEGER.fullmatch(raw):
            self.error(node, f"{path} must be a whole number, got {_describe(node)}")
        elif len(raw) > 18 or not lo <= int(raw) <= hi:  # length first: int() of 5000 digits raises
            self.error(node, f"{path} must be between {lo} and {hi}, got {show(raw)}")
        else:
            return int(raw)
        return None

    def boolean(self, node: YNode | None, path: str) -> bool | None:
        if not self.expect(node, ScalarNode, path, "true or false"):
            return None
        if node.style is None and node.value.lower() in BOOLEANS:
            return BOOLEANS[node.value.lower()]
        quoted = ", not quoted text" if node.style else f", got {_describe(node)}"
        self.error(node, f"{path} must be true or false{quoted}")
        return None

    def name(self, node: YNode | None, path: str, what: str) -> str | None:
        value = self.text(node, path)
        if value is not None and not NAME.fullmatch(value):
            self.error(node, f"{what} '{show(value)}' must use only lowercase letters, digits and '-'")
            return None
        return value

    def choice(self, node: YNode | None, path: str, options: Iterable[str], what: str) -> str | None:
        value = self.text(node, path)
        if value is not None and value not in options:
            self.error(node, f"unknown {what} '{show(value)}'{_hint(value, options, list_all=True)}")
            return None
        return value

    def strings(self, node: YNode | None, path: str) -> list[tuple[YNode, str]]:
        """A list of non-empty texts, with each item's node for later messages."""
        if not self.expect(node, SequenceNode, path, "a list"):
            return []
        out = []
        for i, item in enumerate(node.value):
            value = self.text(item, f"{path}[{i}]")
            if value is not None:
                out.append((item, value))
        return out

    def ref(self, node: YNode | None, path: str) -> str | None:
        """A node id; whether that node exists is checked once all are read."""
        target = self.name(node, path, "node id")
        if target is not None:
            self.refs.append((node, path, target))
        return target

    # -- the scenario --------------------------------------------------------

    def scenario(self, root: YNode) -> Scenario | None:
        if not isinstance(root, MappingNode):
            expected = f"a scenario file must be a mapping of fields (format: {FORMAT}, id: ...)"
            self.error(root, f"{expected}, got {_describe(root)}")
            return None
        required = ("format", "id", "title", "customer", "briefing", "start", "nodes")
        f = self.fields(root, "", TOP_FIELDS, required)
        fmt = self.text(f.value("format"), "format")
        if fmt is not None and fmt != FORMAT:
            self.error(f.value("format"), f"unsupported format '{show(fmt)}' (expected '{FORMAT}')")
        self.marks.update({("field", name): f.value(name) for name in f})
        sid = self.name(f.value("id"), "id", "scenario id")
        title = self.text(f.value("title"), "title")
        summary = self.text(f.value("summary"), "summary", empty_ok=True) or ""
        difficulty = self.integer(f.value("difficulty"), "difficulty", *_range("scenario", "difficulty")) or 1
        skills = []
        for n, value in self.strings(f.value("skills"), "skills"):
            skills.append(self.choice(n, "skills", SKILLS, "skill"))
            self.marks.setdefault(("skill", value), n)
        customer = self.customer(f.value("customer"))
        briefing = self.briefing(f.value("briefing"))
        start = self.ref(f.value("start"), "start")
        cut_in_mood = self.integer(f.value("cut_in_mood"), "cut_in_mood", *_range("scenario", "cut_in_mood")) or 0
        channel = self.choice(f.value("channel"), "channel", SCENARIO_CHANNELS, "channel") or "phone"
        nodes = self.nodes(f.value("nodes"))
        self.check_refs(nodes)
        if any(p.severity == "error" for p in self.problems):
            return None
        self.check_graph(nodes, start)
        return Scenario(
            id=sid, title=title, customer=customer, briefing=briefing, start=start,
            nodes=MappingProxyType(nodes), summary=summary, difficulty=difficulty,
            skills=tuple(skills), cut_in_mood=cut_in_mood, channel=channel, source=self.source,
        )  # fmt: skip

    def customer(self, node: YNode | None) -> Customer:
        f = self.fields(node, "customer", CUSTOMER_FIELDS, ("name", "mood"))
        return Customer(
            name=self.text(f.value("name"), "customer.name"),
            mood=self.integer(f.value("mood"), "customer.mood", *_range("customer", "mood")),
            about=self.text(f.value("about"), "customer.about", empty_ok=True) or "",
        )

    def briefing(self, node: YNode | None) -> Briefing:
        f = self.fields(node, "briefing", BRIEFING_FIELDS, ("at_fault",))
        return Briefing(
            at_fault=self.boolean(f.value("at_fault"), "briefing.at_fault"),
            text=self.text(f.value("text"), "briefing.text", empty_ok=True) or "",
            policy=self.text(f.value("policy"), "briefing.policy", empty_ok=True) or "",
            can_offer=tuple(v for _, v in self.strings(f.value("can_offer"), "briefing.can_offer")),
        )

    def nodes(self, node: YNode | None) -> dict[str, Node]:
        out: dict[str, Node] = {}
        if not self.expect(node, MappingNode, "nodes", "a mapping of node ids to nodes"):
            return out
        if not node.value:
            self.error(node, "nodes must list at least one node")
        for key, value in node.value:
            if key.tag == ALIAS_TAG:
                continue
            if not isinstance(key, ScalarNode):
                self.error(key, f"a node id must be a name, got {_describe(key)}")
                continue
            nid = self.name(key, "node id", "node id")
            if nid is not None and nid not in out:  # a repeated id was reported while composing
                self.node_keys[nid] = key
                self.marks[("node", nid)] = key
                out[nid] = self.node(key, value, nid)
        return out

    def node(self, key: YNode, node: YNode, nid: str) -> Node:
        path = f"nodes.{nid}"
        f = self.fields(node, path, NODE_FIELDS, ("customer",))
        beats = self.beats(f.value("customer"), f"{path}.customer")
        story_ends = self.integer(f.value("story_ends"), f"{path}.story_ends", *_range("node", "story_ends"))
        if story_ends is not None and beats and story_ends > len(beats):
            message = f"{path}.story_ends is {story_ends} but the node has only {len(beats)} beat(s)"
            self.error(f.value("story_ends"), message)
        end = self.choice(f.value("end"), f"{path}.end", ENDINGS, "outcome")
        moves = self.moves(f.value("moves"), path, nid)
        listed = f.value("moves")
        if "end" in f and listed is not None:
            self.error(f.key("moves"), f"end node '{nid}' must not have moves")
        elif "end" not in f and isinstance(node, MappingNode):
            # Judge the list as written: a move with mistakes was already reported.
            if listed is None or (isinstance(listed, SequenceNode) and not listed.value):
                message = f"node '{nid}' has no moves: give it at least one move, or an 'end' outcome"
                self.error(listed or key, message, code="no-moves")
        for move, where in zip(moves, self.needs_heard_at):
            if beats and move.needs_heard > len(beats):
                message = (f"{path} move '{move.key}' needs {move.needs_heard} beat(s) heard "
                           f"but the node has only {len(beats)}: it would never be offered")
                self.error(where, message, code="needs-heard")
        if "end" in f and f.value("end") is not None:
            self.marks[("end", nid)] = f.value("end")
        if f.value("silence") is not None:
            self.marks[("silence", nid)] = f.value("silence")
        for i, item in enumerate(f.value("customer").value if isinstance(f.value("customer"), SequenceNode) else ()):
            self.marks[("beat", nid, i + 1)] = item
        return Node(
            id=nid, beats=tuple(beats), story_ends=story_ends or len(beats), moves=tuple(moves),
            silence=self.text(f.value("silence"), f"{path}.silence", empty_ok=True) or None, end=end,
            cut_in_mood=self.integer(f.value("cut_in_mood"), f"{path}.cut_in_mood", *_range("node", "cut_in_mood")),
        )  # fmt: skip

    def beats(self, node: YNode | None, path: str) -> list[Beat]:
        if not self.expect(node, SequenceNode, path, "a list of beats (lines the customer says)"):
            return []
        if not node.value:
            self.error(node, f"{path} must list at least one beat")
        out = []
        for i, item in enumerate(node.value):
            if isinstance(item, MappingNode):  # a beat that varies: {one_of: [...]}
                f = self.fields(item, f"{path}[{i}]", ("one_of",), ("one_of",))
                variants = self.one_of(f.value("one_of"), f"{path}[{i}].one_of")
                if variants:
                    out.append(Beat(variants))
            elif (line := self.text(item, f"{path}[{i}]")) is not None:
                out.append(Beat((line,)))
        return out

    def one_of(self, node: YNode | None, path: str) -> tuple[str, ...]:
        if not self.expect(node, SequenceNode, path, "a list of lines"):
            return ()
        if not node.value:
            self.error(node, f"{path} must list at least one line")
        return tuple(v for _, v in self.strings(node, path))

    def moves(self, node: YNode | None, path: str, nid: str) -> list[Move]:
        self.needs_heard_at: list[YNode] = []
        if not self.expect(node, SequenceNode, f"{path}.moves", "a list of moves"):
            return []
        out: list[Move] = []
        first_at: dict[str, YNode] = {}
        for i, item in enumerate(node.value):
            f = self.fields(item, f"{path}.moves[{i}]", MOVE_FIELDS, defs.required("move"))
            move = self.move(f, f"{path}.moves[{i}]", nid)
            if move is None:
                continue
            self.needs_heard_at.append(f.value("needs_heard") or f.value("key"))
            if move.key in first_at:
                first = first_at[move.key].start_mark.line + 1
                self.error(f.value("key"), f"duplicate move key '{move.key}' in {path} (first at line {first})")
            else:
                first_at[move.key] = f.value("key")
            out.append(move)
        return out

    def move(self, f: _Fields, path: str, nid: str) -> Move | None:
        key = self.name(f.value("key"), f"{path}.key", "move key")
        if key == WAIT:
            self.error(f.value("key"), f"move key '{WAIT}' is reserved (it means: keep listening)")
        acts = self.strings(f.value("acts"), f"{path}.acts")
        if isinstance(f.value("acts"), SequenceNode) and not f.value("acts").value:
            self.error(f.value("acts"), f"{path}.acts is empty: a move needs at least one act")
        set_items = self.strings(f.value("set"), f"{path}.set")
        sets = [v for _, v in set_items]
        self.flags_set.update(sets)
        self.guard_place = (nid, key)
        move = Move(
            key=key,
            say=self.text(f.value("say"), f"{path}.say"),
            acts=tuple(self.choice(n, f"{path}.acts", ACTS, "act") for n, _ in acts),
            branches=self.next_(f.value("next"), f"{path}.next"),
            mood=self.integer(f.value("mood"), f"{path}.mood", *_range("move", "mood")) or 0,
            sets=tuple(sets),
            channel=self.choice(f.value("channel"), f"{path}.channel", CHANNELS, "channel"),
            policy_break=bool(self.boolean(f.value("policy_break"), f"{path}.policy_break")),
            needs_heard=self.integer(f.value("needs_heard"), f"{path}.needs_heard", *_range("move", "needs_heard")) or 0,
            feedback=self.text(f.value("feedback"), f"{path}.feedback") or "",
            examples=tuple(v for _, v in self.strings(f.value("examples"), f"{path}.examples")),
        )
        if key is None or key == WAIT:
            return None
        self.marks[("move", nid, key)] = f.value("key")
        for name in ("say", "needs_heard"):
            if name in f:
                self.marks[(name, nid, key)] = f.value(name)
        for item, flag in set_items:
            self.marks.setdefault(("set", nid, key, flag), item)
        return move

    def next_(self, node: YNode | None, path: str) -> tuple[Branch, ...]:
        if isinstance(node, ScalarNode) and node.tag != ALIAS_TAG:  # `next: id`
            target = self.ref(node, path)
            return (Branch(to=target),) if target else ()
        if not self.expect(node, SequenceNode, path, "a node id or a list of branches"):
            return ()
        if not node.value:
            self.error(node, f"{path} must name a node or list at least one branch")
        out = []
        last = len(node.value) - 1
        for i, item in enumerate(node.value):
            where = f"{path}[{i}]"
            f = self.fields(item, where, BRANCH_FIELDS, ("to",))
            if i == last and "when" in f:
                message = f"the last branch of {path} must have no 'when': it is taken when no guard holds"
                self.error(f.key("when"), message)
            elif i < last and "when" not in f and isinstance(item, MappingNode):
                self.error(item, f"{where} needs a 'when' guard: only the last branch may go without one")
            guard = self.guard(f.value("when"), f"{where}.when", i)
            target = self.ref(f.value("to"), f"{where}.to")
            if target is not None:
                out.append(Branch(to=target, when=guard))
        return tuple(out)

    def guard(self, node: YNode | None, path: str, branch: int) -> Guard | None:
        if node is None:
            return None
        f = self.fields(node, path, GUARD_FIELDS, noun="guard key")
        place = (*self.guard_place, branch)
        self.marks[("when", *place)] = node
        for name in f:
            self.marks[("when", *place, name)] = f.value(name)
        if isinstance(node, MappingNode) and not node.value:
            self.error(node, f"{path} must list at least one condition ({', '.join(GUARD_FIELDS)})")
        flags = {}
        for name in ("flags", "not_flags"):
            items = self.strings(f.value(name), f"{path}.{name}")
            self.flags_read.extend(items)
            flags[name] = frozenset(v for _, v in items)
        return Guard(
            mood_at_least=self.integer(f.value("mood_at_least"), f"{path}.mood_at_least", *_range("guard", "mood_at_least")),
            mood_below=self.integer(f.value("mood_below"), f"{path}.mood_below", *_range("guard", "mood_below")),
            cut_in=self.boolean(f.value("cut_in"), f"{path}.cut_in"),
            **flags,
        )

    # -- whole-file checks ---------------------------------------------------

    def check_refs(self, nodes: dict[str, Node]) -> None:
        for where, path, target in self.refs:
            if target not in nodes:
                self.error(where, f"{path} names unknown node '{show(target)}'{_hint(target, nodes)}")

    def check_graph(self, nodes: dict[str, Node], start: str) -> None:
        """Warnings for a valid file: likely slips that the format allows."""
        seen = reachable_from(nodes, start)
        for nid in nodes:
            if nid not in seen:
                message = f"node '{nid}' cannot be reached from the start node '{start}'"
                self.error(self.node_keys[nid], message, severity="warning", code="unreachable")
        for where, flag in self.flags_read:
            if flag not in self.flags_set:
                message = f"flag '{show(flag)}' is never set by any move"
                self.error(where, message, severity="warning", code="flag-never-set")


def reachable_from(nodes: Mapping[str, Node], start: str) -> set[str]:
    """Node ids some move leads to, from `start` (guards not considered)."""
    seen, todo = {start}, deque([start])
    while todo:
        for move in nodes[todo.popleft()].moves:
            for branch in move.branches:
                if branch.to not in seen:
                    seen.add(branch.to)
                    todo.append(branch.to)
    return seen
