"""Learning paths: track files read like scenarios (one line per problem), progress against pass marks."""
from __future__ import annotations

from datetime import date

import pytest

from simulator.engine.builtin import builtin_files
from simulator.engine.catalog import builtin_cards
from simulator.practice.history import Attempt
from simulator.practice.tracks import (Step, Track, TrackError, UnknownTrack, builtin_track_files, load_track,
                                       progress, read_track, summary_line)

GOOD = """\
format: hearout-track/v1
id: week-one
title: Week one
steps:
  - scenario: lawn-missed-mow
    pass: 70
    attempts: 2
  - scenario: grooming-refund
    pass: 80
    due: 2026-12-01
"""


def attempt(n, scenario_id, overall, day="2026-11-20", outcome="resolved"):
    return Attempt(n, f"{day}T09:00:{n:02d}Z", scenario_id, scenario_id, outcome, overall, {})


def problems(text, scenarios=None):
    with pytest.raises(TrackError) as caught:
        read_track(text, "week.yaml", scenarios)
    return [str(p) for p in caught.value.problems]


def test_a_track_reads_with_its_steps_and_round_trips_through_the_store_form():
    track = read_track(GOOD, "week.yaml", builtin_files())
    assert track.id == "week-one" and track.title == "Week one"
    assert track.steps == (Step("lawn-missed-mow", 70, None, 2), Step("grooming-refund", 80, date(2026, 12, 1)))
    assert Track.from_dict(track.to_dict()) == track


@pytest.mark.parametrize("change, expected", [
    (("pass: 70", "pass: 170"), "week.yaml:6:11: error: steps[1].pass must be"),
    (("lawn-missed-mow", "lawn-mised-mow"), "week.yaml:5:15: error: steps[1].scenario: no built-in scenario "
                                            "'lawn-mised-mow' (did you mean 'lawn-missed-mow'?)"),
    (("due: 2026-12-01", "due: next week"), "week.yaml:10:10: error: steps[2].due must be a date such as"),
    (("attempts: 2", "tries: 2"), "week.yaml:7:5: error: unknown step field 'tries'"),
    (("format: hearout-track/v1", "format: hearout/v1"), "week.yaml:1:9: error: format must be 'hearout-track/v1'"),
    (("grooming-refund", "lawn-missed-mow"), "week.yaml:8:15: error: steps[2].scenario: 'lawn-missed-mow' is "
                                             "already a step"),
    (("id: week-one", "id: Week One"), "week.yaml:2:5: error: id must be lowercase"),
])
def test_each_mistake_is_one_line_with_its_place(change, expected):
    found = problems(GOOD.replace(*change), builtin_files())
    assert len(found) == 1 and found[0].startswith(expected), found


def test_unsafe_yaml_is_refused_as_for_scenarios():
    found = problems(GOOD.replace("title: Week one", "title: &t Week one\nsummary: *t"))
    assert any("anchor" in p or "alias" in p for p in found)
    assert problems(b"\xff\xfe" + GOOD.encode("utf-16-le"))[0].startswith("week.yaml:1:1: error: file is UTF-16")
    assert problems("format: hearout-track/v1\nid: x\ntitle: X\nsteps: []\n")[0].endswith(
        "steps must list at least one scenario")


def test_the_built_in_onboarding_track_covers_the_library_easiest_first():
    assert "onboarding" in builtin_track_files()
    track = load_track("onboarding", builtin_files())
    level = {c.id: c.difficulty for c in builtin_cards()}
    levels = [level[s.scenario] for s in track.steps]
    assert levels == sorted(levels) and levels[0] == 1 and len(track.steps) >= 5


def test_an_unknown_track_names_the_built_in_ones():
    with pytest.raises(UnknownTrack, match="no built-in track 'nope' .built-in tracks: onboarding"):
        load_track("nope")


def test_progress_counts_passes_since_the_assignment_attempt_limits_and_due_dates():
    track = read_track(GOOD, "week.yaml")
    found = [attempt(1, "lawn-missed-mow", 95, day="2026-11-01"),  # before the assignment: not counted
             attempt(2, "lawn-missed-mow", 50), attempt(3, "lawn-missed-mow", 60),  # two tries, both short
             attempt(4, "lawn-missed-mow", 90)]  # past the limit
    p = progress(track, found, "2026-11-10T00:00:00Z", today=date(2026, 12, 2))
    lawn, grooming = p.steps
    assert (lawn.tries, lawn.passed, lawn.out_of_tries, lawn.status) == (3, False, True, "out of attempts")
    assert (grooming.passed, grooming.past_due, grooming.status) == (False, True, "past due")
    assert p.next is grooming and p.passed == 0
    line = summary_line(p, {"grooming-refund": "The groom"})
    assert line == "Track: Week one: 0 of 2 passed. Next: The groom (pass 80, due 2026-12-01). PAST DUE: 1."


def test_a_passing_call_moves_the_track_on():
    track = read_track(GOOD, "week.yaml")
    before = progress(track, [], "2026-11-10T00:00:00Z", today=date(2026, 11, 20))
    assert before.next.step.scenario == "lawn-missed-mow"
    assert "2 attempts left" in summary_line(before, {})
    after = progress(track, [attempt(1, "lawn-missed-mow", 72)], "2026-11-10T00:00:00Z", today=date(2026, 11, 20))
    assert after.steps[0].passed and after.next.step.scenario == "grooming-refund" and after.passed == 1
