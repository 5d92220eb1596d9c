"""The words every human-readable report shares: labels, numbers, dates and sentences.

Terminal, Markdown and HTML reports say the same things in the same words; only the
layout differs.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from csea.models import RegulatorKind, Status
from csea.models.evaluation import FindingLevel
from csea.models.vocabulary import Force
from csea.report.document import (
    Briefing,
    DecisionItem,
    RegulatorCard,
    ReportDocument,
    ServiceReport,
    ServiceSummary,
    Standing,
    TrendPoint,
    VerificationNote,
)

__all__ = [
    "DASH",
    "DECISIONS",
    "INDUSTRY_NOTE",
    "PAGE_ONE_ITEMS",
    "REDACTION_NOTICE",
    "SCORE_METHOD",
    "TOP_GAPS",
    "Decision",
    "catalogue_line",
    "date_text",
    "decision_detail",
    "duties_text",
    "findings_text",
    "force_text",
    "label",
    "number",
    "regulator_duties",
    "regulator_sections",
    "score_text",
    "scores_line",
    "service_facts",
    "short_label",
    "summary_facts",
    "summary_sentence",
    "trend_sentence",
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
    "a justified not-applicable answer is left out of the score. The weighted score counts "
    "each obligation by its force (legal duty 3, regulatory code 2, any other 1) times the "
    "service's risk for the harms it addresses (high or not declared 2, medium 1.5, low 1)."
)
"""How the scores are computed, in two sentences."""

TOP_GAPS = 5
"""How many of the ranked gaps the first page lists."""

PAGE_ONE_ITEMS = 4
"""How many items each first-page list shows before "and N more"."""

INDUSTRY_NOTE = (
    "Industry programmes and tools are ways to meet duties, not duties: they are shown "
    "apart and count no legal duties."
)
"""Said where industry programmes and tools are listed apart from regulators."""


class Decision(NamedTuple):
    """One list on the first page."""

    field: str
    """The [Briefing][csea.report.document.Briefing] field it shows."""
    heading: str
    """Its heading."""
    none_text: str
    """What to say when it is empty."""
    always: bool
    """Whether to show it (saying ``none_text``) even when empty."""


DECISIONS = (
    Decision(
        "legal_duties_unmet",
        "Legal duties not met",
        "Every legal duty for the service is met.",
        True,
    ),
    Decision("overdue_plans", "Overdue plans", "No plan is past its due date.", True),
    Decision("accepted_risks", "Accepted risks", "No risk has been accepted.", False),
    Decision(
        "undecided",
        "Not implemented, no decision recorded",
        "Every obligation not implemented has a plan or an accepted risk.",
        False,
    ),
    Decision(
        "assumed",
        "Applicability assumed, to settle",
        "Every fact applicability depends on is declared in the profile.",
        False,
    ),
)
"""The first page's lists, in order."""


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


def force_text(force: Force | None, assumed: bool, *, short: bool = False) -> str:
    """A force label, marked when it rests on facts the profile does not declare.

    An assumed obligation shows the force it would have (``Legal duty (assumed)``), so an
    unknown fact never reads as a weaker force.
    """
    text = short_label(force) if short else label(force)
    return f"{text} (assumed)" if assumed and force is not None else text


def score_text(score: float | None) -> str:
    """A score as a percentage with one decimal, or ``not measured`` (nothing was assessed)."""
    return "not measured" if score is None else f"{score:.1f}%"


def scores_line(weighted: float | None, score: float | None) -> str:
    """``91.9% weighted by force and risk (89.2% unweighted)``."""
    if weighted is None and score is None:
        return "not measured: nothing counted has been assessed"
    return f"{score_text(weighted)} weighted by force and risk ({score_text(score)} unweighted)"


def regulator_duties(card: RegulatorCard) -> str:
    """``1 of 4``: a regulator's legal duties not met, of those its law lays; a dash if none."""
    if card.legal_duties is None:
        return DASH
    return f"{card.legal_duties_unmet} of {card.legal_duties}"


def regulator_sections(cards: list[RegulatorCard]) -> list[tuple[str, bool, list[RegulatorCard]]]:
    """The scorecard's sections: title, whether industry, and the cards (empty ones left out)."""
    sections = [
        ("Scorecard by regulator", False),
        ("Industry programmes and tools (not scored for duty)", True),
    ]
    return [
        (title, industry, group)
        for title, industry in sections
        if (group := [c for c in cards if (c.kind is RegulatorKind.INDUSTRY) is industry])
    ]


