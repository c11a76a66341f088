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
from collections import deque
from types import MappingProxyType
from typing import Iterable

from yaml.nodes import MappingNode, Node as YNode, ScalarNode, SequenceNode

from scoring.acts import ACTS, SKILLS
from simulator.engine.model import (
    CHANNELS,
    FORMAT,
    OUTCOMES,
    WAIT,
    Beat,
    Branch,
    Briefing,
    Customer,
    Guard,
    Move,
    Node,
    Scenario,
)
from simulator.engine.yamlnodes import ALIAS_TAG, MAX_BYTES, Problem, compose, decode, show

__all__ = ["Problem", "ScenarioError", "load_scenario", "load_scenario_text", "check_scenario_text"]

NAME = re.compile(r"[a-z0-9-]+")
INTEGER = re.compile(r"[-+]?[0-9]+")
BOOLEANS = {"true": True, "false": False, "yes": True, "no": False}

TOP_FIELDS = ("format", "id", "title", "summary", "difficulty", "skills", "customer", "briefing", "start", "nodes")
CUSTOMER_FIELDS = ("name", "mood", "about")
BRIEFING_FIELDS = ("text", "at_fault", "policy", "can_offer")
NODE_FIELDS = ("customer", "story_ends", "silence", "moves", "end")
MOVE_FIELDS = ("key", "say", "acts", "mood", "set", "next", "channel", "policy_break")
BRANCH_FIELDS = ("when", "to")
GUARD_FIELDS = ("mood_at_least", "mood_below", "flags", "not_flags")


class ScenarioError(Exception):
    """A scenario file that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_scenario(path: str | os.PathLike) -> Scenario:
    source = os.fsdecode(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # one byte more tells us it is too big
    except OSError as exc:
        raise ScenarioError([Problem(source, 1, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    return load_scenario_text(data, source)


def load_scenario_text(text: str | bytes, source: str = "<string>") -> Scenario:
    scenario, problems = check_scenario_text(text, source)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_scenario_text(text: str | bytes, source: str) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None if any error) and every problem found; never raises for bad input."""
    try:
        return _check(text, source)
    except (RecursionError, MemoryError) as exc:
        return None, [Problem(source, 1, 1, f"scenario file too complex to read ({type(exc).__name__})")]
    except Exception as exc:  # a bug here must still not show a trainer a traceback
        return None, [Problem(source, 1, 1, f"internal error while reading the scenario: {exc!r}")]


def _check(text: str | bytes, source: str) -> tuple[Scenario | None, list[Problem]]:
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")  # one path for both: size, NUL and BOM checks
        except UnicodeEncodeError:
            return None, [Problem(source, 1, 1, "text contains invalid Unicode (lone surrogates)")]
    decoded, problems = decode(text, source)
    if decoded is None:
        return None, problems
    root, problems = compose(decoded, source)
    if root is None:
        if not problems:  # only comments, or a bare `---`
            problems = [Problem(source, 1, 1, "empty file: no scenario in it")]
        return None, problems
    reader = _Reader(source, problems)
    scenario = reader.scenario(root)
    problems.sort(key=lambda p: (p.line, p.col))  # stable: same-place problems keep their order
    if any(p.severity == "error" for p in problems):
        return None, problems
    return scenario, problems


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


