"""Redaction (``--redact``): a report that can leave the company.

It removes who made the assessment, owners, who accepted a risk, justifications,
notes, every evidence location, and every piece of evidence that carries a
sensitivity label (its title too: a label means the whole item stays inside). Then,
because text such as a finding message can quote any of these, every remaining
free-text field (messages, titles, descriptions) is scrubbed of them. The result says it was redacted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from csea.report.document import (
    Briefing,
    DecisionItem,
    EvidenceItem,
    GapEntry,
    ObligationEntry,
    ReportDocument,
    ServiceReport,
)

__all__ = ["REDACTED", "redact", "scrubber", "secrets_of"]

REDACTED = "[redacted]"
"""What replaces a removed string inside generated text."""

_FREE_TEXT = frozenset({"message", "title", "description"})
"""The fields scrubbed of secrets; ids, dates and enum values are left alone."""


def secrets_of(document: ReportDocument) -> list[str]:
    """Every string redaction removes, longest first, without repeats."""
    return _ordered(s for report in document.reports for s in _report_secrets(report))


def scrubber(secrets: Iterable[str | None]) -> Callable[[str], str]:
    """A function that replaces every one of ``secrets`` in a text with ``[redacted]``.

    Other outputs that redact (the assessment workbook) scrub their free text with it,
    so they remove exactly what a redacted report removes.
    """
    pattern = _pattern(_ordered(secrets))
    return (lambda text: text) if pattern is None else (lambda text: pattern.sub(REDACTED, text))


def _ordered(secrets: Iterable[str | None]) -> list[str]:
    """The secrets, stripped, longest first, without repeats or empty ones."""
    found = {s.strip() for s in secrets if s and s.strip()}
    return sorted(found, key=lambda s: (-len(s), s))


def _report_secrets(report: ServiceReport) -> Iterable[str | None]:
    yield report.summary.assessed_by
    for gap in report.gaps:
        yield gap.owner
    for entry in report.obligations:
        yield from (entry.owner, entry.accepted_by, entry.justification, entry.notes)
        for item in entry.evidence:
            yield item.location
            if item.sensitivity is not None:
                yield item.title


def redact(document: ReportDocument) -> ReportDocument:
    """The document without owners, notes, justifications, evidence locations and labelled evidence."""
    secrets = secrets_of(document)
    stripped = document.model_copy(
        update={"redacted": True, "reports": [_strip_report(r) for r in document.reports]}
    )
    data = _scrub(stripped.model_dump(mode="json"), _pattern(secrets))
    return ReportDocument.model_validate(data)


def _strip_report(report: ServiceReport) -> ServiceReport:
    summary = report.summary.model_copy(update={"assessed_by": None})
    return report.model_copy(
        update={
            "summary": summary,
            "briefing": _strip_briefing(report.briefing),
            "gaps": [_strip_gap(g) for g in report.gaps],
            "obligations": [_strip_obligation(o) for o in report.obligations],
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


def _strip_obligation(entry: ObligationEntry) -> ObligationEntry:
    kept = [_strip_evidence(e) for e in entry.evidence if e.sensitivity is None]
    return entry.model_copy(
        update={
            "owner": None,
            "accepted_by": None,
            "justification": None,
            "notes": None,
            "evidence": kept,
            "evidence_withheld": entry.evidence_withheld + len(entry.evidence) - len(kept),
        }
    )


def _strip_evidence(item: EvidenceItem) -> EvidenceItem:
    return item.model_copy(update={"location": None})


def _pattern(secrets: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any secret, as a whole word where it starts or ends with one."""
    if not secrets:
        return None
    parts = []
    for secret in secrets:
        head = r"(?<!\w)" if re.match(r"\w", secret) else ""
        tail = r"(?!\w)" if re.search(r"\w$", secret) else ""
        parts.append(head + re.escape(secret) + tail)
    return re.compile("|".join(parts))


def _scrub(value: Any, pattern: re.Pattern[str] | None, key: str = "") -> Any:
    if pattern is None:
        return value
    if isinstance(value, str) and key in _FREE_TEXT:
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_scrub(v, pattern, key) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern, str(k)) for k, v in value.items()}
    return value
