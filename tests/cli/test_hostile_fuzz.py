"""Issue 12, property: any text as a trainee name or a scenario title, through `play` and every
`report` format, gives no traceback, no raw control character on the terminal and no formula cell."""
from __future__ import annotations

import contextlib
import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.cli import main
from test_hostile_inputs import SCENARIO  # the same small call
from simulator.untrusted.text import FORMULA_PREFIXES, unsafe

NASTY = ["=", "+", "-", "@", "\t", "\r", "\n", "\x1b[2J", "\x1b]0;PWNED\x07", "\x9b31m", "\x85", "\x7f",
         "\u202e", "\u2066", "\u200f", "\u2028", "\u2029", "\ud800", "\udce9", "\udfff", "\x00", "'", '"', "\\",
         "Zoë", "👩\u200d💻", " "]
# Every code point, lone surrogates included (the OS hands those over for undecodable bytes).
ANY_CHAR = st.characters(exclude_categories=())
hostile = st.lists(st.sampled_from(NASTY) | st.text(ANY_CHAR, min_size=1, max_size=3), max_size=8).map("".join)
# Text a person might type, formula characters (=, +, -, @ are symbols and punctuation) included:
# these pass the checks, so the report's formats see them.
typed = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=16)
text = hostile | typed


def yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar that spells every character, even a lone surrogate, as an escape."""
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


def hearout(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_terminal_safe(text: str, allowed: str = "\n") -> None:
    assert "Traceback" not in text
    raw = sorted({f"U+{ord(c):04X}" for c in text if unsafe(c) and c not in allowed})
    assert not raw, f"raw characters reach the terminal: {raw}"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=text, title=text)
def test_any_name_and_title_through_play_and_report(tmp_path, name, title):
    path = tmp_path / "fuzz.yaml"
    path.write_text(SCENARIO.format(id="fuzz-call", title=yaml_quoted(title)), encoding="utf-8")
    code, out, err = hearout("play", str(path), "--moves", "sorry", "--seed", "1", "--trainee", name)
    assert code in (0, 2)
    if code == 2:
        assert err.count("\n") == 1 and err.endswith("\n")  # one line saying what is wrong
    assert_terminal_safe(out)
    assert_terminal_safe(err)
    for fmt in ("table", "json", "csv"):
        code, out, err = hearout("report", "--format", fmt)
        assert code == 0 and err == ""
        # CSV rows end in CRLF (RFC 4180); a title may hold a tab or a newline: inside a quoted
        # cell they are data, not commands.
        assert_terminal_safe(out.replace("\r\n", "\n"), allowed="\n\t" if fmt == "csv" else "\n")
        if fmt == "csv":
            cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
            formulas = [c for c in cells if c.startswith(FORMULA_PREFIXES)]
            assert not formulas, formulas
