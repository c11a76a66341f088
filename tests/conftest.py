import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """No test writes to the real user's data or config folders."""
    data = tmp_path / "hearout-data"
    monkeypatch.setenv("HEAROUT_DATA_DIR", str(data))
    monkeypatch.setenv("HEAROUT_TRAINEE", "tester")
    return data


@pytest.fixture(scope="session")
def library_bounds():
    """`lint --bounds`' search over a built-in scenario, run once per scenario for the whole test run.

    The search over all fourteen takes about a minute: the library tests share it.
    """
    from simulator.authoring.bounds import search
    from simulator.engine.builtin import load_builtin

    found: dict[str, object] = {}

    def bounds(sid: str):
        if sid not in found:
            found[sid] = search(load_builtin(sid), count=True)
        return found[sid]

    return bounds
