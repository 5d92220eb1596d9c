"""Markdown tables of text already escaped with [csea.render.escape.markdown][]."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["table"]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: int = 0) -> list[str]:
    """A Markdown table; the last ``right`` columns are right-aligned. Cells are pre-escaped."""
    rules = ["---"] * (len(headers) - right) + ["---:"] * right
    return [_row(headers), _row(rules), *(_row(row) for row in rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
