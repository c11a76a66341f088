"""Reading is not silence: the prompt waits for what is on screen; a late Space does not skip a beat.
An email scenario reads as an email; the briefing keeps fault, policy and offers in view."""
from __future__ import annotations

from simulator.engine.builtin import load_builtin
from simulator.engine.clock import ManualClock
from simulator.store.settings import Settings
from simulator.tui.app import build_app
from simulator.tui.pacing import GRACE_MS, silence_delay_ms
from simulator.tui.screens.call import CallScreen
from simulator.tui.widgets.conversation import Conversation
from simulator.tui.widgets.typing import TypingIndicator


def test_the_silence_prompt_waits_longer_for_more_and_longer_moves_and_a_slower_pace():
    short = ["Go on.", "I see."]
    long = ["That sounds awful, and I want to understand it properly. What happened when you called us first?"] * 6
    assert silence_delay_ms("normal", long) > silence_delay_ms("normal", short) > silence_delay_ms("normal", ())
    assert silence_delay_ms("slow", long) > silence_delay_ms("normal", long) > silence_delay_ms("fast", long)
    # Six moves of some twenty words: more than the old fixed nine seconds, which trainees spent reading.
    assert silence_delay_ms("normal", long) > 20_000


def app_for(scenario_id, store, **settings):
    return build_app(scenarios=[load_builtin(scenario_id)], store=store, clock_factory=ManualClock,
                     settings=Settings(trainee="tester", **settings), seed_source=lambda: 7,
                     timers=settings.get("no_time_pressure") is False)


async def test_space_just_after_a_beat_came_on_its_own_does_not_skip_the_next(store):
    app = app_for("fridge-repair-dates", store, no_time_pressure=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        call = app.screen
        assert isinstance(call, CallScreen)
        call._stop_timer()
        call._beat_due()  # beat 2 arrives on its own
        said = len([e for e in call.session.events if e.who == "customer"])
        await pilot.press("space")  # meant for the beat that just came
        await pilot.pause()
        assert len([e for e in call.session.events if e.who == "customer"]) == said
        call.session.clock.advance(GRACE_MS + 1)
        await pilot.press("space")  # later: a real wish to hear more
        await pilot.pause()
        assert len([e for e in call.session.events if e.who == "customer"]) == said + 1


def lines(app):
    return [str(w.content) for w in app.screen.query_one(Conversation).query(".line")]


async def test_an_email_scenario_reads_as_an_email_thread(store):
    app = app_for("anniversary-email", store, no_time_pressure=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        call = app.screen
        assert str(call.query_one("#call-title").content).startswith("Email from Helen Marsh")
        await pilot.press(*["space"] * 4)
        await pilot.pause()
        shown = lines(app)
        assert shown[0] == "Email from Helen Marsh" and shown[1].startswith("Subject: Our anniversary")
        assert not any(line.startswith("Helen") for line in shown)  # a letter, not a voice
        narrator = shown[-1]
        assert narrator.startswith("(That's the whole email") and "Helen" not in narrator.split("(")[0]
        assert "email" in str(call.query_one(TypingIndicator).render()).lower() or "wrote" in str(
            call.query_one(TypingIndicator).render())
        footer_actions = {b.binding.action for b in call.active_bindings.values()
                          if call.check_action(b.binding.action, ())}
        assert "leave_email" in footer_actions and "hang_up" not in footer_actions


async def test_the_email_scenario_loads_with_its_channel():
    assert load_builtin("anniversary-email").channel == "email"
    assert load_builtin("lawn-missed-mow").channel == "phone"
