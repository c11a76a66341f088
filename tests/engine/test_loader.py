"""The scenario loader: valid files become frozen objects, bad ones exact messages."""
from __future__ import annotations

import textwrap
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml

from simulator.engine import yamlnodes
from simulator.engine.loader import (
    Problem,
    ScenarioError,
    check_scenario_text,
    load_scenario,
    load_scenario_text,
)
from simulator.engine.model import Beat, Branch, Guard

FIXTURES = Path(__file__).parent / "fixtures"

# The smallest valid scenario; tests inject one mistake by replacing a line.
MINIMAL = """\
format: hearout/v1
id: t
title: T
customer: {name: Dana, mood: 50}
briefing: {at_fault: false}
start: a
nodes:
  a:
    customer: [Hello]
    moves:
      - key: m
        say: Hi
        acts: [listen]
        next: b
  b:
    customer: [Bye]
    end: resolved
"""


@pytest.fixture(autouse=True, params=["libyaml", "pure"])
def yaml_loader(request, monkeypatch):
    """Run every test with libyaml's parser and with PyYAML's pure one."""
    if request.param == "libyaml":
        if not getattr(yaml, "CSafeLoader", None):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(yamlnodes, "SAFE_LOADER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlnodes, "SAFE_LOADER", yaml.SafeLoader)
    return request.param


def lines(text: str | bytes) -> list[str]:
    return [str(p) for p in check_scenario_text(text, "s.yaml")[1]]


def one(text: str | bytes) -> str:
    found = lines(text)
    assert len(found) == 1, found
    return found[0]


def edit(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


def with_moves(moves: str) -> str:
    """MINIMAL with node `a`'s moves replaced (moves indented as list items under `moves:`)."""
    start = MINIMAL.index("      - key: m")
    end = MINIMAL.index("  b:\n")
    return MINIMAL[:start] + textwrap.indent(textwrap.dedent(moves), "      ") + MINIMAL[end:]


# -- valid files ------------------------------------------------------------


def test_minimal_loads():
    s = load_scenario_text(MINIMAL, "mini.yaml")
    assert (s.id, s.title, s.summary, s.difficulty, s.skills) == ("t", "T", "", 1, ())
    assert s.source == "mini.yaml"
    assert s.briefing.at_fault is False and s.briefing.text == "" and s.briefing.can_offer == ()
    assert s.customer.about == ""
    assert s.node("a").story_ends == 1 and s.node("a").silence is None
    assert s.node("a").moves[0].branches == (Branch(to="b"),)


def test_full_scenario_loads_into_expected_objects():
    s = load_scenario(FIXTURES / "full.yaml")
    assert s.source == str(FIXTURES / "full.yaml")
    assert (s.id, s.difficulty, s.skills) == ("refund-refused", 2, ("listening", "apology", "choices"))
    assert s.customer.name == "Dana Whitfield" and s.customer.mood == 25
    assert s.briefing.text == "Multi-line situation briefing.\nSecond line.\n"
    assert s.briefing.can_offer == ("a free re-clean this week", "15% off the next booking")
    assert isinstance(s.nodes, MappingProxyType)
    assert list(s.nodes) == ["opening", "details", "demands-manager", "hangs-up", "happy"]
    opening = s.node("opening")
    assert opening.beats[1] == Beat(
        ("Your cleaner left streaks on every window.", "The windows were streaked, every single one.")
    )
    assert opening.story_ends == 2 and opening.silence == "Hello? Are you even listening?"
    hear, quote = opening.moves
    assert (hear.key, hear.acts, hear.mood) == ("hear-more", ("empathize", "open_question"), 5)
    assert (quote.mood, quote.sets) == (-15, ("stonewalled",))
    assert quote.branches == (
        Branch("hangs-up", Guard(mood_below=15)),
        Branch("demands-manager", Guard(mood_at_least=15, flags=frozenset({"stonewalled"}), not_flags=frozenset({"calm"}))),
        Branch("demands-manager"),
    )
    offer, cave = s.node("details").moves
    assert (offer.channel, offer.policy_break, cave.policy_break) == ("visit", False, True)
    assert s.node("hangs-up").end == "churned" and s.node("hangs-up").is_end


def test_yaml_1_1_lookalikes_stay_text_as_written():
    s = load_scenario(FIXTURES / "full.yaml")
    assert [b.variants[0] for b in s.node("details").beats] == ["No", "2024-01-01", "1.0", "~"]
    s = load_scenario_text(edit("title: T", "title: yes").replace("say: Hi", "say: null"))
    assert s.title == "yes" and s.node("a").moves[0].say == "null"


def test_signed_integers_and_boolean_spellings():
    s = load_scenario_text(with_moves("- {key: m, say: Hi, acts: [listen], mood: +5, next: b}\n"))
    assert s.node("a").moves[0].mood == 5
    s = load_scenario_text(edit("at_fault: false", "at_fault: True"))
    assert s.briefing.at_fault is True


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_scenario(path).id == "t"
    assert load_scenario_text("\ufeff" + MINIMAL).id == "t"


def test_unreachable_node_is_only_a_warning():
    scenario, problems = check_scenario_text(MINIMAL + "  c:\n    customer: [x]\n    end: parted\n", "s.yaml")
    assert scenario is not None
    assert [str(p) for p in problems] == ["s.yaml:18:3: warning: node 'c' cannot be reached from the start node 'a'"]


def test_problem_and_error_formatting():
    p = Problem("f.yaml", 3, 7, "bad")
    assert str(p) == "f.yaml:3:7: error: bad"
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(edit("start: a", "start: zz") + "difficulty: 0\n", "f.yaml")
    assert str(info.value) == "\n".join(str(p) for p in info.value.problems)
    assert len(info.value.problems) == 2


# -- every problem at once ----------------------------------------------------


def test_all_problems_are_reported_at_once():
    text = edit("title: T", "title: T\ndifficulty: 7").replace("acts: [listen]", "acts: [listn]").replace(
        "end: resolved", "end: done"
    )
    assert lines(text) == [
        "s.yaml:4:13: error: difficulty must be between 1 and 5, got 7",
        "s.yaml:14:16: error: unknown act 'listn' (did you mean 'listen'?)",
        "s.yaml:18:10: error: unknown outcome 'done' (expected one of: resolved, retained, parted, escalated, churned)",
    ]


# -- file-level problems ---------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file: no scenario in it"),
        (b"  \n\t\n", "empty file: no scenario in it"),
        (b"# only a comment\n\n# and another\n", "empty file: no scenario in it"),
        (b"id: t\0\n", "binary file (it contains NUL bytes), not a YAML scenario"),
        (b"title: caf\xe9\n", "file is not UTF-8 text (first bad byte on line 1)"),
        ("title: x\n".encode("utf-16"), "file is UTF-16 text; save it as UTF-8"),
    ],
)
def test_file_level_problems(tmp_path, data, message):
    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value) == f"{path}:1:1: error: {message}"


