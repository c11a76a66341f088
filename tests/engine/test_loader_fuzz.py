"""Property: whatever the input, the loader answers with a scenario or clean problem lines.

Never an exception, never a traceback, never a catch-all "internal error":
every input maps to precise problems. Mutations start from a valid scenario so
most examples get deep into the checks instead of failing on line 1.
"""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.engine.loader import check_scenario_text
from simulator.engine.model import Scenario

VALID = (Path(__file__).parent / "fixtures" / "full.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)
LINE = re.compile(r"^.+:\d+:\d+: (error|warning): .+")

SNIPPETS = [
    "&a ", "*a", "!!python/object/apply:os.system ['true']", "!foo ", "!!str ", "<<: {a: 1}\n", "---\n",
    "[", "]", "{", "}", ": ", "- ", '"', "'", "|\n", ">-\n", "\t", "%YAML 1.1\n", "? ", "mood: 999",
    "next: []", "next: nowhere", "~", "null", "No", "2024-01-01", "1.0", "+5", "-0", "\x00", "\ufeff",
    "\u00e9", "\U0001f600", "\r\n", "\x85", "\x07", "\ud800", "when: {}", "when: {mood_below: x}",
    "key: wait", "acts: []", "one_of: []", "end: resolved", "moves: []", "story_ends: 99", "9" * 40,
    "\n" + "  " * 40 + "x: 1\n", "[" * 100, "- " * 70,
]


@st.composite
def mutated(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "char", "insert", "indent"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.characters()) + lines[i][k + 1 :]
        elif op == "insert":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(SNIPPETS)) + lines[i][k:]
        elif op == "indent":
            lines[i] = draw(st.sampled_from([" ", "  ", "\t"])) + lines[i]
    return "".join(lines)


def check(data: str | bytes) -> None:
    scenario, problems = check_scenario_text(data, "fuzz.yaml")
    errors = [p for p in problems if p.severity == "error"]
    assert (scenario is None) == bool(errors)
    if scenario is not None:
        assert isinstance(scenario, Scenario)
    for p in problems:
        text = str(p)
        assert LINE.match(text) and "\n" not in text, text
        assert p.line >= 1 and p.col >= 1, text
        assert "internal error" not in text, text


FUZZ = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(mutated())
def test_mutated_scenarios(text):
    check(text)
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    st.one_of(
        st.text(),
        st.binary(),
        st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?~%<")), max_size=200),
        st.lists(st.sampled_from(SNIPPETS + LINES), max_size=30).map("".join),
    )
)
def test_random_documents(data):
    check(data)
