"""The list of built-in scenarios, as the home screen shows it, without parsing YAML on every start.

Parsing all built-in files costs more than drawing the app's first frame, and
the list needs only each scenario's title, summary, difficulty and skills.
So a card is kept per file in a small JSON index in the user's data folder,
keyed by the file's SHA-256: a file whose bytes changed is loaded (and so
validated) again, and a missing or damaged index is simply rebuilt. The full
scenario is loaded when a trainee opens it.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from simulator.engine.model import ScenarioCard

INDEX_VERSION = 1


def builtin_cards(index_path: Path | None = None) -> list[ScenarioCard]:
    """Cards for every built-in scenario, ordered by difficulty then title.

    Raises ScenarioError when a changed built-in file does not load.
    """
    from simulator.engine.builtin import builtin_files, load_builtin

    index = _read_index(index_path)
    fresh: dict[str, dict] = {}
    cards = []
    for scenario_id, f in builtin_files().items():
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        entry = index.get(f.name)
        card = _card_from(entry) if entry and entry.get("sha256") == digest else None
        if card is None or card.id != scenario_id:
            card = load_builtin(scenario_id).card
        fresh[f.name] = {"sha256": digest, **asdict(card)}
        cards.append(card)
    if index_path is not None and fresh != index:
        _write_index(index_path, fresh)
    return sorted(cards, key=lambda c: (c.difficulty, c.title))


def _card_from(entry: dict) -> ScenarioCard | None:
    try:
        card = ScenarioCard(entry["id"], entry["title"], entry["summary"], entry["difficulty"],
                            tuple(entry["skills"]))
    except (KeyError, TypeError):
        return None
    fields_ok = (all(isinstance(v, str) for v in (card.id, card.title, card.summary))
                 and type(card.difficulty) is int and all(isinstance(s, str) for s in card.skills))
    return card if fields_ok else None


def _read_index(path: Path | None) -> dict[str, dict]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return {k: v for k, v in data["files"].items() if isinstance(v, dict)}


def _write_index(path: Path, files: dict[str, dict]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": INDEX_VERSION, "files": files}, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # only a cache: the next start rebuilds it
