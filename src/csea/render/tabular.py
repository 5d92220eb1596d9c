"""Rows and columns rendered as a terminal table, CSV or JSON.

Views that are naturally a table build a [Tabular][csea.render.tabular.Tabular] once;
this module renders it in any of the three formats, so each view is written once.
[TableView][csea.render.tabular.TableView] is such a view as it stands.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from csea.fileio import dumps_json
from csea.render.escape import spreadsheet_cell, terminal
from csea.render.view import Part, TableFormat, View

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["Cell", "TableView", "Tabular", "to_csv", "to_rich"]

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
    from rich.table import Table  # noqa: PLC0415 - rich only where a terminal is written

    out = Table(title=terminal(table.title), title_justify="left", show_lines=False)
    for _, header in table.columns:
        out.add_column(header, overflow="fold")
    for row in table.rows:
        out.add_row(*(terminal(_text(row.get(key))) for key, _ in table.columns))
    return out


def to_csv(table: Tabular) -> str:
    """CSV with a header row; lists are joined with '; ', text made safe for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([key for key, _ in table.columns])
    for row in table.rows:
        writer.writerow([_csv(row.get(key)) for key, _ in table.columns])
    return buffer.getvalue()


def to_json(table: Tabular) -> str:
    """A JSON list of objects keyed by column key."""
    return dumps_json([{key: row.get(key) for key, _ in table.columns} for row in table.rows])


class TableView(View[TableFormat]):
    """A table shown as it is: a terminal table, JSON or CSV."""

    def __init__(self, table: Tabular) -> None:
        self.table = table

    def render(self, fmt: TableFormat) -> list[Part]:
        """The table in one format."""
        match fmt:
            case TableFormat.TABLE:
                return [to_rich(self.table)]
            case TableFormat.JSON:
                return [to_json(self.table)]
            case TableFormat.CSV:
                return [to_csv(self.table)]


def _csv(value: Cell) -> str:
    """A CSV cell: text never read as a formula (numbers stay numbers)."""
    return spreadsheet_cell(_text(value)) if isinstance(value, str | list) else _text(value)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
