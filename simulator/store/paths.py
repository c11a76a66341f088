"""Where hearout keeps its files (SPEC §6): XDG folders, or HEAROUT_DATA_DIR for both."""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("HEAROUT_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("hearout", appauthor=False)


def config_dir() -> Path:
    override = os.environ.get("HEAROUT_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("hearout", appauthor=False)