def duties_text(count: int | None) -> str:
    """A count of legal duties, or a dash where none are laid on the service."""
    return DASH if count is None else str(count)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary_sentence(report: ServiceReport) -> str:
    """What the first page says in words: how much is met, then what needs deciding."""
    headline, brief = report.headline, report.briefing
    service = report.summary.service
    against = ""
    if report.regulator_view is not None:
        against = f"Against {report.regulator_view.name}, "
    elif report.source_view is not None:
        against = f"Against {report.source_view.title}, "
    if not headline.applicable:
        return f"{against}no obligation applies to {service} on {report.summary.as_of}."
    met = headline.counts.get(Status.IMPLEMENTED, 0)
    obligations = _plural(headline.applicable, "applicable obligation", "applicable obligations")
    first = f"{against}{service} meets {met} of its {obligations} in full."
    return f"{first} {_attention(brief)}"


def _attention(brief: Briefing) -> str:
    parts = []
    if brief.legal_duties_unmet:
        n = len(brief.legal_duties_unmet)
        parts.append(f"{_plural(n, 'legal duty is', 'legal duties are')} not met")
    if brief.overdue_plans:
        parts.append(f"{_plural(len(brief.overdue_plans), 'plan is', 'plans are')} overdue")
    if brief.accepted_risks:
        n = len(brief.accepted_risks)
        parts.append(f"{_plural(n, 'risk has', 'risks have')} been accepted")
    if brief.undecided:
        n = len(brief.undecided)
        has = _plural(n, "obligation has", "obligations have")
        parts.append(f"{has} no plan and no accepted risk")
    if brief.assumed:
        n = len(brief.assumed)
        parts.append(f"{_plural(n, 'obligation is', 'obligations are')} assumed to apply")
    if not parts:
        return "Every legal duty is met and no plan is overdue."
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[0].upper() + text[1:] + "."


def decision_detail(item: DecisionItem, kind: str) -> str:
    """The facts beside a first-page item: status, dates, owner, and for a legal duty whose law."""
    parts = [label(item.status)]
    if kind == "accepted_risks":
        accepted = f"accepted by {item.accepted_by}" if item.accepted_by else "accepted"
        if item.accepted_on is not None:
            accepted += f" on {date_text(item.accepted_on)}"
        parts.append(accepted)
        if item.due is None:
            parts.append("no lapse date recorded")
        else:
            parts.append(f"{'lapsed' if item.overdue else 'lapses'} {date_text(item.due)}")
    elif item.due is not None:
        parts.append(f"{'overdue since' if item.overdue else 'due'} {date_text(item.due)}")
    if item.owner:
        parts.append(item.owner)
    if item.facts:
        parts.append("declare: " + ", ".join(item.facts))
    if item.regulators and kind == "legal_duties_unmet":
        parts.append(", ".join(item.regulators))
    return " · ".join(parts)


def trend_sentence(points: list[TrendPoint]) -> str:
    """How the score moved over the assessments given, or why there is no trend."""
    if len(points) < 2:
        return "No earlier assessment was given, so there is no trend yet (csea report --previous)."
    first, last = points[0], points[-1]
    since = date_text(first.assessed_on)
    earlier = _plural(len(points) - 1, "earlier assessment", "earlier assessments")
    return (
        f"Since {since} ({earlier}): "
        f"weighted score {score_text(first.weighted_score)} to {score_text(last.weighted_score)}, "
        f"unweighted {score_text(first.score)} to {score_text(last.score)}; "
        f"legal duties not met {first.legal_duties_unmet} to {last.legal_duties_unmet}; "
        f"gaps {first.gaps} to {last.gaps}."
    )


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


def verification_sentence(note: VerificationNote) -> str:
    """How many cited provisions behind the applicable obligations are not verified."""
    return (
        f"{note.secondary} of the {note.citations} citation"
        f"{'s' if note.citations != 1 else ''} that apply to the service "
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
        ("Children likely to use it", _yes_no(summary.children_likely)),
        ("Minimum age", DASH if summary.minimum_age is None else str(summary.minimum_age)),
        ("Designations", _words(summary.designations)),
        ("Risk levels", _words([f"{h}: {lvl}" for h, lvl in summary.risk.items()])),
        ("Assessment file", summary.assessment_file or DASH),
        ("Assessed by", summary.assessed_by or DASH),
        ("Assessed on", date_text(summary.assessed_on)),
        ("Judged as of", summary.as_of.isoformat()),
    ]


def _yes_no(value: bool | None) -> str:
    return "not declared" if value is None else ("yes" if value else "no")


def _words(values: list[str]) -> str:
    """Vocabulary values as words (``user_to_user`` -> ``user to user``), or a dash."""
    return ", ".join(v.replace("_", " ") for v in values) or DASH
