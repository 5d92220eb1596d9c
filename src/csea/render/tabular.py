"""Rows and columns rendered as a terminal table, CSV or JSON.

Views that are naturally a table build a [Tabular][csea.render.tabular.Tabular] once;
this module renders it in any of the three formats, so each view is written once.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table

__all__ = ["PLAIN_WIDTH", "Cell", "Tabular", "dumps_json", "to_csv", "to_json", "to_rich"]

PLAIN_WIDTH = 120
"""Width of tables and reports written to a pipe or a file (CI logs, redirects): fixed, so output is
repeatable. Terminals use their own width."""

Cell = str | int | float | bool | None | list[str]
"""A table cell: plain values, or a list of strings shown joined."""


@dataclass(frozen=True)
class Tabular:
    """A titled table: column keys and headers, and rows of plain values."""

    title: str
    columns: list[tuple[str, str]]
    """(key, header) pairs in display order."""
    rows: list[dict[str, Cell]] = field(default_factory=list)


def to_rich(table: Tabular) -> Table:
    """A rich table for the terminal."""
    out = Table(title=table.title, title_justify="left", show_lines=False)
    for _, header in table.columns:
        out.add_column(header, overflow="fold")
    for row in table.rows:
        out.add_row(*(_text(row.get(key)) for key, _ in table.columns))
    return out


def to_csv(table: Tabular) -> str:
    """CSV with a header row; lists are joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([key for key, _ in table.columns])
    for row in table.rows:
        writer.writerow([_text(row.get(key)) for key, _ in table.columns])
    return buffer.getvalue()


def to_json(table: Tabular) -> str:
    """A JSON list of objects keyed by column key."""
    return dumps_json([{key: row.get(key) for key, _ in table.columns} for row in table.rows])


def dumps_json(value: Any) -> str:
    """Stable, readable JSON (two-space indent, UTF-8 kept, trailing newline)."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
