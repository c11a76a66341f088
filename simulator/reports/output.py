"""Rows as a terminal table, CSV a spreadsheet opens safely, or JSON."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

from simulator.untrusted.text import csv_cell, json_for_terminal, one_line

BOM = "\ufeff"  # Excel reads UTF-8 only with it


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """UTF-8 CSV with a BOM; a text cell never starts a formula (simulator.untrusted.text.csv_cell)."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n", extrasaction="ignore")
    w.writeheader()
    w.writerows({k: csv_cell(v) for k, v in r.items()} for r in rows)
    return BOM + out.getvalue()


def to_json(rows: Sequence[dict[str, Any]], *, ascii_only: bool = False) -> str:
    # A stored name or title may predate today's checks: no raw bidi/C1/separator reaches the terminal.
    return json_for_terminal(json.dumps(list(rows), indent=2, ensure_ascii=ascii_only))


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], *, empty: str = "") -> str:
    """Aligned columns; (key, heading) pairs; text through the terminal filter, numbers right-aligned."""
    if not rows:
        return empty
    cells = [[_cell(r.get(k)) for k, _ in columns] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (_, h) in enumerate(columns)]
    numeric = [all(isinstance(r.get(k), (int, float)) or r.get(k) is None for r in rows) for k, _ in columns]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    return "\n".join([line([h for _, h in columns]), *(line(row) for row in cells)])


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return one_line(str(value))  # a name's escape codes or newline stay visible text
