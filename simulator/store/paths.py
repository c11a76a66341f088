"""Where hearout keeps its files (SPEC §6): XDG folders, or HEAROUT_DATA_DIR for both."""
from __future__ import annotations

import os
from pathlib import Path


def _override() -> Path | None:
    """HEAROUT_DATA_DIR, with ~ expanded: a quoted '~/x' must not create a folder named '~'."""
    override = os.environ.get("HEAROUT_DATA_DIR")
    return Path(os.path.expanduser(override)) if override else None


def data_dir() -> Path:
    override = _override()
    if override:
        return override
    from platformdirs import user_data_path

    return user_data_path("hearout", appauthor=False)


def config_dir() -> Path:
    override = _override()
    if override:
        return override
    from platformdirs import user_config_path

    return user_config_path("hearout", appauthor=False)
