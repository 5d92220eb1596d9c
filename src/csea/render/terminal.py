"""The report in the terminal: headline, scorecards, gaps and findings as rich tables.

Printed straight to a terminal it has colour; written to a file or a pipe it is plain
text of a fixed width, so the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from csea.models import Status
from csea.models.evaluation import FindingLevel
from csea.render.escape import terminal
from csea.render.view import PLAIN_WIDTH, Styled
from csea.render.wording import (
    DASH,
    REDACTION_NOTICE,
    SCORE_METHOD,
    catalogue_line,
    date_text,
    findings_text,
    headline_sentence,
    label,
    score_text,
    service_facts,
    short_label,
    verification_sentence,
)
from csea.report.document import ReportDocument, Scorecard, ServiceReport

__all__ = ["render_terminal", "terminal_renderables"]


_NO_WRAP = frozenset({"#", "Obligation", "Force", "Due", "Evid.", "Level", "Line"})
"""Short columns that keep each value on one line, leaving the room to titles."""

_WIDTH = {"Title": 30, "Owner": 14, "Status": 16}
"""Fixed widths of wrapping columns, so long titles wrap the same way on every machine."""

_STYLE = {
    Status.IMPLEMENTED: "green",
    Status.PARTIAL: "yellow",
    Status.PLANNED: "blue",
    Status.NOT_IMPLEMENTED: "red",
    Status.NOT_APPLICABLE: "dim",
    Status.NOT_ASSESSED: "magenta",
    FindingLevel.ERROR: "bold red",
    FindingLevel.WARNING: "yellow",
    FindingLevel.INFO: "dim",
}


def render_terminal(document: ReportDocument, width: int = PLAIN_WIDTH) -> str:
    """The report as plain text (no colour), ``width`` columns wide."""
    return Styled(terminal_renderables(document), width).text


def terminal_renderables(document: ReportDocument) -> list[RenderableType]:
    """Everything to print, in order, for a rich console."""
    parts: list[RenderableType] = [terminal(f"Catalogue: {catalogue_line(document)}")]
    if document.generated_at:
        parts.append(terminal(f"Generated at {document.generated_at}"))
    if document.redacted:
        parts.append(Text(REDACTION_NOTICE, style="bold"))
    if document.organisations:
        parts.append(_organisations(document))
    for report in document.reports:
        parts.extend(_service(report))
    return parts


def _organisations(document: ReportDocument) -> Table:
    table = _table(
        "Organisations",
        ["Organisation", "Services", "Applicable", "Score", "Legal duties not met", "Findings"],
    )
    for org in document.organisations:
        table.add_row(
            org.organisation,
            ", ".join(org.services),
            str(org.applicable),
            score_text(org.score),
            str(org.legal_duties_unmet),
            findings_text(org.findings),
        )
    return table


def _service(report: ServiceReport) -> Iterator[RenderableType]:
    summary = report.summary
    yield Rule(f"{summary.organisation}: {summary.service}", style="bold")
    yield _headline(report)
    if report.source_view is not None:
        yield _provisions(report)
    yield _facts(report)
    if report.source_view is None:
        yield _scorecard("Scorecard by pillar", report.pillars, with_force=False)
    yield _scorecard("Scorecard by source", report.sources, with_force=True)
    yield _gaps(report) if report.gaps else Text("No gaps.\n", style="bold")
    yield _findings(report) if report.findings else Text("No findings.\n", style="bold")
    if report.changes is not None:
        yield _changes(report)
    yield _obligations(report)
    yield Padding(
        Text(f"{verification_sentence(report.verification)}\n{SCORE_METHOD}"), (1, 0, 1, 0)
    )


def _headline(report: ServiceReport) -> RenderableType:
    headline = report.headline
    counts = "  ".join(f"{label(status)} {count}" for status, count in headline.counts.items())
    lines = Text()
    lines.append(terminal(f"{headline.title}\n", style="bold"))
    lines.append(terminal(headline_sentence(headline) + "\n"))
    lines.append(counts + "\n")
    lines.append(f"Findings: {findings_text(headline.findings)}")
    return Padding(lines, (1, 0, 1, 0))


def _facts(report: ServiceReport) -> Table:
    table = Table(
        title="Service", title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0)
    )
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in service_facts(report):
        table.add_row(name, value)
    return table


def _table(title: str, headers: list[str], numeric: int = 0) -> Table:
    """A table; the last ``numeric`` columns are right-aligned and never wrapped."""
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD)
    for index, header in enumerate(headers):
        if index >= len(headers) - numeric:
            table.add_column(header, justify="right", no_wrap=True)
        elif header in _NO_WRAP:
            table.add_column(header, no_wrap=True)
        else:
            table.add_column(header, width=_WIDTH.get(header), overflow="fold")
    return table


def _scorecard(title: str, rows: list[Scorecard], *, with_force: bool) -> Table:
    headers = ["Source" if with_force else "Pillar", *(short_label(s) for s in Status)]
    table = _table(title, [*headers, "Legal unmet", "Score"], numeric=len(Status) + 2)
    table.columns[0].min_width = 20
    for row in rows:
        name = terminal(row.short_title if with_force else row.title)
        if with_force:
            name.append(f"\n{label(row.force).lower()}", style="dim")
        table.add_row(
            name,
            *(str(row.counts[s]) for s in Status),
            str(row.legal_duties_unmet),
            _bar(row.score),
        )
    return table


def _bar(score: float | None, width: int = 10) -> Text:
    if score is None:
        return Text(f"{'n/a':>{width + 7}}")
    filled = round(score / 100 * width)
    bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
    return bar + Text(f" {score_text(score):>6}")


def _status(status: Status) -> Text:
    return Text(label(status), style=_STYLE[status])


def _gaps(report: ServiceReport) -> Table:
    table = _table(
        "Gaps, most urgent first",
        ["#", "Obligation", "Title", "Force", "Status", "Owner", "Due"],
    )
    for gap in report.gaps:
        status = _status(gap.status)
        if gap.overdue:
            status.append(" (overdue)", style="bold red")
        table.add_row(
            str(gap.rank),
            gap.obligation_id,
            gap.title,
            short_label(gap.force),
            status,
            gap.owner or DASH,
            date_text(gap.due),
        )
    return table


def _findings(report: ServiceReport) -> Table:
    table = _table("Findings", ["Level", "Obligation", "Line", "Finding"])
    for finding in report.findings:
        table.add_row(
            Text(label(finding.level), style=_STYLE[finding.level]),
            finding.obligation_id or DASH,
            DASH if finding.line is None else str(finding.line),
            finding.message,
        )
    return table


def _changes(report: ServiceReport) -> Table:
    changes = report.changes
    assert changes is not None
    title = (
        f"Since the previous assessment ({date_text(changes.previous_assessed_on)}): "
        f"score {score_text(changes.previous_score)} -> {score_text(changes.score)}"
    )
    table = _table(title, ["Obligation", "Title", "Before", "Now"])
    for move in changes.moves:
        table.add_row(
            move.obligation_id,
            move.title,
            label(move.before) if move.before else "(not applicable then)",
            label(move.after) if move.after else "(no longer applicable)",
        )
    return table


def _provisions(report: ServiceReport) -> Table:
    view = report.source_view
    assert view is not None
    table = _table(
        f"{view.title}: provision by provision", ["Provision", "Title", "Standing", "Answered by"]
    )
    for provision in view.provisions:
        answered = [f"{a.obligation_id} {label(a.status).lower()}" for a in provision.answered_by]
        if provision.not_applicable_here:
            answered.append(f"cited by {', '.join(provision.not_applicable_here)}, not binding")
        if provision.uncited_reason:
            answered.append(f"not cited: {provision.uncited_reason}")
        table.add_row(
            "  " * provision.depth + provision.id,
            provision.title,
            label(provision.standing),
            "; ".join(answered) or DASH,
        )
    return table


def _obligations(report: ServiceReport) -> Group:
    table = _table(
        "Obligations", ["Obligation", "Title", "Force", "Status", "Evid.", "Owner", "Due"]
    )
    for entry in report.obligations:
        table.add_row(
            entry.id,
            entry.title,
            short_label(entry.force),
            _status(entry.status),
            str(len(entry.evidence) + entry.evidence_withheld),
            entry.owner or DASH,
            date_text(entry.due),
        )
    return Group(table)