def test_file_over_size_cap(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * yamlnodes.MAX_BYTES + b"\n")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value) == f"{path}:1:1: error: file is larger than the 8 MB limit for a scenario"


def test_missing_file(tmp_path):
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.yaml")
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}:1:1: error: cannot read file: No such file or directory"


def test_lone_surrogate_in_text():
    assert one("title: \ud800\n") == "s.yaml:1:1: error: text contains invalid Unicode (lone surrogates)"


def test_control_character():
    assert one("id: t\ntitle: b\x07d\n") == "s.yaml:2:9: error: character U+0007 is not allowed in YAML text"


def test_top_level_not_a_mapping():
    assert one("- a\n- b\n") == (
        "s.yaml:1:1: error: a scenario file must be a mapping of fields (format: hearout/v1, id: ...), got a list"
    )


def test_syntax_error_has_its_position():
    (line,) = lines(edit("title: T", "title: [T"))
    assert line.startswith("s.yaml:4:9: error: YAML syntax error: ")


def test_syntax_error_bad_indentation():
    (line,) = lines(edit("    customer: [Hello]", "    customer: [Hello]\n   silence: x"))
    assert line.startswith("s.yaml:10:4: error: YAML syntax error: ")


# -- unsafe YAML ---------------------------------------------------------------


