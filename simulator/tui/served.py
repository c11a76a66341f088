"""The app as `hearout serve` runs it for one browser: `python -m simulator.tui.served`.

The trainee is the one named at the room's door (HEAROUT_TRAINEE, set by the
server in this process's environment); calls go to the coach's store like any
other. Pace and time pressure hold for this session only: nothing is written
to the coach's settings file, and the name cannot be changed from here.
"""
from __future__ import annotations

import os
import random
import sys

from simulator.serve.names import clean_name
from simulator.store.settings import Settings
from simulator.tui import messages
from simulator.tui.app import HearoutApp


class ServedApp(HearoutApp):
    def on_settings_changed(self, message: messages.SettingsChanged) -> None:
        message.prevent_default()  # HearoutApp's handler would save to the coach's settings file
        self.settings = message.settings.with_(trainee=self.settings.trainee)
        self.home.settings = self.settings
        if message.settings.trainee != self.settings.trainee:
            self.notify("Your name is the one you joined the room with.", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return False if action == "board" else super().check_action(action, parameters)  # the room is the coach's


def main() -> int:
    name, problem = clean_name(os.environ.get("HEAROUT_TRAINEE"))
    if name is None:
        print(f"hearout: error: HEAROUT_TRAINEE: {problem}", file=sys.stderr)
        return 2
    from scoring import score

    app = ServedApp(scenarios=None, store=None, settings=Settings(trainee=name), clock_factory=None,
                    seed_source=lambda: random.SystemRandom().randrange(2**31), scorer=score, timers=True)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
