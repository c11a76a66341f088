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
from dataclasses import asdict
from pathlib import Path

from scoring.acts import SKILLS
from simulator.engine.model import ScenarioCard
from simulator.untrusted.files import FileRefused, read_capped, write_atomic
from simulator.untrusted.text import unsafe

INDEX_VERSION = 1
INDEX_LIMIT = 1024 * 1024


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
    """A card from the cache, or None: the cache is a file anyone with the folder can edit.

    It must hold what the loader would have accepted (no escape sequence in a title
    reaches the screen); anything else and the scenario is loaded again.
    """
    try:
        card = ScenarioCard(entry["id"], entry["title"], entry["summary"], entry["difficulty"],
                            tuple(entry["skills"]))
    except (KeyError, TypeError):
        return None
    texts = (card.id, card.title, card.summary)
    fields_ok = (all(isinstance(v, str) for v in texts)
                 and all(not any(c not in "\n\t" and unsafe(c) for c in v) for v in texts)
                 and card.title.strip() != ""
                 and type(card.difficulty) is int and 1 <= card.difficulty <= 5
                 and all(isinstance(s, str) and s in SKILLS for s in card.skills))
    return card if fields_ok else None


def _read_index(path: Path | None) -> dict[str, dict]:
    if path is None:
        return {}
    try:
        data = json.loads(read_capped(path, INDEX_LIMIT, "the scenario index").decode("utf-8"))
    except (FileRefused, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return {k: v for k, v in data["files"].items() if isinstance(v, dict)}


def _write_index(path: Path, files: dict[str, dict]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": INDEX_VERSION, "files": files}, indent=1)  # ASCII
        write_atomic(path, text.encode("ascii"))  # a fresh temp file: a planted link is never followed
    except OSError:
        pass  # only a cache: the next start rebuilds it
