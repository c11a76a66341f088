"""One start of an app, in its own process: prints READY when its first screen is drawn.

`python -m bench.probe bare|hearout`. Both apps run headless and are watched
the same way, through the message hook Textual's own `run_test` uses: READY
when the app receives Ready (the first frame has been displayed), then
LISTED once the app has nothing left to load (hearout: its scenario list is
filled; the bare app has nothing to load), and the app exits.
"""
from __future__ import annotations

import sys


def _watch(app) -> None:
    from textual import events
    from textual._context import message_hook

    def hook(message) -> None:
        if isinstance(message, events.Ready):
            print("READY", flush=True)
            # Runs after the app's own Ready handler (and what it loads) has finished.
            app.call_later(_listed, app)

    message_hook.set(hook)  # asyncio.run copies this context into the app's tasks


def _listed(app) -> None:
    print("LISTED", flush=True)
    app.exit()


def bare_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Label("hello")

    return Bare()


def hearout_app():
    from simulator.tui.app import build_app

    return build_app()  # the real defaults: built-in scenarios, store, settings


def main(which: str) -> int:
    app = bare_app() if which == "bare" else hearout_app()
    _watch(app)
    app.run(headless=True, size=(80, 24))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
