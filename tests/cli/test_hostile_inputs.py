"""Issue 12: every way in, attacked. One test (or a few) per numbered attack of the issue.

Each drives the real `hearout` command (a subprocess where the environment, the
locale or the streams are the attack; `simulator.cli.main` otherwise) and checks
what a user would see: one line on stderr, exit 2, no traceback, and no file
changed that should not be.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.untrusted.text import FORMULA_PREFIXES, unsafe

SCENARIO = """\
format: hearout/v1
id: {id}
title: {title}
customer: {{name: Dana, mood: 40}}
briefing: {{at_fault: true}}
start: opening
nodes:
  opening:
    customer: [Hello., It broke.]
    moves:
      - {{key: sorry, say: "I'm sorry. What happened?", acts: [apologize, open_question], next: done}}
  done:
    customer: [Thanks.]
    end: resolved
"""


def scenario(tmp_path: Path, *, id: str = "hostile-call", title: str = "A call", name: str = "call.yaml") -> Path:
    p = tmp_path / name
    p.write_text(SCENARIO.format(id=id, title=json.dumps(title, ensure_ascii=False)), encoding="utf-8")
    return p


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def refused(capsys, *argv) -> str:
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert err.count("\n") == 1, err  # one line
    return err.strip()


def hearout(*argv, env: dict | None = None, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    """The real command in a fresh interpreter: environment, locale and streams as a user has them."""
    full = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "PYTHONUTF8")}
    full.update(env or {})
    kw.setdefault("stdout", subprocess.PIPE)
    args = [a if isinstance(a, bytes) else os.fsencode(str(a)) for a in argv]
    return subprocess.run([sys.executable, "-m", "simulator", *args],
                          stderr=subprocess.PIPE, env={os.fsencode(k): os.fsencode(v) for k, v in full.items()},
                          timeout=timeout, **kw)


def one_line_exit_2(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err.strip()


def saved(capsys) -> list[dict]:
    code, out, _ = run(capsys, "report", "--format", "json")
    assert code == 0
    return json.loads(out)


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


# 1. Spreadsheet formula injection ------------------------------------------------------------

@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "+1", "\t=1+1", "\r=1+1"])
def test_1_a_formula_as_trainee_name_is_refused_and_nothing_is_saved(capsys, name):
    err = refused(capsys, "play", "lawn-missed-mow", "--moves", "wait", f"--trainee={name}")
    assert err.startswith("hearout play: error: --trainee ")
    assert saved(capsys) == []


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil","click")', "\t=1+1", "@SUM(A1)", "-2+3"])
def test_1_a_formula_in_a_scenario_title_is_neutralised_in_csv(capsys, tmp_path, title):
    code, _, err = run(capsys, "play", scenario(tmp_path, title=title), "--moves", "sorry")
    assert code == 0, err
    code, out, _ = run(capsys, "report", "--format", "csv")
    assert code == 0
    cells = csv_cells(out)
    assert "'" + title in cells  # the leading tab is kept behind the apostrophe, not stripped
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES)]


# 2. Terminal escape sequences -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["\x1b]0;PWNED\x07\x1b[2J\x1b[31mevil", "two\nlines", "a\u202eb", "a\u2028b",
                                  "tab\there", "x\x9b31m"])
def test_2_escape_codes_newlines_and_bidi_in_a_name_are_refused(capsys, name):
    err = refused(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--trainee", name)
    assert "contains the control or formatting character U+" in err
    assert not any(unsafe(c) for c in err.rstrip("\n"))
    assert saved(capsys) == []


def test_2_a_rubric_key_with_escapes_cannot_forge_a_line(capsys, tmp_path):
    transcript = tmp_path / "t.json"
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--no-save", "--transcript", transcript)
    rubric = tmp_path / "r.yaml"
    rubric.write_text('weights:\n  "x\\e[2J\\nhearout: error: forged\\u2028also": 1\n')
    err = refused(capsys, "score", transcript, "--rubric", rubric)
    assert err.startswith(f"{rubric}: error: weights.x\\x1b[2J\\nhearout: error: forged\\u2028also: unknown skill")


@pytest.mark.parametrize("char", ["\\u202e", "\\u2028", "\\u2066", "\\x85"])
def test_2_bidi_overrides_and_separators_in_a_scenario_title_are_refused(capsys, tmp_path, char):
    p = tmp_path / "s.yaml"
    p.write_text(SCENARIO.format(id="bidi", title=f'"evil{char}txt.exe"'))
    err = refused(capsys, "play", p, "--moves", "sorry")
    assert err.startswith(f"{p}:3:8: error: title contains the ") and "text cannot hold it" in err


def test_2_messages_show_escape_codes_bidi_separators_and_surrogates_as_text():
    from simulator.untrusted.text import one_line, terminal

    assert one_line("\x1b]0;PWNED\x07\x1b[2J") == "\\x1b]0;PWNED\\x07\\x1b[2J"
    assert one_line("a\u202eb\u2028c\ud800") == "a\\u202eb\\u2028c\\ud800"
    assert terminal("Zoë 👩\u200d💻\n\x9b2J") == "Zoë 👩\u200d💻\\n\\x9b2J"  # joiners kept, controls not


# 3. Names that are not valid UTF-8 ------------------------------------------------------------

def test_3_an_undecodable_HEAROUT_TRAINEE_is_one_line_and_leaves_the_transcript_file_alone(tmp_path, _private_data_dir):
    t = tmp_path / "t.json"
    t.write_text("my earlier call\n")
    r = hearout("play", "lawn-missed-mow", "--moves", "wait", "--transcript", t,
                env={"HEAROUT_TRAINEE": b"Jos\xe9", "HEAROUT_DATA_DIR": str(_private_data_dir)})
    err = one_line_exit_2(r)
    assert err.startswith("hearout play: error: HEAROUT_TRAINEE is not valid text") and "Jos\\udce9" in err
    assert t.read_text() == "my earlier call\n"
    assert not (_private_data_dir / "sessions.db").exists()


def test_3_a_utf8_name_under_the_C_locale_is_decoded_not_refused(tmp_path, _private_data_dir):
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "HEAROUT_DATA_DIR": str(_private_data_dir)}
    r = hearout("play", "lawn-missed-mow", "--moves", "wait", "--trainee", "Zoë", "--json", env=env)
    assert r.returncode == 0, r.stderr
    r = hearout("report", "--format", "json", env={"HEAROUT_DATA_DIR": str(_private_data_dir)})
    assert [row["trainee"] for row in json.loads(r.stdout)] == ["Zoë"]


def test_3_a_latin1_name_under_the_C_locale_is_one_line(tmp_path, _private_data_dir):
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "HEAROUT_DATA_DIR": str(_private_data_dir)}
    r = hearout("play", "lawn-missed-mow", "--moves", "wait", "--trainee", b"Zo\xeb", env=env)
    assert one_line_exit_2(r).startswith("hearout play: error: --trainee is not valid text")


def test_3_a_lone_surrogate_in_settings_falls_back_to_a_usable_name(_private_data_dir, monkeypatch):
    from simulator.store.settings import load_settings

    _private_data_dir.mkdir(parents=True)
    (_private_data_dir / "settings.json").write_text('{"trainee": "\\ud800", "pace": "fast"}')
    assert load_settings().trainee == "tester" and load_settings().pace == "fast"  # HEAROUT_TRAINEE
    monkeypatch.setenv("HEAROUT_TRAINEE", "\x1b[2J")
    assert load_settings().trainee == "trainee"


# 4. Unbounded reads ----------------------------------------------------------------------------

def test_4_score_and_rubric_from_dev_zero_are_refused_before_reading(tmp_path, _private_data_dir):
    err = one_line_exit_2(hearout("score", "/dev/zero", timeout=20))
    assert err == "/dev/zero: error: cannot read file: a device, not a regular file"
    t = tmp_path / "t.json"
    hearout("play", "lawn-missed-mow", "--moves", "wait", "--no-save", "--transcript", t)
    err = one_line_exit_2(hearout("score", t, "--rubric", "/dev/zero", timeout=20))
    assert err == "/dev/zero: error: cannot read file: a device, not a regular file"


def test_4_a_fifo_as_scenario_or_transcript_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    err = one_line_exit_2(hearout("play", fifo, "--moves", "wait", timeout=20))
    assert err == f"{fifo}: error: cannot read file: a pipe (FIFO), not a regular file"
    err = one_line_exit_2(hearout("score", fifo, timeout=20))
    assert err == f"{fifo}: error: cannot read file: a pipe (FIFO), not a regular file"


def test_4_a_huge_transcript_or_rubric_is_refused_by_size(capsys, tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    assert refused(capsys, "score", big) == f"{big}: error: file is larger than the 16 MB limit for a transcript"
    t = tmp_path / "t.json"
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--no-save", "--transcript", t)
    assert refused(capsys, "score", t, "--rubric", big) == f"{big}: error: file is larger than the 1 MB limit for a rubric"


# 5. The rubric goes through the scenario loader's YAML path --------------------------------------

@pytest.fixture
def transcript_file(tmp_path, capsys) -> Path:
    t = tmp_path / "t.json"
    run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--no-save", "--transcript", t)
    return t


def test_5_a_billion_laughs_rubric_is_refused_without_expanding(capsys, tmp_path, transcript_file):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(97 + i)}: &{chr(97 + i)} [{','.join(['*' + chr(96 + i)] * 9)}]" for i in range(1, 9)]
    rubric = tmp_path / "bomb.yaml"
    rubric.write_text("\n".join(lines) + "\n")
    code, _, err = run(capsys, "score", transcript_file, "--rubric", rubric)
    assert code == 2
    problems = err.strip().split("\n")
    assert problems[0] == f"{rubric}:1:4: error: anchors (&a) are not allowed in a rubric file"
    assert len(problems) == 9 + 8 * 9  # one line per anchor and per alias, nothing expanded


def test_5_a_5000_digit_number_is_one_line(capsys, tmp_path, transcript_file):
    rubric = tmp_path / "digits.yaml"
    rubric.write_text("weights:\n  listening: " + "9" * 5000 + "\n")
    err = refused(capsys, "score", transcript_file, "--rubric", rubric)
    assert err.startswith(f"{rubric}:2:14: error: number '999") and "has 5000 digits; at most 30 are read" in err
    assert len(err) < 200


@pytest.mark.parametrize("content, expected", [
    ("weights:\n  listening: 1\n  listening: 2\n", ":3:3: error: duplicate key 'listening' (first at line 2)"),
    ("weights: !!python/object:os.system {}\n", ":1:10: error: tags (!!python/object:os.system) are not allowed"),
    ("weights:\n  listening: 1e999\n", ": error: weights.listening: expected a finite number"),
    ("rules:\n  interruption: 1e999\n", ": error: rules.interruption: expected a finite number, got inf"),
])
def test_5_rubric_refusals_are_one_line(capsys, tmp_path, transcript_file, content, expected):
    rubric = tmp_path / "r.yaml"
    rubric.write_text(content)
    assert expected in refused(capsys, "score", transcript_file, "--rubric", rubric)


def test_5_a_rubric_with_no_and_on_as_text_still_reads_numbers(capsys, tmp_path, transcript_file):
    rubric = tmp_path / "r.yaml"
    rubric.write_text("weights:\n  listening: 0\n  apology: 0.0\n  choices: 1\n")
    code, out, err = run(capsys, "score", transcript_file, "--rubric", rubric, "--json")
    assert code == 0, err
    assert json.loads(out)["skills"]["choices"]["weight"] == 1


# 6. A custom scenario cannot pass for a built-in --------------------------------------------------

def test_6_a_file_with_a_builtin_id_is_refused_and_nothing_is_saved(capsys, tmp_path):
    fake = scenario(tmp_path, id="lawn-missed-mow")
    err = refused(capsys, "play", fake, "--moves", "sorry")
    assert err == (f"{fake}: error: id 'lawn-missed-mow' is a built-in scenario's id; "
                   "give this scenario its own id (e.g. 'lawn-missed-mow-custom')")
    assert saved(capsys) == []


def test_6_a_byte_identical_copy_of_a_builtin_still_plays(capsys, tmp_path):
    from simulator.engine.builtin import builtin_files

    copy = tmp_path / "lawn.yaml"
    copy.write_bytes(builtin_files()["lawn-missed-mow"].read_bytes())
    code, _, err = run(capsys, "play", copy, "--moves", "wait", "--no-save")
    assert code == 0, err


# 7. Writes in the data folder never follow a planted symlink ------------------------------------

def test_7_settings_and_catalog_writes_ignore_planted_links(tmp_path, _private_data_dir):
    from simulator.engine.catalog import builtin_cards
    from simulator.store.settings import Settings, load_settings, save_settings

    _private_data_dir.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for name in ("settings.tmp", "catalog.tmp", "settings.json.tmp", "catalog.json.tmp"):
        (_private_data_dir / name).symlink_to(victim)
    save_settings(Settings(trainee="alex", pace="slow"))
    builtin_cards(_private_data_dir / "catalog.json")
    assert victim.read_text() == "precious"
    assert load_settings().trainee == "alex"
    assert json.loads((_private_data_dir / "catalog.json").read_text())["files"]


def test_7_a_link_in_place_of_settings_is_replaced_not_followed(tmp_path, _private_data_dir):
    from simulator.store.settings import Settings, save_settings

    _private_data_dir.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (_private_data_dir / "settings.json").symlink_to(victim)
    save_settings(Settings(trainee="alex"))
    assert victim.read_text() == "precious"
    assert not (_private_data_dir / "settings.json").is_symlink()


# 8. Output errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["report"], ["list", "--json"], ["list"]])
def test_8_a_full_disk_on_stdout_is_one_line_and_exit_2(argv, _private_data_dir):
    with open("/dev/full", "wb") as full:
        r = hearout(*argv, stdout=full, env={"HEAROUT_DATA_DIR": str(_private_data_dir)})
    assert one_line_exit_2(r) == "hearout: error: cannot write the output: No space left on device"


def test_8_a_closed_pipe_is_a_quiet_exit(_private_data_dir):
    p = subprocess.Popen([sys.executable, "-m", "simulator", "list", "--json"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.close()  # the reader went away before reading anything (`hearout list --json | true`)
    err = p.stderr.read()
    assert p.wait(timeout=60) == 0 and err == b""


# 9. Unbounded error output -----------------------------------------------------------------------

def test_9_two_million_aliases_stop_at_the_cap(capsys, tmp_path):
    p = tmp_path / "aliases.yaml"
    p.write_text("a: &a x\nb: [" + ",".join(["*a"] * 2_000_000) + "]\n")
    code, _, err = run(capsys, "play", p, "--moves", "wait")
    lines = err.strip().split("\n")
    assert code == 2 and len(lines) == 201
    assert lines[-1].endswith("error: too many problems (200); stopped reading here")


def test_9_many_distinct_problems_end_with_a_count(tmp_path):
    from simulator.engine.loader import check_scenario_text

    text = SCENARIO.format(id="many", title="x").replace(
        "    end: resolved\n", "    end: resolved\n" + "".join(f"  n{i}: 5\n" for i in range(500)))
    _, problems = check_scenario_text(text, "s.yaml")
    assert len(problems) == 201 and str(problems[-1]).endswith("and 300 more problems not shown")


def test_9_a_huge_move_key_is_shortened_in_the_message(capsys):
    err = refused(capsys, "play", "lawn-missed-mow", "--moves", "k" * 1_000_000, "--no-save")
    assert err.startswith("hearout play: error: unknown move 'kkk") and "…' at node 'opening'" in err
    assert len(err) < 300


# 10. Smaller ones --------------------------------------------------------------------------------

def test_10_utf32_is_named_as_utf32(capsys, tmp_path):
    p = tmp_path / "u32.yaml"
    p.write_bytes("format: hearout/v1\n".encode("utf-32"))
    assert refused(capsys, "play", p, "--moves", "wait") == f"{p}:1:1: error: file is UTF-32 text; save it as UTF-8"
    t = tmp_path / "u32.json"
    t.write_bytes("{}".encode("utf-32"))
    assert refused(capsys, "score", t) == f"{t}: error: not UTF-8 text (it is UTF-32; save it as UTF-8)"


def _transcript(capsys, tmp_path) -> tuple[Path, dict]:
    t = tmp_path / "t.json"
    code, _, err = run(capsys, "play", scenario(tmp_path), "--moves", "wait,sorry", "--seed", "1", "--no-save",
                       "--transcript", t)
    assert code == 0, err
    return t, json.loads(t.read_text())


def _move_index(data: dict) -> int:
    return next(i for i, e in enumerate(data["events"]) if e.get("move") == "sorry")


@pytest.mark.parametrize("field, value, expected", [
    ("heard", 9, ".heard: heard 9 beats, but the customer had said 2 in node 'opening'"),
    ("interrupted", True, ".interrupted: must be false (heard 2 of 2)"),
    ("of", 0, ".of: a node's story has at least one beat, got 0"),
])
def test_10_an_inconsistent_transcript_is_one_line_naming_the_event(capsys, tmp_path, field, value, expected):
    t, data = _transcript(capsys, tmp_path)
    at = _move_index(data)
    data["events"][at][field] = value
    t.write_text(json.dumps(data))
    err = refused(capsys, "score", t)
    assert err.startswith(f"{t}: error: events[{at}]") and expected in err


def test_10_time_going_backwards_is_refused(capsys, tmp_path):
    t, data = _transcript(capsys, tmp_path)
    data["events"][1]["t_ms"] = data["events"][0]["t_ms"] + 9000
    data["events"][2]["t_ms"] = data["events"][1]["t_ms"] - 1
    t.write_text(json.dumps(data))
    assert "error: events[2].t_ms: time goes backwards" in refused(capsys, "score", t)


def test_10_duplicate_json_keys_are_refused(capsys, tmp_path):
    t, data = _transcript(capsys, tmp_path)
    text = json.dumps(data).replace('"outcome": ', '"outcome": "resolved", "outcome": ', 1)
    t.write_text(text)
    assert refused(capsys, "score", t) == f"{t}: error: not valid JSON: duplicate key 'outcome' in an object"


def test_10_the_transcript_cannot_overwrite_the_scenario(capsys, tmp_path):
    p = scenario(tmp_path)
    before = p.read_bytes()
    err = refused(capsys, "play", p, "--moves", "sorry", "--transcript", p)
    assert err == f"{p}: error: --transcript names the scenario file itself; choose another file for the transcript"
    assert p.read_bytes() == before and saved(capsys) == []


def test_10_a_failed_transcript_write_is_one_line_and_leaves_no_temporary_file(capsys, tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "keep.json").write_text("earlier")
    code, _, err = run(capsys, "play", "lawn-missed-mow", "--moves", "wait", "--no-save",
                       "--transcript", folder)  # a folder: the rename over it fails
    assert code == 2 and err == f"{folder}: error: cannot write: Is a directory\n"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["calls"] and (folder / "keep.json").read_text() == "earlier"


def test_10_a_tilde_in_HEAROUT_DATA_DIR_is_the_home_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    r = hearout("play", "lawn-missed-mow", "--moves", "wait", cwd=tmp_path,
                env={"HOME": str(home), "HEAROUT_DATA_DIR": "~/hearout-data"})
    assert r.returncode == 0, r.stderr
    assert (home / "hearout-data" / "sessions.db").exists() and not (tmp_path / "~").exists()
