"""The app wired with fakes: fixed seed, manual clock, store in tmp, no timers."""
from __future__ import annotations

import pytest

from simulator.engine.clock import ManualClock
from simulator.store.sessions import SessionStore
from simulator.store.settings import Settings
from simulator.tui.app import build_app
from tui_helpers import SEED, easy_call, refund_call


@pytest.fixture
def store(tmp_path):
    s = SessionStore(tmp_path / "sessions.db")
    yield s
    s.close()


@pytest.fixture
def make_app(store):
    """Build the app like `hearout` does, with fakes; keyword overrides pass through."""

    def make(**kw):
        kw.setdefault("scenarios", [refund_call(), easy_call()])
        kw.setdefault("settings", Settings(trainee="tester", pace="normal", no_time_pressure=True))
        kw.setdefault("clock_factory", ManualClock)
        kw.setdefault("seed_source", lambda: SEED)
        kw.setdefault("timers", False)
        return build_app(store=store, **kw)

    return make
