"""Snapshots at a fixed size: the compact briefing at 80x24 and an email scenario."""
from __future__ import annotations

from simulator.engine.builtin import load_builtin
from simulator.engine.clock import ManualClock
from simulator.store.settings import Settings
from simulator.tui.app import build_app


def app_for(scenario_id, store):
    return build_app(scenarios=[load_builtin(scenario_id)], store=store, clock_factory=ManualClock,
                     settings=Settings(trainee="tester", no_time_pressure=True), seed_source=lambda: 7, timers=False)


def test_the_longest_briefing_at_80x24_shows_fault_policy_and_offers(snap_compare, store):
    assert snap_compare(app_for("fridge-repair-dates", store), press=["enter"], terminal_size=(80, 24))


def test_an_email_scenario_at_80x24(snap_compare, store):
    assert snap_compare(app_for("anniversary-email", store), press=["enter", "enter", "space", "space", "space", "space"],
                        terminal_size=(80, 24))
