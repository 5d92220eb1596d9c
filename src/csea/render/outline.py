"""A document as an outline of blocks, written out as Word (``.docx``) or Markdown.

The regulators' documents (the Ofcom record, the eSafety notice response) are laid out
once, as an [Outline][csea.render.outline.Outline]; [csea.render.docx][] and
[render_outline_markdown][csea.render.outline.render_outline_markdown] write any outline,
so the Word and Markdown forms of a document always say the same thing.

Text in an outline is plain text (from users or the catalogue): each writer makes it
inert with the escaping function of its language ([csea.render.escape][]). A
[Prompt][csea.render.outline.Prompt] is what the team still has to write, and every writer
shows it as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from csea.render.escape import markdown

__all__ = [
    "PROMPT_LABEL",
    "Block",
    "Bullets",
    "Heading",
    "Note",
    "Outline",
    "Paragraph",
    "Prompt",
    "Run",
    "Table",
    "Text",
    "render_outline_markdown",
    "runs",
]

PROMPT_LABEL = "To complete:"
"""What starts every prompt: the team writes this part, csea does not hold it."""


@dataclass(frozen=True)
class Run:
    """A piece of text in one style, optionally a link."""

    text: str
    """The text."""
    bold: bool = False
    """Bold."""
    url: str | None = None
    """An http(s) address the text links to."""


Text = str | Run | Sequence[str | Run]
"""Text as a string, one run, or runs in order."""


def runs(text: Text) -> tuple[Run, ...]:
    """Text as runs."""
    if isinstance(text, str):
        return (Run(text),)
    if isinstance(text, Run):
        return (text,)
    return tuple(Run(part) if isinstance(part, str) else part for part in text)


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a section, 2 a subsection, 3 below that."""

    text: str
    """The heading."""
    level: int = 1
    """1, 2 or 3."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: Text
    """Its text."""


@dataclass(frozen=True)
class Note:
    """A caveat or explanation about the document itself (shown in italics)."""

    text: Text
    """Its text."""


@dataclass(frozen=True)
class Prompt:
    """Something the team must write: csea does not hold it."""

    text: str
    """What to write."""


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: Sequence[Text]
    """The items, in order."""


@dataclass(frozen=True)
class Table:
    """A table; a cell is text, its lines separated by newlines. Empty headings: no header row."""

    headers: Sequence[str]
    """Column headings."""
    rows: Sequence[Sequence[Text]]
    """The rows, each with one cell per heading."""
    widths: Sequence[float] = ()
    """Relative column widths (Word), one per column; equal when empty."""


Block = Heading | Paragraph | Note | Prompt | Bullets | Table
"""One block of a document."""


@dataclass(frozen=True)
class Outline:
    """A whole document: title, subtitle and blocks, with the properties a file carries."""

    title: str
    """The document's title (also the file's title property)."""
    subtitle: str
    """One line under the title."""
    blocks: Sequence[Block]
    """The content, in order."""
    subject: str = ""
    """The file's subject property."""
    keywords: Sequence[str] = field(default_factory=tuple)
    """The file's keywords property."""


def _escape(text: str) -> str:
    return markdown(text)


def render_outline_markdown(outline: Outline) -> str:
    """The outline as Markdown (GitHub-flavoured tables)."""
    lines = [f"# {_escape(outline.title)}", "", f"*{_escape(outline.subtitle)}*"]
    for block in outline.blocks:
        lines += ["", *_markdown(block)]
    return "\n".join(lines).rstrip() + "\n"


def _markdown(block: Block) -> Iterator[str]:
    match block:
        case Heading(text=text, level=level):
            yield f"{'#' * (level + 1)} {_escape(text)}"
        case Paragraph(text=text):
            yield _inline(text)
        case Note(text=text):
            yield f"*{_inline(text)}*"
        case Prompt(text=text):
            yield f"> **{PROMPT_LABEL}** {_escape(text)}"
        case Bullets(items=items):
            yield from (f"- {_inline(item)}" for item in items)
        case Table(headers=headers, rows=rows):
            yield _row([_escape(h) for h in headers])
            yield _row(["---"] * len(headers))
            yield from (_row([_cell(cell) for cell in row]) for row in rows)


_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def _inline(text: Text) -> str:
    out = []
    for run in runs(text):
        piece = _escape(run.text)
        if piece and run.url and re.match(r"https?://", run.url):
            piece = f"[{piece}]({quote(run.url, safe=_URL_SAFE)})"
        if piece and run.bold:
            piece = f"**{piece}**"
        if piece and run.text[0].isspace():
            piece = " " + piece
        if piece and run.text[-1].isspace():
            piece += " "
        out.append(piece)
    return "".join(out)


def _cell(text: Text) -> str:
    """A table cell: each line escaped, lines joined with a line break tag Markdown tables allow."""
    lines: list[list[Run]] = [[]]
    for run in runs(text):
        parts = run.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            lines[-1].append(Run(part, run.bold, run.url))
    return "<br>".join(_inline(line) for line in lines if line) or ""


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
