"""Settings a trainee expects remembered: their name and how the customer is paced."""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from simulator.untrusted.files import FileRefused, read_capped, write_atomic
from simulator.untrusted.text import NameRefused, check_name

PACES = ("slow", "normal", "fast")


@dataclass(frozen=True)
class Settings:
    trainee: str = ""
    pace: str = "normal"
    no_time_pressure: bool = False  # beats advance only on Space
    coach_mode: bool = False  # a coach runs the session: no time pressure by default, pauses on `c`

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


FALLBACK_TRAINEE = "trainee"
SETTINGS_LIMIT = 64 * 1024


def default_trainee() -> str:
    """HEAROUT_TRAINEE, else the login name (SPEC §4).

    NameRefused (one line) when HEAROUT_TRAINEE is set to something that is no
    usable name; a login name that is not becomes "trainee".
    """
    name = os.environ.get("HEAROUT_TRAINEE", "")
    if name.strip():
        return check_name(name, "HEAROUT_TRAINEE")
    try:
        return check_name(getpass.getuser() or FALLBACK_TRAINEE, "login name")
    except Exception:  # no login name in some containers, or an undecodable one
        return FALLBACK_TRAINEE


def _usable_default() -> str:
    try:
        return default_trainee()
    except NameRefused:
        return FALLBACK_TRAINEE


def settings_path() -> Path:
    from simulator.store.paths import config_dir

    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Saved settings; a missing or unreadable file gives the defaults."""
    path = path or settings_path()
    try:  # untrusted like any file: capped, regular files only
        raw = json.loads(read_capped(path, SETTINGS_LIMIT, "settings").decode("utf-8"))
    except (FileRefused, ValueError, RecursionError):
        raw = {}
    if not isinstance(raw, dict):
        raw = {}
    try:  # a name that could not be typed into the dialog (escapes, a lone surrogate) is not used
        trainee = check_name(raw["trainee"], "settings trainee") if isinstance(raw.get("trainee"), str) else ""
    except NameRefused:
        trainee = ""
    pace = raw.get("pace") if raw.get("pace") in PACES else "normal"
    ntp = raw.get("no_time_pressure") if isinstance(raw.get("no_time_pressure"), bool) else False
    coach = raw.get("coach_mode") if isinstance(raw.get("coach_mode"), bool) else False
    return Settings(trainee=trainee or _usable_default(), pace=pace, no_time_pressure=ntp, coach_mode=coach)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically, so a crash mid-write never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), indent=2)  # ASCII: a name is stored as \u escapes
    write_atomic(path, text.encode("ascii"), mode=0o600)  # a fresh temp file: a planted link is never followed
