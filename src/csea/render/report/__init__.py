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
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csea.render.report.build import AssessedService, ReportOptions, build_report
    from csea.render.report.document import ReportDocument

__all__ = [
    "AssessedService",
    "ReportDocument",
    "ReportFormat",
    "ReportOptions",
    "build_report",
    "render_report",
]

_LAZY = {
    "AssessedService": "csea.render.report.build",
    "ReportOptions": "csea.render.report.build",
    "build_report": "csea.render.report.build",
    "ReportDocument": "csea.render.report.document",
}


def __getattr__(name: str) -> Any:
    """Import the report's building blocks only when they are first used."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


_RENDERERS: dict[ReportFormat, tuple[str, str]] = {
    ReportFormat.TERMINAL: ("csea.render.report.terminal", "render_terminal"),
    ReportFormat.MD: ("csea.render.report.markdown", "render_markdown"),
    ReportFormat.HTML: ("csea.render.report.html", "render_html"),
    ReportFormat.CSV: ("csea.render.report.spreadsheet", "render_csv"),
    ReportFormat.JUNIT: ("csea.render.report.junit", "render_junit"),
}
"""Format -> (module, function); a renderer's module (and jinja2, for HTML) is imported
only when that format is asked for, so other commands start faster."""


def render_report(document: ReportDocument, fmt: ReportFormat) -> str:
    """The report document in one format, as text."""
    if fmt is ReportFormat.JSON:
        from csea.render.tabular import dumps_json  # noqa: PLC0415 - imported on use

        return dumps_json(document.model_dump(mode="json"))
    module, name = _RENDERERS[fmt]
    renderer: Callable[[ReportDocument], str] = getattr(import_module(module), name)
    return renderer(document)
