"""The terminal UI (Textual). Nothing here is imported until the UI is opened."""
from __future__ import annotations


def run() -> int:
    """Open the UI with the real scenarios, store and settings; the exit status."""
    from simulator.tui.app import build_app

    app = build_app()
    app.handle_signals = True
    app.run()
    return app.return_code or 0
