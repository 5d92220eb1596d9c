"""The report as CSV: one row per applicable obligation, for spreadsheets.

Every cell goes through [spreadsheet_cell][csea.render.escape.spreadsheet_cell]: one that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a line
break) is prefixed with an apostrophe, so an answer cannot execute in the reader's
spreadsheet, and control characters are shown escaped.
"""

from __future__ import annotations

import csv
import io

from csea.render.escape import spreadsheet_cell
from csea.report.document import ObligationEntry, ReportDocument, ServiceReport

__all__ = ["COLUMNS", "render_csv"]

COLUMNS = (
    "organisation",
    "service",
    "obligation_id",
    "title",
    "pillar",
    "force",
    "assumed",
    "binding_sources",
    "status",
    "credit",
    "gap_rank",
    "owner",
    "due",
    "accepted_by",
    "justification",
    "notes",
    "evidence_count",
    "evidence",
    "evidence_withheld",
    "findings",
    "worst_finding",
)
"""The header row, in order."""


def render_csv(document: ReportDocument) -> str:
    """Every applicable obligation of every service, one row each, with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in document.reports:
        for entry in report.obligations:
            writer.writerow([spreadsheet_cell(cell) for cell in _row(report, entry)])
    return buffer.getvalue()


def _row(report: ServiceReport, entry: ObligationEntry) -> list[str]:
    worst = min((f.level for f in entry.findings), key=lambda level: level.rank, default=None)
    evidence = [e.title + (f" <{e.location}>" if e.location else "") for e in entry.evidence]
    return [
        report.summary.organisation,
        report.summary.service,
        entry.id,
        entry.title,
        entry.pillar,
        entry.force.value if entry.force else "",
        "; ".join(entry.undeclared) if entry.assumed else "",
        "; ".join(entry.binding_sources),
        entry.status.value,
        "" if entry.credit is None else f"{entry.credit:g}",
        "" if entry.gap_rank is None else str(entry.gap_rank),
        entry.owner or "",
        entry.due.isoformat() if entry.due else "",
        entry.accepted_by or "",
        entry.justification or "",
        entry.notes or "",
        str(len(entry.evidence) + entry.evidence_withheld),
        "; ".join(evidence),
        str(entry.evidence_withheld),
        "; ".join(f.code for f in entry.findings),
        worst.value if worst else "",
    ]