def test_several_documents():
    assert one(MINIMAL + "---\nid: u\n") == (
        "s.yaml:18:1: error: several YAML documents in one file; a scenario file holds exactly one"
    )


def test_anchor_and_alias():
    text = edit("    customer: [Bye]", "    customer: &bye [Bye]").replace("customer: [Hello]", "customer: *bye")
    assert lines(text) == [
        "s.yaml:9:15: error: aliases (*bye) are not allowed in a scenario file",
        "s.yaml:16:15: error: anchors (&bye) are not allowed in a scenario file",
    ]


def test_merge_key():
    text = edit("customer: {name: Dana, mood: 50}", "customer: {<<: {name: Dana}, mood: 50}")
    assert lines(text) == [
        "s.yaml:4:11: error: missing required field 'customer.name'",  # merges are not applied
        "s.yaml:4:12: error: merge keys (<<) are not allowed in a scenario file",
    ]


@pytest.mark.parametrize(
    "value, shown",
    [("!!python/object/apply:os.system echo", "!!python/object/apply:os.system"), ("!foo T", "!foo"),
     ("!!str T", "!!str"), ("! T", "!")],
)
def test_tags_are_refused(value, shown):
    assert one(edit("title: T", f"title: {value}")) == f"s.yaml:3:8: error: tags ({shown}) are not allowed in a scenario file"


def test_alias_bomb_is_refused_before_expanding():
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 30):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        rows.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    found = lines("\n".join(rows) + "\n")
    assert "s.yaml:1:4: error: anchors (&a) are not allowed in a scenario file" in found
    assert "s.yaml:2:8: error: aliases (*a) are not allowed in a scenario file" in found


