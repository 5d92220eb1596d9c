"""The words every human-readable report shares: labels, numbers, dates and sentences.

Terminal, Markdown and HTML reports say the same things in the same words; only the
layout differs.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from csea.models import Status
from csea.models.evaluation import FindingLevel
from csea.models.vocabulary import Force
from csea.report.document import (
    Headline,
    ReportDocument,
    ServiceReport,
    ServiceSummary,
    Standing,
    VerificationNote,
)

__all__ = [
    "DASH",
    "REDACTION_NOTICE",
    "SCORE_METHOD",
    "catalogue_line",
    "date_text",
    "findings_text",
    "headline_sentence",
    "label",
    "number",
    "score_text",
    "service_facts",
    "short_label",
    "summary_facts",
    "verification_sentence",
]

DASH = "\u2013"
"""Shown for an empty cell (an en dash)."""

_LABELS: dict[str, str] = {
    Status.NOT_APPLICABLE: "Not applicable",
    Status.NOT_IMPLEMENTED: "Not implemented",
    Force.LAW_ENFORCEMENT_DEMAND: "Law-enforcement demand",
    Standing.NOT_COVERED: "Not covered by the catalogue",
    Standing.UPCOMING: "Not yet in force",
}

REDACTION_NOTICE = (
    "Redacted for sharing outside the organisation: owners, names, notes, justifications, "
    "evidence locations and evidence with a sensitivity label have been removed."
)
"""Printed on every redacted report."""

SCORE_METHOD = (
    "Score: implemented counts 1, partial 0.5, planned, not implemented and not assessed 0; "
    "a justified not-applicable answer is left out of the score."
)
"""How the score is computed, in one sentence."""


def label(value: StrEnum | None) -> str:
    """A readable label for an enum value (``not_implemented`` -> ``Not implemented``)."""
    if value is None:
        return DASH
    return _LABELS.get(value.value, value.value.replace("_", " ").capitalize())


_SHORT: dict[str, str] = {
    Status.IMPLEMENTED: "Impl.",
    Status.NOT_IMPLEMENTED: "Not impl.",
    Status.NOT_APPLICABLE: "N/A",
    Status.NOT_ASSESSED: "Unassessed",
    Force.LEGAL_DUTY: "Legal duty",
    Force.REGULATORY_CODE: "Code",
    Force.VOLUNTARY_PRINCIPLE: "Voluntary",
    Force.LAW_ENFORCEMENT_DEMAND: "LE demand",
    Force.GUIDANCE: "Guidance",
}


def short_label(value: Status | Force | None) -> str:
    """A label narrow enough for a table column (``Impl.``, ``Code``, ``LE demand``)."""
    if value is None:
        return DASH
    return _SHORT.get(value.value, label(value))


def score_text(score: float | None) -> str:
    """A score as a percentage with one decimal, or ``n/a``."""
    return "n/a" if score is None else f"{score:.1f}%"


def date_text(day: dt.date | None) -> str:
    """An ISO date, or a dash."""
    return DASH if day is None else day.isoformat()


def number(value: int) -> str:
    """An integer with thousands separators."""
    return f"{value:,}"


def findings_text(findings: dict[FindingLevel, int]) -> str:
    """``2 errors, 1 warning, 0 info``."""
    parts = []
    for level in FindingLevel:
        count = findings.get(level, 0)
        noun = level.value if level is FindingLevel.INFO or count == 1 else f"{level.value}s"
        parts.append(f"{count} {noun}")
    return ", ".join(parts)


def headline_sentence(headline: Headline) -> str:
    """The headline in one sentence."""
    duties = headline.legal_duties_unmet
    return (
        f"{headline.applicable} applicable obligation{'s' if headline.applicable != 1 else ''}, "
        f"score {score_text(headline.score)}; {duties} legal dut{'ies' if duties != 1 else 'y'} "
        f"not met; {headline.gaps} gap{'s' if headline.gaps != 1 else ''} to close."
    )


def verification_sentence(note: VerificationNote) -> str:
    """How many cited provisions behind the applicable obligations are not verified."""
    return (
        f"{note.secondary} of the {note.citations} binding citation"
        f"{'s' if note.citations != 1 else ''} behind the applicable obligations "
        f"{'is' if note.secondary == 1 else 'are'} only secondarily verified or unverified "
        "in the catalogue; check those provisions against the primary text before relying on them."
    )


def catalogue_line(document: ReportDocument) -> str:
    """Which catalogue, which version, of which date."""
    catalog = document.catalog
    return f"{catalog.title} ({catalog.id}) version {catalog.version} of {catalog.date.isoformat()}"


def service_facts(report: ServiceReport) -> list[tuple[str, str]]:
    """The service profile and assessment as label/value pairs, in display order."""
    return summary_facts(report.summary)


def summary_facts(summary: ServiceSummary) -> list[tuple[str, str]]:
    """A service summary as label/value pairs, in display order."""
    users = ", ".join(f"{code} {number(n)}" for code, n in summary.users.items())
    return [
        ("Organisation", summary.organisation),
        ("Service", summary.service),
        ("Description", summary.description or DASH),
        ("Kinds", _words(summary.kinds)),
        ("Features", _words(summary.features)),
        ("Monthly users", f"{number(summary.users_worldwide)} worldwide ({users})"),
        ("Established in", ", ".join(summary.established_in)),
        ("Children likely to use it", "yes" if summary.children_likely else "no"),
        ("Minimum age", DASH if summary.minimum_age is None else str(summary.minimum_age)),
        ("Designations", _words(summary.designations)),
        ("Risk levels", _words([f"{h}: {lvl}" for h, lvl in summary.risk.items()])),
        ("Assessment file", summary.assessment_file or DASH),
        ("Assessed by", summary.assessed_by or DASH),
        ("Assessed on", date_text(summary.assessed_on)),
        ("Judged as of", summary.as_of.isoformat()),
    ]


def _words(values: list[str]) -> str:
    """Vocabulary values as words (``user_to_user`` -> ``user to user``), or a dash."""
    return ", ".join(v.replace("_", " ") for v in values) or DASH
