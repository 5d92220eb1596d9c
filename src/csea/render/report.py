"""The report in every format: terminal, Markdown, HTML, JSON, CSV and JUnit.

```
ReportDocument ─► ReportView(document).render(format) ─► terminal, md, html, json, csv, junit
```

The document ([csea.report][]) holds everything a report says; each format module here
(``terminal``, ``markdown``, ``html``, ``spreadsheet``, ``junit``) only lays it out, so every
format says the same thing, and the same inputs give the same bytes in every format.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from csea.fileio import dumps_json
from csea.render.view import Part, Styled, View

if TYPE_CHECKING:
    from csea.report.document import ReportDocument

__all__ = ["ReportFormat", "ReportView", "render_report"]


class ReportFormat(StrEnum):
    """The formats ``csea report`` writes."""

    TERMINAL = "terminal"
    """Tables for reading in a terminal (plain text when written to a file)."""
    MD = "md"
    """Markdown, for wikis and pull requests."""
    HTML = "html"
    """One self-contained HTML page, for leadership and regulators (prints to PDF)."""
    JSON = "json"
    """The report document as JSON (``schema/report.schema.json``), for dashboards."""
    CSV = "csv"
    """One row per applicable obligation, for spreadsheets."""
    JUNIT = "junit"
    """JUnit XML: findings and unmet legal duties are failures (as csea check --format junit)."""


class ReportView(View[ReportFormat]):
    """A report document, in any format ``csea report`` writes."""

    def __init__(self, document: ReportDocument) -> None:
        self.document = document

    def render(self, fmt: ReportFormat) -> list[Part]:
        """The report in one format (the terminal format has colour in a terminal)."""
        if fmt is ReportFormat.TERMINAL:
            from csea.render.terminal import terminal_renderables  # noqa: PLC0415

            return [Styled(terminal_renderables(self.document))]
        return [render_report(self.document, fmt)]


def render_report(document: ReportDocument, fmt: ReportFormat) -> str:
    """The report document in one format, as text."""
    return _renderer(fmt)(document)


def _renderer(fmt: ReportFormat) -> Callable[[ReportDocument], str]:
    """The function that writes one format.

    A format's module (and jinja2, for HTML) is imported only when that format is asked
    for, so other commands start faster.
    """
    match fmt:
        case ReportFormat.TERMINAL:
            from csea.render.terminal import render_terminal  # noqa: PLC0415

            return render_terminal
        case ReportFormat.MD:
            from csea.render.markdown import render_markdown  # noqa: PLC0415

            return render_markdown
        case ReportFormat.HTML:
            from csea.render.html import render_html  # noqa: PLC0415

            return render_html
        case ReportFormat.JSON:
            return _json
        case ReportFormat.CSV:
            from csea.render.spreadsheet import render_csv  # noqa: PLC0415

            return render_csv
        case ReportFormat.JUNIT:
            from csea.render.junit import render_junit  # noqa: PLC0415

            return render_junit


def _json(document: ReportDocument) -> str:
    return dumps_json(document.model_dump(mode="json"))
