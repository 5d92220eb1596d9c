"""The Ofcom record: the written record a UK service keeps of its risk assessments and measures.

The UK Online Safety Act 2023, s.23(2)-(5) (read in the primary text), asks a
user-to-user service for a written record of every risk assessment under s.9 (illegal
content) or s.11 (children's), and of the measures described in Ofcom's codes of practice
that apply to it, taken or in use; where a code measure is not taken, of the alternative
measures, how they amount to compliance and how freedom of expression and privacy
(s.49(5)) were respected. [build_ofcom_record][csea.report.ofcom.build_ofcom_record] fills
in what csea holds: the profile's facts, every measure of every Ofcom code with the
answers behind it, and which measures need an alternative-measures record. What csea does
not hold (how the risk assessment was carried out, its findings, the alternative measures
themselves) is left to the team; the renderers mark it as prompts.

Which sources are Ofcom's codes is read from the catalogue ([is_ofcom_code][csea.report.ofcom.is_ofcom_code]),
so a code added to the catalogue appears in the record with no change here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from csea.catalog.facts import Known, ProfileFacts
from csea.evaluation.files import AssessedService
from csea.models import Catalog, SourceKind
from csea.models.base import CseaModel
from csea.models.source import Source
from csea.report.build import ReportOptions, build_report
from csea.report.provisions import Answering, Filing, ProvisionRecord, provision_records
from csea.report.rows import Standing

__all__ = [
    "REVIEW_PAGE",
    "UK_ACT",
    "CodeRecord",
    "OfcomRecord",
    "RiskAssessmentRecord",
    "build_ofcom_record",
    "is_ofcom_code",
]

UK_ACT = "uk.osa2023"
"""The Online Safety Act 2023 in the catalogue; its s.9 and s.11 are the risk-assessment duties."""

REVIEW_PAGE = (
    "https://ofcom.org.uk/online-safety/illegal-and-harmful-content/"
    "check-how-to-comply-with-the-illegal-content-rules"
)
"""Ofcom's page "Check how to comply with the illegal content rules": its section "When to
complete your risk assessment" says to review the risk assessment "at least every 12 months"."""


class RiskAssessmentRecord(CseaModel):
    """One risk assessment the record covers (s.23(2)) and what csea holds about it."""

    kind: Literal["illegal_content", "children"]
    """Illegal content (s.9) or children's (s.11) risk assessment."""
    section: str
    """The Act's section that sets the duty."""
    applies: Known
    """Whether the duty applies: always for illegal content; for the children's risk
    assessment, when the profile says children are likely to use the service (None: the
    profile does not say)."""
    answered_by: list[Answering] = Field(default_factory=list)
    """The applicable obligations cited to that section, with the team's answers."""


class CodeRecord(CseaModel):
    """One Ofcom code of practice and each of its measures."""

    source: str
    """Source id."""
    title: str
    """The code's title."""
    short_title: str
    """Its short title."""
    url: str | None = None
    """A public copy."""
    binds: bool
    """Whether any of its measures binds the service (the code reaches it)."""
    measures: list[ProvisionRecord]
    """Every measure the catalogue lists, in the code's order."""

    def with_standing(self, *standings: Standing) -> list[ProvisionRecord]:
        """The measures whose standing is one of ``standings``, in order."""
        return [m for m in self.measures if m.standing in standings]

    @property
    def applying(self) -> list[ProvisionRecord]:
        """Measures that apply to the service (s.23(3)(b)), in order."""
        return [m for m in self.measures if m.answered_by]

    @property
    def alternatives_needed(self) -> list[ProvisionRecord]:
        """Applying measures not recorded as taken in full: each needs an s.23(4) record."""
        return [m for m in self.applying if m.standing is not Standing.MET]


class OfcomRecord(Filing):
    """The record of risk assessments and code measures for one service."""

    record_format: Literal["csea-ofcom-record/1"] = "csea-ofcom-record/1"
    """The version of this layout."""
    uk_users: Known
    """Whether the service is offered in the UK (GB); None when the profile does not say."""
    search: bool
    """Whether the service is also a search service (s.34 sets its record-keeping duties)."""
    risk_assessments: list[RiskAssessmentRecord]
    """The illegal content and children's risk assessments."""
    codes: list[CodeRecord]
    """Every Ofcom code in the catalogue, in catalogue order."""
    review_by: dt.date | None = None
    """A year after the assessment date: Ofcom's page "Check how to comply with the illegal
    content rules" says to review the risk assessment at least every 12 months."""


def is_ofcom_code(source: Source) -> bool:
    """Whether a source is one of Ofcom's codes of practice (its measures go in the record)."""
    return source.kind is SourceKind.REGULATORY_CODE and "Ofcom" in source.issuer.split()


def build_ofcom_record(
    catalog: Catalog,
    service: AssessedService,
    *,
    redact: bool = False,
    generated_at: str | None = None,
) -> OfcomRecord:
    """The Ofcom record for one assessed service.

    Args:
        catalog: The catalogue the service was evaluated against.
        service: The assessed service (its evaluation keeps the applicability verdicts).
        redact: Remove what ``csea report --redact`` removes.
        generated_at: A timestamp to print (see
            ``parse_generated_at`` in ``csea.report.build``).
    """
    document = build_report(catalog, [service], ReportOptions(redact=redact))
    report = document.reports[0]
    verdicts = service.evaluation.verdicts
    profile = service.evaluation.profile
    act = provision_records(catalog, report, verdicts, UK_ACT) if catalog.source(UK_ACT) else []
    answers = {record.id: record.answered_by for record in act}
    codes = [
        CodeRecord(
            source=source.id,
            title=source.title,
            short_title=source.short_title,
            url=source.url,
            binds=source.id in {s.id for s in report.sources},
            measures=provision_records(catalog, report, verdicts, source.id),
        )
        for source in catalog.sources
        if is_ofcom_code(source)
    ]
    assessed_on = report.summary.assessed_on
    return OfcomRecord(
        generated_at=generated_at,
        redacted=redact,
        catalog=document.catalog,
        summary=report.summary,
        uk_users=ProfileFacts(profile).offered_in("GB"),
        search="search" in report.summary.kinds,
        risk_assessments=[
            RiskAssessmentRecord(
                kind="illegal_content",
                section="s9",
                applies=True,
                answered_by=answers.get("s9", []),
            ),
            RiskAssessmentRecord(
                kind="children",
                section="s11",
                applies=profile.children_likely,
                answered_by=answers.get("s11", []),
            ),
        ],
        codes=codes,
        review_by=None if assessed_on is None else _a_year_later(assessed_on),
    )


def _a_year_later(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    return day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)