class _Reader:
    """Walks the node tree, building model objects and collecting problems.

    Each reading method returns None for a missing or bad value (after
    reporting it), so the walk goes on and finds the next mistake.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        self.refs: list[tuple[YNode, str, str]] = []  # (node, path, target id)
        self.flags_set: set[str] = set()
        self.flags_read: list[tuple[YNode, str]] = []
        self.node_keys: dict[str, YNode] = {}

    def error(self, where: YNode, message: str, severity: str = "error") -> None:
        mark = where.start_mark
        self.problems.append(Problem(self.source, mark.line + 1, mark.column + 1, message, severity))

    # -- typed readers -------------------------------------------------------

    def expect(self, node: YNode, kind: type, path: str, noun: str) -> bool:
        if node.tag == ALIAS_TAG:
            return False  # already refused; don't report it twice
        if not isinstance(node, kind):
            self.error(node, f"{path} must be {noun}, got {_describe(node)}")
            return False
        return True

    def fields(
        self, node: YNode, path: str, known: tuple[str, ...], required: tuple[str, ...] = (), noun: str = "field"
    ) -> dict[str, tuple[YNode, YNode]] | None:
        """A mapping's entries by name; reports unknown, non-text and missing keys."""
        if not self.expect(node, MappingNode, path, "a mapping"):
            return None
        out: dict[str, tuple[YNode, YNode]] = {}
        for key, value in node.value:
            if key.tag == ALIAS_TAG or _is_merge(key):
                continue  # already refused while composing
            if not isinstance(key, ScalarNode):
                self.error(key, f"a key in {path} must be a name, got {_describe(key)}")
            elif key.value not in known:
                self.error(key, f"unknown {noun} '{show(key.value)}'{_hint(key.value, known)}")
            else:
                out.setdefault(key.value, (key, value))  # duplicates were reported while composing
        for name in required:
            if name not in out:
                self.error(node, f"missing required field '{path}.{name}'" if path else f"missing required field '{name}'")
        return out

    def text(self, node: YNode, path: str, empty_ok: bool = False) -> str | None:
        if not self.expect(node, ScalarNode, path, "text"):
            return None
        if not empty_ok and not node.value.strip():
            self.error(node, f"{path} must not be empty")
            return None
        return node.value

    def integer(self, node: YNode, path: str, lo: int, hi: int) -> int | None:
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

    def boolean(self, node: YNode, path: str) -> bool | None:
        if not self.expect(node, ScalarNode, path, "true or false"):
            return None
        if node.style is None and node.value.lower() in BOOLEANS:
            return BOOLEANS[node.value.lower()]
        quoted = ", not quoted text" if node.style else f", got {_describe(node)}"
        self.error(node, f"{path} must be true or false{quoted}")
        return None

    def name(self, node: YNode, path: str, what: str) -> str | None:
        value = self.text(node, path)
        if value is not None and not NAME.fullmatch(value):
            self.error(node, f"{what} '{show(value)}' must use only lowercase letters, digits and '-'")
            return None
        return value

    def choice(self, node: YNode, path: str, options: Iterable[str], what: str) -> str | None:
        value = self.text(node, path)
        if value is not None and value not in options:
            self.error(node, f"unknown {what} '{show(value)}'{_hint(value, options, list_all=True)}")
            return None
        return value

    def strings(self, node: YNode, path: str) -> list[tuple[YNode, str]]:
        """A list of non-empty texts, with each item's node for later messages."""
        if not self.expect(node, SequenceNode, path, "a list"):
            return []
        out = []
        for i, item in enumerate(node.value):
            value = self.text(item, f"{path}[{i}]")
            if value is not None:
                out.append((item, value))
        return out

    # -- the scenario --------------------------------------------------------

    def scenario(self, root: YNode) -> Scenario | None:
        if not isinstance(root, MappingNode):
            self.error(root, f"a scenario file must be a mapping of fields (format: {FORMAT}, id: ...), got {_describe(root)}")
            return None
        required = ("format", "id", "title", "customer", "briefing", "start", "nodes")
        f = self.fields(root, "", TOP_FIELDS, required)
        get = lambda name: f[name][1] if name in f else None  # noqa: E731
        if "format" in f:
            fmt = self.text(get("format"), "format")
            if fmt is not None and fmt != FORMAT:
                self.error(get("format"), f"unsupported format '{show(fmt)}' (expected '{FORMAT}')")
        sid = self.name(get("id"), "id", "scenario id") if "id" in f else None
        title = self.text(get("title"), "title") if "title" in f else None
        summary = self.text(get("summary"), "summary", empty_ok=True) if "summary" in f else ""
        difficulty = self.integer(get("difficulty"), "difficulty", 1, 5) if "difficulty" in f else 1
        skills = []
        if "skills" in f:
            skills = [self.choice(n, "skills", SKILLS, "skill") for n, _ in self.strings(get("skills"), "skills")]
        customer = self.customer(get("customer")) if "customer" in f else None
        briefing = self.briefing(get("briefing")) if "briefing" in f else None
        start = None
        if "start" in f:
            start = self.name(get("start"), "start", "node id")
            if start is not None:
                self.refs.append((get("start"), "start", start))
        nodes = self.nodes(get("nodes")) if "nodes" in f else {}
        self.check_refs(nodes)
        if any(p.severity == "error" for p in self.problems):
            return None
        self.check_graph(nodes, start)
        return Scenario(
            id=sid, title=title, customer=customer, briefing=briefing, start=start,
            nodes=MappingProxyType(nodes), summary=summary, difficulty=difficulty,
            skills=tuple(skills), source=self.source,
        )  # fmt: skip

    def customer(self, node: YNode) -> Customer | None:
        f = self.fields(node, "customer", CUSTOMER_FIELDS, ("name", "mood"))
        if f is None or "name" not in f or "mood" not in f:
            return None
        name = self.text(f["name"][1], "customer.name")
        mood = self.integer(f["mood"][1], "customer.mood", 0, 100)
        about = self.text(f["about"][1], "customer.about", empty_ok=True) if "about" in f else ""
        return Customer(name=name, mood=mood, about=about)

    def briefing(self, node: YNode) -> Briefing | None:
        f = self.fields(node, "briefing", BRIEFING_FIELDS, ("at_fault",))
        if f is None or "at_fault" not in f:
            return None
        at_fault = self.boolean(f["at_fault"][1], "briefing.at_fault")
        text = self.text(f["text"][1], "briefing.text", empty_ok=True) if "text" in f else ""
        policy = self.text(f["policy"][1], "briefing.policy", empty_ok=True) if "policy" in f else ""
        offers = self.strings(f["can_offer"][1], "briefing.can_offer") if "can_offer" in f else []
        return Briefing(at_fault=at_fault, text=text, policy=policy, can_offer=tuple(v for _, v in offers))

    def nodes(self, node: YNode) -> dict[str, Node]:
        if not self.expect(node, MappingNode, "nodes", "a mapping of node ids to nodes"):
            return {}
        if not node.value:
            self.error(node, "nodes must list at least one node")
        out: dict[str, Node] = {}
        for key, value in node.value:
            if key.tag == ALIAS_TAG:
                continue
            if not isinstance(key, ScalarNode):
                self.error(key, f"a node id must be a name, got {_describe(key)}")
                continue
            nid = self.name(key, "node id", "node id")
            if nid is not None and nid not in out:
                self.node_keys[nid] = key
                out[nid] = self.node(key, value, nid)
        return out

    def node(self, key: YNode, node: YNode, nid: str) -> Node:
        path = f"nodes.{nid}"
        f = self.fields(node, path, NODE_FIELDS, ("customer",)) or {}
        beats = self.beats(f["customer"][1], f"{path}.customer") if "customer" in f else []
        story_ends = len(beats)
        if "story_ends" in f:
            where = f["story_ends"][1]
            count = self.integer(where, f"{path}.story_ends", 1, 10**6)
            if count is not None and beats and count > len(beats):
                self.error(where, f"{path}.story_ends is {count} but the node has only {len(beats)} beat(s)")
            story_ends = count or story_ends
        silence = self.text(f["silence"][1], f"{path}.silence", empty_ok=True) if "silence" in f else None
        end = self.choice(f["end"][1], f"{path}.end", OUTCOMES, "outcome") if "end" in f else None
        moves = self.moves(f["moves"][1], path) if "moves" in f else []
        if "end" in f and "moves" in f:
            self.error(f["moves"][0], f"end node '{nid}' must not have moves")
        elif "end" not in f and isinstance(node, MappingNode):
            # Judge the list as written: a move with mistakes was already reported.
            listed = f["moves"][1] if "moves" in f else None
            if listed is None or (isinstance(listed, SequenceNode) and not listed.value):
                message = f"node '{nid}' has no moves: give it at least one move, or an 'end' outcome"
                self.error(listed or key, message)
        return Node(id=nid, beats=tuple(beats), story_ends=story_ends, moves=tuple(moves), silence=silence or None, end=end)

    def beats(self, node: YNode, path: str) -> list[Beat]:
        if not self.expect(node, SequenceNode, path, "a list of beats (lines the customer says)"):
            return []
        if not node.value:
            self.error(node, f"{path} must list at least one beat")
        out = []
        for i, item in enumerate(node.value):
            where = f"{path}[{i}]"
            if isinstance(item, MappingNode):
                f = self.fields(item, where, ("one_of",), ("one_of",))
                if f and "one_of" in f:
                    variants = self.one_of(f["one_of"][1], f"{where}.one_of")
                    if variants:
                        out.append(Beat(variants))
            else:
                line = self.text(item, where)
                if line is not None:
                    out.append(Beat((line,)))
        return out

    def one_of(self, node: YNode, path: str) -> tuple[str, ...]:
        if not self.expect(node, SequenceNode, path, "a list of lines"):
            return ()
        if not node.value:
            self.error(node, f"{path} must list at least one line")
        return tuple(v for _, v in self.strings(node, path))

    def moves(self, node: YNode, path: str) -> list[Move]:
        if not self.expect(node, SequenceNode, f"{path}.moves", "a list of moves"):
            return []
        out: list[Move] = []
        first_at: dict[str, YNode] = {}
        for i, item in enumerate(node.value):
            move = self.move(item, f"{path}.moves[{i}]")
            if move is None:
                continue
            key_node = next(v for k, v in item.value if isinstance(k, ScalarNode) and k.value == "key")
            if move.key in first_at:
                first = first_at[move.key].start_mark.line + 1
                self.error(key_node, f"duplicate move key '{move.key}' in {path} (first at line {first})")
            else:
                first_at[move.key] = key_node
            out.append(move)
        return out

    def move(self, node: YNode, path: str) -> Move | None:
        f = self.fields(node, path, MOVE_FIELDS, ("key", "say", "acts", "next"))
        if f is None:
            return None
        key = self.name(f["key"][1], f"{path}.key", "move key") if "key" in f else None
        if key == WAIT:
            self.error(f["key"][1], f"move key '{WAIT}' is reserved (it means: keep listening)")
        say = self.text(f["say"][1], f"{path}.say") if "say" in f else None
        acts = []
        if "acts" in f:
            items = self.strings(f["acts"][1], f"{path}.acts")
            if isinstance(f["acts"][1], SequenceNode) and not f["acts"][1].value:
                self.error(f["acts"][1], f"{path}.acts is empty: a move needs at least one act")
            acts = [self.choice(n, f"{path}.acts", ACTS, "act") for n, _ in items]
        mood = self.integer(f["mood"][1], f"{path}.mood", -100, 100) if "mood" in f else 0
        sets = [v for _, v in self.strings(f["set"][1], f"{path}.set")] if "set" in f else []
        self.flags_set.update(sets)
        branches = self.next_(f["next"][1], f"{path}.next") if "next" in f else ()
        channel = self.choice(f["channel"][1], f"{path}.channel", CHANNELS, "channel") if "channel" in f else None
        policy_break = self.boolean(f["policy_break"][1], f"{path}.policy_break") if "policy_break" in f else False
        if key is None or key == WAIT:
            return None
        return Move(
            key=key, say=say, acts=tuple(acts), branches=branches, mood=mood or 0,
            sets=tuple(sets), channel=channel, policy_break=bool(policy_break),
        )  # fmt: skip

    def next_(self, node: YNode, path: str) -> tuple[Branch, ...]:
        if isinstance(node, ScalarNode) and node.tag != ALIAS_TAG:
            target = self.name(node, path, "node id")
            if target is None:
                return ()
            self.refs.append((node, path, target))
            return (Branch(to=target),)
        if not self.expect(node, SequenceNode, path, "a node id or a list of branches"):
            return ()
        if not node.value:
            self.error(node, f"{path} must name a node or list at least one branch")
        out = []
        last = len(node.value) - 1
        for i, item in enumerate(node.value):
            where = f"{path}[{i}]"
            f = self.fields(item, where, BRANCH_FIELDS, ("to",))
            if f is None:
                continue
            if i == last and "when" in f:
                self.error(f["when"][0], f"the last branch of {path} must have no 'when': it is taken when no guard holds")
            elif i < last and "when" not in f:
                self.error(item, f"{where} needs a 'when' guard: only the last branch may go without one")
            guard = self.guard(f["when"][1], f"{where}.when") if "when" in f else None
            target = self.name(f["to"][1], f"{where}.to", "node id") if "to" in f else None
            if target is not None:
                self.refs.append((f["to"][1], f"{where}.to", target))
                out.append(Branch(to=target, when=guard))
        return tuple(out)

    def guard(self, node: YNode, path: str) -> Guard | None:
        f = self.fields(node, path, GUARD_FIELDS, noun="guard key")
        if f is None:
            return None
        if not f and not node.value:
            self.error(node, f"{path} must list at least one condition ({', '.join(GUARD_FIELDS)})")
        at_least = self.integer(f["mood_at_least"][1], f"{path}.mood_at_least", 0, 100) if "mood_at_least" in f else None
        below = self.integer(f["mood_below"][1], f"{path}.mood_below", 0, 100) if "mood_below" in f else None
        flags = {}
        for name in ("flags", "not_flags"):
            items = self.strings(f[name][1], f"{path}.{name}") if name in f else []
            self.flags_read.extend(items)
            flags[name] = frozenset(v for _, v in items)
        return Guard(mood_at_least=at_least, mood_below=below, **flags)

    # -- whole-file checks ---------------------------------------------------

    def check_refs(self, nodes: dict[str, Node]) -> None:
        for where, path, target in self.refs:
            if target not in nodes:
                self.error(where, f"{path} names unknown node '{target}'{_hint(target, nodes)}")

    def check_graph(self, nodes: dict[str, Node], start: str) -> None:
        """Warnings for a valid file: likely typos that the format allows."""
        seen, todo = {start}, deque([start])
        while todo:
            for move in nodes[todo.popleft()].moves:
                for branch in move.branches:
                    if branch.to not in seen:
                        seen.add(branch.to)
                        todo.append(branch.to)
        for nid in nodes:
            if nid not in seen:
                message = f"node '{nid}' cannot be reached from the start node '{start}'"
                self.error(self.node_keys[nid], message, severity="warning")
        for where, flag in self.flags_read:
            if flag not in self.flags_set:
                self.error(where, f"flag '{flag}' is never set by any move", severity="warning")