@pytest.mark.parametrize(
    "text",
    ["[" * 10000, "- " * 10000 + "x", "{a: " * 10000 + "b" + "}" * 10000],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_deep_nesting_is_refused_without_recursion_error(text):
    (line,) = lines(text)
    assert line.startswith("s.yaml:1:") and line.endswith("error: nesting deeper than 64 levels")


def test_a_parser_with_its_own_nesting_limit_gives_the_same_refusal(monkeypatch):
    """Whichever parser stops a deep file first (newer libyaml has a limit of its own), one message."""

    class LimitedLoader(yaml.SafeLoader):
        def check_event(self, *choices):
            raise yaml.scanner.ScannerError(
                "while increasing flow level", self.get_mark(), "exceeded maximum nesting depth", self.get_mark()
            )

    monkeypatch.setattr(yamlnodes, "SAFE_LOADER", LimitedLoader)
    assert one("[[[x]]]").endswith("error: nesting deeper than 64 levels")


def test_duplicate_mapping_key():
    assert one(edit("title: T", "title: T\ntitle: U")) == "s.yaml:4:1: error: duplicate key 'title' (first at line 3)"


# -- fields and types --------------------------------------------------------------


def test_wrong_format():
    assert one(edit("hearout/v1", "hearout/v2")) == "s.yaml:1:9: error: unsupported format 'hearout/v2' (expected 'hearout/v1')"


def test_missing_required_top_field():
    assert one(edit("title: T\n", "")) == "s.yaml:1:1: error: missing required field 'title'"


def test_missing_required_nested_fields():
    text = edit("{name: Dana, mood: 50}", "{name: Dana}").replace("{at_fault: false}", "{text: hi}")
    assert lines(text) == [
        "s.yaml:4:11: error: missing required field 'customer.mood'",
        "s.yaml:5:11: error: missing required field 'briefing.at_fault'",
    ]


def test_unknown_field_suggests_close_match():
    assert one(edit("    customer: [Hello]", "    customer: [Hello]\n    stroy_ends: 1")) == (
        "s.yaml:10:5: error: unknown field 'stroy_ends' (did you mean 'story_ends'?)"
    )


def test_unknown_field_without_close_match():
    assert one(edit("title: T", "title: T\nflavour: x")) == "s.yaml:4:1: error: unknown field 'flavour'"


def test_wrong_type_mapping_expected():
    assert one(edit("customer: {name: Dana, mood: 50}", "customer: Dana")) == (
        "s.yaml:4:11: error: customer must be a mapping, got 'Dana'"
    )


def test_wrong_type_text_expected():
    assert one(edit("title: T", "title: [T]")) == "s.yaml:3:8: error: title must be text, got a list"


def test_quoted_number_is_a_type_error():
    assert one(edit("mood: 50", 'mood: "50"')) == "s.yaml:4:30: error: customer.mood must be a whole number, not quoted text"


def test_not_a_whole_number():
    assert one(edit("mood: 50", "mood: 5.5")) == "s.yaml:4:30: error: customer.mood must be a whole number, got '5.5'"


def test_boolean_wrong():
    assert one(edit("at_fault: false", "at_fault: maybe")) == (
        "s.yaml:5:22: error: briefing.at_fault must be true or false, got 'maybe'"
    )


def test_quoted_boolean_is_a_type_error():
    assert one(edit("at_fault: false", 'at_fault: "false"')) == (
        "s.yaml:5:22: error: briefing.at_fault must be true or false, not quoted text"
    )


def test_empty_required_text():
    assert one(edit("title: T", "title:")) == "s.yaml:3:7: error: title must not be empty"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("title: T", "title: T\ndifficulty: 6", "s.yaml:4:13: error: difficulty must be between 1 and 5, got 6"),
        ("mood: 50", "mood: 101", "s.yaml:4:30: error: customer.mood must be between 0 and 100, got 101"),
        ("mood: 50", "mood: -1", "s.yaml:4:30: error: customer.mood must be between 0 and 100, got -1"),
        ("mood: 50", "mood: " + "9" * 5000, "s.yaml:4:30: error: customer.mood must be between 0 and 100, got " + "9" * 60 + "…"),
        ("        next: b", "        mood: -101\n        next: b",
         "s.yaml:14:15: error: nodes.a.moves[0].mood must be between -100 and 100, got -101"),
    ],
)
def test_values_out_of_range(old, new, expected):
    assert one(edit(old, new)) == expected


def test_story_ends_beyond_the_beats():
    assert one(edit("    customer: [Hello]", "    customer: [Hello, Again]\n    story_ends: 3")) == (
        "s.yaml:10:17: error: nodes.a.story_ends is 3 but the node has only 2 beat(s)"
    )


def test_story_ends_zero():
    assert one(edit("    customer: [Hello]", "    customer: [Hello]\n    story_ends: 0")) == (
        "s.yaml:10:17: error: nodes.a.story_ends must be between 1 and 1000000, got 0"
    )


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("id: t", "id: Refund_Refused", "s.yaml:2:5: error: scenario id 'Refund_Refused' must use only lowercase letters, digits and '-'"),
        ("  b:", "  B:", "s.yaml:15:3: error: node id 'B' must use only lowercase letters, digits and '-'"),
        ("key: m", "key: My Move", "s.yaml:11:14: error: move key 'My Move' must use only lowercase letters, digits and '-'"),
    ],
)
def test_bad_id_patterns(old, new, expected):
    assert expected in lines(edit(old, new))


def test_unknown_skill():
    assert one(edit("title: T", "title: T\nskills: [listening, empathy]")) == (
        "s.yaml:4:21: error: unknown skill 'empathy' (expected one of: "
        "listening, apology, choices, policy, channel, follow_up, composure)"
    )


def test_unknown_act():
    assert one(edit("acts: [listen]", "acts: [listen, empathise]")) == (
        "s.yaml:13:24: error: unknown act 'empathise' (did you mean 'empathize'?)"
    )


def test_unknown_channel():
    assert one(edit("        next: b", "        channel: fax\n        next: b")) == (
        "s.yaml:14:18: error: unknown channel 'fax' (expected one of: phone, visit, note, email)"
    )


