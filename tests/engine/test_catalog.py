"""The home screen's scenario list comes from an index that is rebuilt whenever a file changes."""
from __future__ import annotations

import json

import pytest

import simulator.engine.builtin as builtin
from simulator.engine.catalog import builtin_cards
from simulator.engine.model import ScenarioCard


@pytest.fixture
def index(tmp_path):
    return tmp_path / "catalog.json"


def test_cards_match_the_scenarios_they_stand_for(index):
    cards = builtin_cards(index)
    full = builtin.builtin_scenarios()
    assert cards == [s.card for s in full]
    assert all(isinstance(c, ScenarioCard) for c in cards)
    assert [(c.difficulty, c.title) for c in cards] == sorted((c.difficulty, c.title) for c in cards)


def test_a_warm_index_parses_no_yaml(index, monkeypatch):
    builtin_cards(index)

    def no_parsing(_id):
        raise AssertionError("a built-in file was parsed although the index was fresh")

    monkeypatch.setattr(builtin, "load_builtin", no_parsing)
    assert len(builtin_cards(index)) == len(builtin.builtin_files())


def test_a_changed_file_is_loaded_again(index, monkeypatch):
    builtin_cards(index)
    data = json.loads(index.read_text())
    name = next(iter(data["files"]))
    data["files"][name]["sha256"] = "0" * 64
    data["files"][name]["title"] = "A stale title"
    index.write_text(json.dumps(data))
    assert "A stale title" not in {c.title for c in builtin_cards(index)}
    assert json.loads(index.read_text())["files"][name]["sha256"] != "0" * 64


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '{"version": 1, "files": {"x.yaml": 3}}',
                                    '{"version": 99, "files": {}}'])
def test_a_damaged_index_is_rebuilt(index, damage):
    index.write_text(damage)
    assert builtin_cards(index) == [s.card for s in builtin.builtin_scenarios()]
    assert json.loads(index.read_text())["version"] == 1


def test_an_index_that_cannot_be_written_is_only_skipped(tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    assert builtin_cards(blocked / "catalog.json")
