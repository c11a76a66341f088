"""Each lint check: a broken scenario triggers it at the right line; the clean one triggers nothing."""
from __future__ import annotations

from lint_helpers import CLEAN, found, line_of, lint, replaced


def test_the_clean_scenario_has_no_findings():
    assert found(CLEAN) == []


def test_a_loader_error_is_a_finding_at_its_place():
    text = replaced("acts: [offer_choice]", "acts: [offer_choices]")
    assert found(text) == [(line_of(text, "offer_choices"), "error", "format")]
    assert "did you mean 'offer_choice'" in lint(text).findings[0].message


def test_unreachable_node_comes_from_the_loader():
    text = CLEAN + "  orphan:\n    customer: [Hi.]\n    end: parted\n"
    assert found(text) == [(line_of(text, "orphan:"), "warning", "unreachable")]


def test_a_node_without_moves_is_an_error():
    text = replaced("    moves:\n      - key: choice", "    moves: []\n    unused:\n      - key: choice")
    assert ("error", "no-moves") in {(s, c) for _, s, c in found(text)}


def test_trap_a_closed_loop_with_no_end():
    text = replaced("        next: kept\n", "        next: choose\n")
    assert (line_of(text, "  choose:"), "error", "dead-end") in found(text)


def test_flag_no_move_sets():
    text = replaced("        set: [blamed]\n", "")
    assert found(text) == [(line_of(text, "flags: [blamed]"), "warning", "flag-never-set")]


def test_flag_set_but_never_read():
    text = replaced("      - key: choice\n", "      - key: choice\n        set: [offered]\n")
    assert found(text) == [(line_of(text, "set: [offered]"), "warning", "flag-never-read")]


def test_flags_and_not_flags_name_the_same_flag():
    text = replaced("{flags: [blamed], mood_below: 20}", "{flags: [blamed], not_flags: [blamed]}")
    assert found(text) == [(line_of(text, "not_flags"), "warning", "contradictory-guard")]


def test_empty_mood_range():
    text = replaced("{flags: [blamed], mood_below: 20}", "{flags: [blamed], mood_at_least: 90, mood_below: 10}")
    assert found(text) == [(line_of(text, "mood_at_least: 90"), "warning", "empty-mood-range")]


def test_a_mood_range_no_path_reaches():
    # Mood starts at 30 and 'blame' takes 20 off: it is 10 at the guard, never 50 or more.
    text = replaced("{flags: [blamed], mood_below: 20}", "{flags: [blamed], mood_at_least: 50}")
    assert found(text) == [(line_of(text, "mood_at_least: 50"), "warning", "mood-unreachable")]


def test_a_reachable_mood_range_is_fine():
    assert found(replaced("{flags: [blamed], mood_below: 20}", "{flags: [blamed], mood_at_least: 5}")) == []


def test_two_moves_with_the_same_acts_and_target():
    text = replaced("      - key: choice\n", """\
      - key: choice-too
        say: Tomorrow, or the fee back?
        acts: [offer_choice]
        next: kept
      - key: choice
""")
    assert found(text) == [(line_of(text, "key: choice", 2), "warning", "duplicate-move")]


def test_a_move_quoting_a_fact_told_in_a_later_beat():
    text = replaced("say: I'm sorry. What happened?", "say: I'm sorry about Saturday.")
    assert found(text) == [(line_of(text, "about Saturday"), "warning", "fact-before-told")]
    assert "add 'needs_heard: 2'" in lint(text).findings[0].message


def test_needs_heard_makes_the_quote_fine():
    text = replaced("say: I'm sorry. What happened?", "say: I'm sorry about Saturday.\n        needs_heard: 2")
    assert found(text) == []


def test_what_the_briefing_says_is_no_leak():
    text = replaced("say: I'm sorry. What happened?", "say: I'm sorry about Saturday.")
    text = replaced("briefing: {at_fault: true,", "briefing: {at_fault: true, text: She stayed in on Saturday.,", text)
    assert found(text) == []


def test_a_listed_skill_no_move_exercises():
    text = replaced("skills: [listening, apology, choices]", "skills: [listening, apology, choices, channel]")
    assert found(text) == [(line_of(text, "skills:"), "warning", "skill-never-exercised")]


def test_needs_heard_beyond_the_beats_is_an_error():
    text = replaced("        mood: 10\n        next: choose", "        mood: 10\n        needs_heard: 3\n        next: choose")
    assert found(text) == [(line_of(text, "needs_heard: 3"), "error", "needs-heard")]