def test_unknown_outcome():
    assert one(edit("end: resolved", "end: happy")) == (
        "s.yaml:17:10: error: unknown outcome 'happy' (expected one of: resolved, retained, parted, escalated, churned)"
    )


# -- references and graph rules ------------------------------------------------------


def test_unknown_start_node():
    assert one(edit("start: a", "start: aa")) == "s.yaml:6:8: error: start names unknown node 'aa' (did you mean 'a'?)"


def test_unknown_next_node():
    assert one(edit("next: b", "next: zzz")) == "s.yaml:14:15: error: nodes.a.moves[0].next names unknown node 'zzz'"


def test_unknown_branch_target():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next:
            - {when: {mood_below: 10}, to: b}
            - to: c
        """)
    assert one(text) == "s.yaml:16:17: error: nodes.a.moves[0].next[1].to names unknown node 'c'"


def test_last_branch_with_guard():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next:
            - to: b
              when: {mood_below: 10}
        """)
    assert one(text) == (
        "s.yaml:16:13: error: the last branch of nodes.a.moves[0].next must have no 'when': it is taken when no guard holds"
    )


def test_non_last_branch_without_guard():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next: [{to: a}, {to: b}]
        """)
    assert one(text) == (
        "s.yaml:14:16: error: nodes.a.moves[0].next[0] needs a 'when' guard: only the last branch may go without one"
    )


def test_unknown_guard_key():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next: [{when: {mood_abov: 5}, to: a}, {to: b}]
        """)
    assert one(text) == "s.yaml:14:24: error: unknown guard key 'mood_abov' (did you mean 'mood_below'?)"


def test_guard_values_checked():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          set: [x]
          next: [{when: {mood_at_least: 120, flags: x}, to: a}, {to: b}]
        """)
    assert lines(text) == [
        "s.yaml:15:39: error: nodes.a.moves[0].next[0].when.mood_at_least must be between 0 and 100, got 120",
        "s.yaml:15:51: error: nodes.a.moves[0].next[0].when.flags must be a list, got 'x'",
    ]


def test_guard_flag_never_set_is_a_warning():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next: [{when: {not_flags: [angry]}, to: a}, {to: b}]
        """)
    scenario, problems = check_scenario_text(text, "s.yaml")
    assert scenario is not None
    assert [str(p) for p in problems] == ["s.yaml:14:36: warning: flag 'angry' is never set by any move"]


def test_cut_in_guard_and_cut_in_mood_are_read():
    text = edit("briefing: {at_fault: false}", "briefing: {at_fault: false}\ncut_in_mood: -10") + ""
    text = text.replace("  a:\n    customer: [Hello]", "  a:\n    customer: [Hello, Go on]\n    cut_in_mood: -25")
    text = text.replace("        next: b", "        next: [{when: {cut_in: true}, to: a}, {to: b}]")
    scenario, problems = check_scenario_text(text, "s.yaml")
    assert problems == [] and scenario.cut_in_mood == -10 and scenario.node("a").cut_in_mood == -25
    assert scenario.node("a").moves[0].branches[0].when == Guard(cut_in=True)
    assert scenario.node("b").cut_in_mood is None and scenario.cut_in_cost(scenario.node("b")) == -10


def test_cut_in_values_checked():
    text = edit("briefing: {at_fault: false}", "briefing: {at_fault: false}\ncut_in_mood: 5")
    text = text.replace("        next: b", "        next: [{when: {cut_in: maybe}, to: a}, {to: b}]")
    assert lines(text) == [
        "s.yaml:6:14: error: cut_in_mood must be between -100 and 0, got 5",
        "s.yaml:15:32: error: nodes.a.moves[0].next[0].when.cut_in must be true or false, got 'maybe'",
    ]


def test_empty_guard():
    text = with_moves("""\
        - key: m
          say: Hi
          acts: [listen]
          next: [{when: {}, to: a}, {to: b}]
        """)
    assert one(text) == (
        "s.yaml:14:23: error: nodes.a.moves[0].next[0].when must list at least one condition "
        "(mood_at_least, mood_below, flags, not_flags, cut_in)"
    )


