"""Reports: what a T&S lead hands to leadership, auditors and regulators.

```
evaluations + answers ─► build_report ─► ReportDocument ─► render_report(format) ─► text
                          (view, redact)                    terminal, md, html, json, csv, junit
```

[build_report][csea.render.report.build_report] computes everything a report shows
(and redacts it when asked); each format module only lays the document out, so every
format says the same thing. The same inputs give the same bytes in every format.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from csea.render.report.build import AssessedService, ReportOptions, build_report
from csea.render.report.document import ReportDocument
from csea.render.report.html import render_html
from csea.render.report.junit import render_junit
from csea.render.report.markdown import render_markdown
from csea.render.report.spreadsheet import render_csv
from csea.render.report.terminal import render_terminal
from csea.render.tabular import dumps_json

__all__ = [
    "AssessedService",
    "ReportDocument",
    "ReportFormat",
    "ReportOptions",
    "build_report",
    "render_report",
]


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
    """JUnit XML: unmet legal duties are failures, so CI systems show them."""


def _json(document: ReportDocument) -> str:
    return dumps_json(document.model_dump(mode="json"))


_RENDERERS: dict[ReportFormat, Callable[[ReportDocument], str]] = {
    ReportFormat.TERMINAL: render_terminal,
    ReportFormat.MD: render_markdown,
    ReportFormat.HTML: render_html,
    ReportFormat.JSON: _json,
    ReportFormat.CSV: render_csv,
    ReportFormat.JUNIT: render_junit,
}


def render_report(document: ReportDocument, fmt: ReportFormat) -> str:
    """The report document in one format, as text."""
    return _RENDERERS[fmt](document)
