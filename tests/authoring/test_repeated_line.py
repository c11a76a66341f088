"""`repeated-line`: no customer line can be said twice in one call."""
from __future__ import annotations

from lint_helpers import CLEAN, found, line_of, lint, replaced

from simulator.engine import play_moves
from simulator.engine.loader import read_scenario_text

# 'later' sends the call back to the opening once: the second time her mood is too low for it.
BACK_ONCE = """\
      - key: later
        say: Let me look into it and come back to this.
        acts: [open_question]
        mood: -15
        next:
          - when: {mood_below: 25}
            to: kept
          - to: opening
      - key: choice
"""


def repeats(text: str) -> list[int]:
    return [line for line, _, code in found(text) if code == "repeated-line"]


def test_a_node_entered_again_repeats_its_opening_line():
    text = replaced("      - key: choice\n", BACK_ONCE)
    assert repeats(text) == [line_of(text, "The cleaner never came."),
                             line_of(text, "I stayed home all Saturday"),
                             line_of(text, "So what will you do?")]
    assert "come back to node 'opening'" in lint(text).findings[0].message


def test_variants_cover_a_node_entered_twice():
    text = replaced("      - key: choice\n", BACK_ONCE)
    text = replaced("      - The cleaner never came.\n",
                    "      - one_of: [The cleaner never came., Nobody showed up to clean.]\n", text)
    text = replaced("      - I stayed home all Saturday morning for nothing.\n",
                    "      - one_of: [I stayed home all Saturday morning for nothing., I waited in all morning.]\n",
                    text)
    text = replaced("      - So what will you do?\n", "      - one_of: [So what will you do?, What now, then?]\n", text)
    assert repeats(text) == []
    # ...and the engine keeps its side of it: the second visit says the variant not said yet.
    call = play_moves(read_scenario_text(text, "s.yaml").scenario, ["wait", "ask", "later", "wait"], seed=3)
    lines = [e.text for e in call.events if e.who == "customer"]
    assert len(lines) == len(set(lines))


def test_a_loop_outruns_any_number_of_variants():
    text = replaced("      - key: choice\n",
                    "      - key: again\n        say: Sorry, say that again?\n        acts: [open_question]\n"
                    "        next: opening\n      - key: choice\n")
    text = replaced("      - The cleaner never came.\n",
                    "      - one_of: [The cleaner never came., Nobody showed up to clean.]\n", text)
    assert line_of(text, "one_of: [The cleaner") in repeats(text)
    assert any("any number of times" in f.message for f in lint(text).findings)


def test_two_nodes_on_one_path_saying_the_same_line():
    text = replaced("    customer: [Tomorrow then.]\n", "    customer: [So what will you do?]\n")
    assert repeats(text) == [line_of(text, "customer: [So what will you do?]")]
    assert "beat 1 of 'choose'" in lint(text).findings[0].message


def test_the_same_line_in_nodes_no_call_visits_together_is_fine():
    # 'kept' and 'lost' are two endings: no call says both.
    assert repeats(replaced("    customer: [Forget it.]\n", "    customer: [Tomorrow then.]\n")) == []


def test_a_silence_line_said_in_two_nodes_of_one_call():
    text = replaced("    customer:\n      - So what will you do?\n",
                    "    customer:\n      - So what will you do?\n    silence: Hello?\n")
    text = replaced("      - I stayed home all Saturday morning for nothing.\n",
                    "      - I stayed home all Saturday morning for nothing.\n    silence: Hello?\n", text)
    assert repeats(text) == [line_of(text, "silence: Hello?", 2)]
    assert "silence of 'opening'" in lint(text).findings[0].message


def test_the_clean_scenario_says_every_line_once():
    assert repeats(CLEAN) == []


def test_each_finding_names_moves_that_replay_to_the_line_said_twice():
    text = replaced("      - key: choice\n", BACK_ONCE)
    text = replaced("    customer: [Tomorrow then.]\n", "    customer: [So what will you do?]\n", text)
    scenario = read_scenario_text(text, "s.yaml").scenario
    lines = text.splitlines()
    findings = lint(text).findings
    assert len(findings) == 4
    for f in findings:
        moves = f.message.rsplit("(e.g. the moves ", 1)[1].rstrip(")").split(",")
        said = [e.text for e in play_moves(scenario, moves, seed=0).events if e.who == "customer"]
        line = lines[f.line - 1].split("- ", 1)[-1].strip()
        quoted = line.removeprefix("customer: [").rstrip("]")
        assert said.count(quoted) == 2, (f.line, moves, said)
