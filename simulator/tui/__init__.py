"""The terminal UI (Textual). Nothing here is imported until the UI is opened."""
from __future__ import annotations


def run() -> int:
    """Open the UI with the real scenarios, store and settings; the exit status."""
    from simulator.engine.loader import ScenarioError
    from simulator.tui.app import build_app

    try:
        app = build_app()
    except ScenarioError as exc:
        import sys

        print(f"hearout: cannot load the built-in scenarios:\n{exc}", file=sys.stderr)
        return 2
    app.run()
    return app.return_code or 0
