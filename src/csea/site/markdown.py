"""Small Markdown builders for generated pages: escaping, tables, links and anchors.

Everything the catalogue says is data a person wrote, so every string goes through
[text][csea.site.markdown.text] before it reaches a page: HTML is escaped and Markdown's
own characters are backslash-escaped, so a title can never become a link, a tag or a
broken table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from csea.models import Verification

__all__ = [
    "anchor",
    "link",
    "table",
    "text",
    "verification_badge",
    "words",
]

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|#])")


def text(value: str) -> str:
    """Escape a string written by a person so that it shows as plain text on one line."""
    flat = " ".join(value.split())
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(flat, quote=False))


def anchor(identifier: str) -> str:
    """A stable HTML id for an obligation or provision id (``BLOCK-01`` -> ``block-01``)."""
    return re.sub(r"[^a-z0-9]+", "-", identifier.lower()).strip("-")


def link(label: str, target: str) -> str:
    """A Markdown link whose label is escaped; ``target`` is a page path with optional anchor."""
    return f"[{text(label)}]({target})"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped (see [text][csea.site.markdown.text])."""
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def verification_badge(level: Verification) -> str:
    """The verification mark with its meaning, e.g. ``[V] verified``."""
    return f"`[{level.mark}]` {level.value}"


def words(value: StrEnum) -> str:
    """A vocabulary value in words (``legal_duty`` -> ``legal duty``, ``part_of`` -> ``part of``)."""
    return value.value.replace("_", " ")
