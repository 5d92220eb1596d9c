"""The report in the terminal: headline, scorecards, gaps and findings as rich tables.

Printed straight to a terminal it has colour; written to a file or a pipe it is plain
text of a fixed width, so the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from csea.models import Status
from csea.render.escape import terminal
from csea.render.terminal_summary import (
    STYLE,
    briefing_renderables,
    regulator_tables,
    status_text,
    table,
)
from csea.render.view import PLAIN_WIDTH, Styled
from csea.render.wording import (
    DASH,
    REDACTION_NOTICE,
    SCORE_METHOD,
    catalogue_line,
    date_text,
    findings_text,
    force_text,
    label,
    score_text,
    service_facts,
    short_label,
    trend_sentence,
    verification_sentence,
)
from csea.report.document import ReportDocument, Scorecard, ServiceReport, SourceView

__all__ = ["render_terminal", "terminal_renderables"]


def render_terminal(document: ReportDocument, width: int = PLAIN_WIDTH) -> str:
    """The report as plain text (no colour), ``width`` columns wide."""
    return Styled(terminal_renderables(document), width).text


def terminal_renderables(document: ReportDocument) -> list[RenderableType]:
    """Everything to print, in order, for a rich console."""
    parts: list[RenderableType] = [
        terminal(document.classification.upper(), style="bold red"),
        terminal(f"Catalogue: {catalogue_line(document)}"),
    ]
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
    result = table(
        "Organisations",
        ["Organisation", "Services", "Applicable", "Score", "Legal duties not met", "Findings"],
    )
    for org in document.organisations:
        result.add_row(
            org.organisation,
            ", ".join(org.services),
            str(org.applicable),
            score_text(org.score),
            str(org.legal_duties_unmet),
            findings_text(org.findings),
        )
    return result


def _service(report: ServiceReport) -> Iterator[RenderableType]:
    summary = report.summary
    yield Rule(f"{summary.organisation}: {summary.service}", style="bold")
    yield terminal(f"Assessed {date_text(summary.assessed_on)}; judged as of {summary.as_of}.")
    yield from briefing_renderables(report)
    if report.regulator_view is not None:
        for source in report.regulator_view.sources:
            yield _provisions(source)
    if report.source_view is not None:
        yield _provisions(report.source_view)
    yield from regulator_tables(report)
    yield _gaps(report) if report.gaps else Text("No gaps.\n", style="bold")
    yield _findings(report) if report.findings else Text("No findings.\n", style="bold")
    if report.changes is not None:
        yield _changes(report)
    if report.source_view is None and report.regulator_view is None:
        yield _pillars(report.pillars)
    yield _facts(report)
    yield _obligations(report)
    yield Padding(
        terminal(f"{verification_sentence(report.verification)}\n{SCORE_METHOD}"), (1, 0, 1, 0)
    )


def _facts(report: ServiceReport) -> Table:
    table = Table(
        title="Service", title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0)
    )
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in service_facts(report):
        table.add_row(name, value)
    return table


def _pillars(rows: list[Scorecard]) -> Table:
    headers = ["Pillar", *(short_label(s) for s in Status)]
    result = table(
        "Scorecard by pillar", [*headers, "Legal unmet", "Score"], numeric=len(Status) + 2
    )
    result.columns[0].min_width = 20
    for row in rows:
        result.add_row(
            terminal(row.title),
            *(str(row.counts[s]) for s in Status),
            str(row.legal_duties_unmet),
            _bar(row.weighted_score),
        )
    return result


def _bar(score: float | None, width: int = 10) -> Text:
    if score is None:
        return Text(f"{score_text(score):>{width + 7}}")
    filled = round(score / 100 * width)
    bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
    return bar + Text(f" {score_text(score):>6}")


def _gaps(report: ServiceReport) -> Table:
    result = table(
        "Gaps, most urgent first", ["#", "Title", "Why it ranks here", "Status", "Owner"]
    )
    for gap in report.gaps:
        result.add_row(
            str(gap.rank),
            f"{gap.title} ({gap.obligation_id})",
            gap.reason,
            status_text(gap.status),
            gap.owner or DASH,
        )
    return result


def _findings(report: ServiceReport) -> Table:
    result = table("Findings", ["Level", "Obligation", "Line", "Finding"])
    for finding in report.findings:
        result.add_row(
            Text(label(finding.level), style=STYLE[finding.level]),
            finding.obligation_id or DASH,
            DASH if finding.line is None else str(finding.line),
            finding.message,
        )
    return result


def _changes(report: ServiceReport) -> Group:
    changes = report.changes
    assert changes is not None
    result = table("Status changes", ["Title", "Before", "Now"])
    for move in changes.moves:
        result.add_row(
            f"{move.title} ({move.obligation_id})",
            label(move.before) if move.before else "(not applicable then)",
            label(move.after) if move.after else "(no longer applicable)",
        )
    heading = Text("Since the previous assessment\n", style="bold")
    heading.append_text(terminal(trend_sentence(report.briefing.trend), style="not bold"))
    return Group(heading, result if changes.moves else Text("No status changed.\n"))


def _provisions(view: SourceView) -> Table:
    result = table(
        f"{view.title} ({view.id}): provision by provision",
        ["Provision", "Title", "Standing", "Answered by"],
    )
    for provision in view.provisions:
        answered = [
            f"{a.title} ({a.obligation_id}) {label(a.status).lower()}"
            for a in provision.answered_by
        ]
        if provision.not_applicable_here:
            answered.append(
                f"cited by {', '.join(provision.not_applicable_here)}, which does not apply here"
            )
        if provision.uncited_reason:
            answered.append(f"not cited: {provision.uncited_reason}")
        result.add_row(
            "  " * provision.depth + provision.id,
            provision.title,
            label(provision.standing),
            "; ".join(answered) or DASH,
        )
    return result


def _obligations(report: ServiceReport) -> Group:
    result = table("Obligations", ["Title", "Force", "Status", "Evid.", "Weight", "Owner", "Due"])
    for entry in report.obligations:
        result.add_row(
            f"{entry.title} ({entry.id})",
            force_text(entry.force, entry.assumed, short=True),
            status_text(entry.status),
            str(len(entry.evidence) + entry.evidence_withheld),
            DASH if entry.weight is None else f"{entry.weight:g}",
            entry.owner or DASH,
            date_text(entry.due),
        )
    return Group(result)
