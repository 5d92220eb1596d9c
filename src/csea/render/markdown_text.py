"""Markdown building blocks: text made safe anywhere in Markdown, and tables of such text.

Everything the user or the catalogue wrote goes through [escape][csea.render.markdown_text.escape],
so a title cannot break a table, start a heading, or smuggle HTML into a wiki page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["escape", "table"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&${}])")


def escape(text: str) -> str:
    """Text safe anywhere in Markdown: punctuation escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: int = 0) -> list[str]:
    """A Markdown table; the last ``right`` columns are right-aligned. Cells are pre-escaped."""
    rules = ["---"] * (len(headers) - right) + ["---:"] * right
    return [_row(headers), _row(rules), *(_row(row) for row in rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