def test_move_without_acts():
    assert one(edit("acts: [listen]", "acts: []")) == (
        "s.yaml:13:15: error: nodes.a.moves[0].acts is empty: a move needs at least one act"
    )


def test_move_missing_acts_field():
    assert one(edit("        acts: [listen]\n", "")) == "s.yaml:11:9: error: missing required field 'nodes.a.moves[0].acts'"


def test_duplicate_move_keys():
    text = with_moves("""\
        - {key: m, say: Hi, acts: [listen], next: b}
        - {key: m, say: Ho, acts: [listen], next: b}
        """)
    assert one(text) == "s.yaml:12:15: error: duplicate move key 'm' in nodes.a (first at line 11)"


def test_move_key_wait_is_reserved():
    assert one(edit("key: m", "key: wait")) == "s.yaml:11:14: error: move key 'wait' is reserved (it means: keep listening)"


def test_node_without_moves():
    assert one(edit("    customer: [Bye]\n    end: resolved\n", "    customer: [Bye]\n")) == (
        "s.yaml:15:3: error: node 'b' has no moves: give it at least one move, or an 'end' outcome"
    )


def test_node_with_empty_moves_list():
    assert one(edit("    end: resolved", "    moves: []")) == (
        "s.yaml:17:12: error: node 'b' has no moves: give it at least one move, or an 'end' outcome"
    )


def test_end_node_with_moves():
    text = MINIMAL + "    moves:\n      - {key: x, say: y, acts: [listen], next: a}\n"
    assert one(text) == "s.yaml:18:5: error: end node 'b' must not have moves"


def test_empty_beats_list():
    assert one(edit("customer: [Bye]", "customer: []")) == "s.yaml:16:15: error: nodes.b.customer must list at least one beat"


def test_empty_one_of():
    assert one(edit("customer: [Bye]", "customer: [{one_of: []}]")) == (
        "s.yaml:16:25: error: nodes.b.customer[0].one_of must list at least one line"
    )


def test_one_of_not_a_list_of_strings():
    assert lines(edit("customer: [Bye]", "customer: [{one_of: Bye}, {one_of: [Hi, {a: b}]}]")) == [
        "s.yaml:16:25: error: nodes.b.customer[0].one_of must be a list of lines, got 'Bye'",
        "s.yaml:16:45: error: nodes.b.customer[1].one_of[1] must be text, got a mapping",
    ]


def test_empty_nodes():
    text = MINIMAL[: MINIMAL.index("nodes:")] + "nodes: {}\n"
    assert lines(text) == [
        "s.yaml:6:8: error: start names unknown node 'a'",
        "s.yaml:7:8: error: nodes must list at least one node",
    ]


def test_values_in_messages_stay_on_one_line():
    assert one(edit("id: t", 'id: "a\\nb"')) == "s.yaml:2:5: error: scenario id 'a\\nb' must use only lowercase letters, digits and '-'"


# -- examples (v1.1): other ways a trainee might say a move ----------------------


def test_move_examples_are_read_as_text():
    s = load_scenario_text(with_moves("- {key: m, say: Hi, acts: [listen], examples: [Go on, 'No', 2024-01-01], next: b}\n"))
    assert s.node("a").moves[0].examples == ("Go on", "No", "2024-01-01")
    assert load_scenario_text(MINIMAL).node("a").moves[0].examples == ()


@pytest.mark.parametrize(
    "value, message",
    [
        ("Go on", "s.yaml:11:53: error: nodes.a.moves[0].examples must be a list, got 'Go on'"),
        ("[Go on, [x]]", "s.yaml:11:61: error: nodes.a.moves[0].examples[1] must be text, got a list"),
        ("[Go on, '']", "s.yaml:11:61: error: nodes.a.moves[0].examples[1] must not be empty"),
    ],
)
def test_move_examples_of_the_wrong_type(value, message):
    assert one(with_moves(f"- {{key: m, say: Hi, acts: [listen], examples: {value}, next: b}}\n")) == message
