"""Redaction (``--redact``): a report that can leave the company.

It removes, field by field, who made the assessment, owners, who accepted a risk,
justifications, notes, every evidence location, and every piece of evidence that carries a
sensitivity label (its title too: a label means the whole item stays inside). A finding
message that quotes one of these fields (the title of a labelled piece of evidence, a review
note) knows it does ([Finding.private][csea.models.Finding]), and shows ``[redacted]`` in its
place. Nothing else is touched: catalogue text that happens to contain an owner's name stays
as it is, and the work grows with the report, not with the number of secrets times the
amount of text. The result says it was redacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from csea.models import Finding
from csea.report.document import (
    Briefing,
    DecisionItem,
    EvidenceItem,
    FindingEntry,
    GapEntry,
    ObligationEntry,
    ReportDocument,
    ServiceReport,
)

__all__ = ["REDACTED", "finding_text", "private_parts", "redact"]

REDACTED = "[redacted]"
"""What replaces the removed part of a finding message."""


def finding_text(finding: Finding, *, redacted: bool) -> str:
    """A finding's message, with the part ``--redact`` hides replaced when ``redacted``."""
    if redacted and finding.private:
        return finding.message.replace(finding.private, REDACTED)
    return finding.message


def private_parts(findings: Iterable[Finding]) -> dict[str, str]:
    """The redacted text of every finding message that quotes a removed field, by message."""
    return {f.message: finding_text(f, redacted=True) for f in findings if f.private}


def redact(document: ReportDocument, messages: Mapping[str, str] | None = None) -> ReportDocument:
    """The document without owners, notes, justifications, evidence locations and labelled evidence.

    Args:
        document: The report document.
        messages: Finding messages that quote a removed field, and what to show instead
            ([private_parts][csea.report.redaction.private_parts] of the evaluations).
    """
    swap = messages or {}
    reports = [_strip_report(report, swap) for report in document.reports]
    return document.model_copy(update={"redacted": True, "reports": reports})


def _strip_report(report: ServiceReport, swap: Mapping[str, str]) -> ServiceReport:
    summary = report.summary.model_copy(update={"assessed_by": None})
    return report.model_copy(
        update={
            "summary": summary,
            "briefing": _strip_briefing(report.briefing),
            "gaps": [_strip_gap(g) for g in report.gaps],
            "findings": [_strip_finding(f, swap) for f in report.findings],
            "obligations": [_strip_obligation(o, swap) for o in report.obligations],
        }
    )


def _strip_briefing(briefing: Briefing) -> Briefing:
    lists = ("legal_duties_unmet", "overdue_plans", "accepted_risks", "undecided", "assumed")
    return briefing.model_copy(
        update={name: [_strip_item(i) for i in getattr(briefing, name)] for name in lists}
    )


def _strip_item(item: DecisionItem) -> DecisionItem:
    return item.model_copy(update={"owner": None, "accepted_by": None})


def _strip_gap(gap: GapEntry) -> GapEntry:
    return gap.model_copy(update={"owner": None})


def _strip_finding(finding: FindingEntry, swap: Mapping[str, str]) -> FindingEntry:
    shown = swap.get(finding.message)
    return finding if shown is None else finding.model_copy(update={"message": shown})


def _strip_obligation(entry: ObligationEntry, swap: Mapping[str, str]) -> ObligationEntry:
    kept = [_strip_evidence(e) for e in entry.evidence if e.sensitivity is None]
    return entry.model_copy(
        update={
            "owner": None,
            "accepted_by": None,
            "justification": None,
            "notes": None,
            "evidence": kept,
            "evidence_withheld": entry.evidence_withheld + len(entry.evidence) - len(kept),
            "findings": [_strip_finding(f, swap) for f in entry.findings],
        }
    )


def _strip_evidence(item: EvidenceItem) -> EvidenceItem:
    return item.model_copy(update={"location": None})
