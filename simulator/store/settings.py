"""Settings a trainee expects remembered: their name and how the customer is paced."""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

PACES = ("slow", "normal", "fast")


@dataclass(frozen=True)
class Settings:
    trainee: str = ""
    pace: str = "normal"
    no_time_pressure: bool = False  # beats advance only on Space

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


def default_trainee() -> str:
    """HEAROUT_TRAINEE, else the login name (SPEC §4)."""
    name = os.environ.get("HEAROUT_TRAINEE", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "trainee"
    except Exception:  # no login name in some containers
        return "trainee"


def settings_path() -> Path:
    from simulator.store.paths import config_dir

    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Saved settings; a missing or unreadable file gives the defaults."""
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    trainee = raw.get("trainee") if isinstance(raw.get("trainee"), str) else ""
    pace = raw.get("pace") if raw.get("pace") in PACES else "normal"
    ntp = raw.get("no_time_pressure") if isinstance(raw.get("no_time_pressure"), bool) else False
    return Settings(trainee=trainee.strip() or default_trainee(), pace=pace, no_time_pressure=ntp)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically, so a crash mid-write never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(tmp, path)
