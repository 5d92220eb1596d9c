"""Views: what a command shows, each rendering itself in any of the formats it offers.

A [View][csea.render.view.View] is built from library results (a list of obligations, a
check's portfolio, a report document) and offers one menu of formats: a ``StrEnum`` below
(or [ReportFormat][csea.ReportFormat]) whose members are the choices of the command's
``--format`` option, the default first. ``view.render(fmt)`` gives its output as
[parts][csea.render.view.Part], in order; the CLI only writes them out, so every command
reads: parse the arguments, call the library, render the view, exit.

To add a format to a view, add a member to its menu and a case to its ``render``; mypy
checks that every member of the menu has a case.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

if TYPE_CHECKING:
    from rich.console import ConsoleRenderable, RenderableType

__all__ = [
    "PLAIN_WIDTH",
    "CatalogExportFormat",
    "CheckFormat",
    "CrosswalkFormat",
    "DiffFormat",
    "DueFormat",
    "JunitGaps",
    "Line",
    "Part",
    "Styled",
    "TableFormat",
    "TableJsonFormat",
    "TextFormat",
    "View",
    "as_text",
]


PLAIN_WIDTH = 120
"""Width of tables and reports written to a pipe or a file (CI logs, redirects): fixed, so output is
repeatable. Terminals use their own width."""


class TableFormat(StrEnum):
    """A table (``catalog list``, ``catalog sources``)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class TableJsonFormat(StrEnum):
    """A table or JSON (``applicable``, ``check``)."""

    TABLE = "table"
    JSON = "json"


class CheckFormat(StrEnum):
    """What ``check`` found: a table, JSON, or what CI systems read (``check``)."""

    TABLE = "table"
    JSON = "json"
    JUNIT = "junit"
    """JUnit XML, for test-report dashboards."""
    SARIF = "sarif"
    """SARIF 2.1.0, for code hosts that annotate files in pull requests."""


class JunitGaps(StrEnum):
    """How a gap with no finding and no legal duty at stake shows in JUnit (``--junit-gaps``)."""

    SKIPPED = "skipped"
    """Skipped, with its status and force as the message: known, tracked work (the default)."""
    FAILURE = "failure"
    """A failure of type ``gap``: every gap turns the test run red."""


class TextFormat(StrEnum):
    """Plain text or JSON (``catalog show``, ``catalog validate``)."""

    TEXT = "text"
    JSON = "json"


class CatalogExportFormat(StrEnum):
    """The whole catalogue for other tools (``catalog export``)."""

    OSCAL = "oscal"
    """An OSCAL 1.2.1 catalog (JSON)."""


class CrosswalkFormat(StrEnum):
    """The crosswalk (``catalog crosswalk``)."""

    TABLE = "table"
    MD = "md"
    CSV = "csv"
    JSON = "json"


class DiffFormat(StrEnum):
    """What changed between two assessments (``diff``)."""

    TABLE = "table"
    MD = "md"
    JSON = "json"


class DueFormat(StrEnum):
    """What falls due (``due``)."""

    TABLE = "table"
    MD = "md"
    JSON = "json"
    ICS = "ics"
    """An iCalendar file, one event per item, for calendar programs."""


@dataclass(frozen=True)
class Line:
    """A line the console prints (to stderr when ``err``): a message, not data."""

    text: str
    """The line, without its line break."""
    err: bool = False
    """Whether it goes to stderr."""


@dataclass(frozen=True)
class Styled:
    """Rich renderables: printed with colour to a terminal, as plain text anywhere else."""

    rich: Sequence[RenderableType]
    """What a terminal prints (colour, the terminal's width)."""
    width: int = PLAIN_WIDTH
    """The width of the plain text."""

    @property
    def text(self) -> str:
        """The plain text for a file or a pipe: no colour, ``width`` wide, no trailing spaces."""
        from csea.render.console import SafeConsole  # noqa: PLC0415 - rich only when used

        console = SafeConsole(width=self.width, file=io.StringIO(), color_system=None, record=True)
        for renderable in self.rich:
            console.print(renderable)
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


Part: TypeAlias = "str | Line | Styled | ConsoleRenderable"
"""One piece of output: exact text for stdout, a console line, styled text, or a rich
renderable (a table) the console prints."""

F = TypeVar("F", bound=StrEnum)


class View(ABC, Generic[F]):
    """Something a command shows, in any format of its menu ``F``."""

    @abstractmethod
    def render(self, fmt: F) -> list[Part]:
        """The view in one format, as the parts to write, in order."""


def as_text(parts: Sequence[Part]) -> str:
    """The exact text of parts written to a file (exact text and styled text only).

    Raises:
        TypeError: A part is only for the console (a line or a rich renderable).
    """
    texts = [p.text if isinstance(p, Styled) else p for p in parts]
    if not all(isinstance(t, str) for t in texts):
        raise TypeError("only exact or styled text can be written to a file")
    return "".join(t for t in texts if isinstance(t, str))
