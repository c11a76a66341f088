import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """No test writes to the real user's data or config folders."""
    data = tmp_path / "hearout-data"
    monkeypatch.setenv("HEAROUT_DATA_DIR", str(data))
    monkeypatch.setenv("HEAROUT_TRAINEE", "tester")
    return data
