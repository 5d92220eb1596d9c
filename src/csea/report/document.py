"""The report document: everything a report shows, computed once, read by every format.

[build_report][csea.report.build.build_report] turns evaluations into a
[ReportDocument][csea.report.document.ReportDocument]; each renderer (terminal,
Markdown, HTML, JSON, CSV, JUnit) only lays it out. The JSON format is this model as
data, and ``schema/report.schema.json`` is its JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from csea.models.assessment import Status
from csea.models.base import CseaModel
from csea.models.evaluation import FindingLevel
from csea.models.vocabulary import Force, SourceStatus
from csea.report.rows import (
    ChangeEntry,
    EvidenceItem,
    FindingEntry,
    GapEntry,
    ObligationEntry,
    ProvisionAnswer,
    ProvisionEntry,
    Standing,
)

__all__ = [
    "CatalogInfo",
    "ChangeEntry",
    "Changes",
    "EvidenceItem",
    "FindingEntry",
    "GapEntry",
    "Headline",
    "ObligationEntry",
    "OrganisationSummary",
    "ProvisionAnswer",
    "ProvisionEntry",
    "ReportDocument",
    "Scorecard",
    "ServiceReport",
    "ServiceSummary",
    "SourceView",
    "Standing",
    "VerificationNote",
]


class CatalogInfo(CseaModel):
    """The catalogue the report was made against."""

    id: str
    """Catalogue id."""
    title: str
    """Catalogue title."""
    version: str
    """Catalogue version."""
    date: dt.date
    """The day that version's statuses were last reviewed."""


class ServiceSummary(CseaModel):
    """The service and its profile, and who assessed it when."""

    organisation: str
    """The provider."""
    service: str
    """The service."""
    description: str | None = None
    """What it does."""
    kinds: list[str]
    """Its kinds of service."""
    features: list[str]
    """Its features that change which obligations apply."""
    users: dict[str, int]
    """Monthly active users per jurisdiction."""
    users_worldwide: int
    """Monthly active users worldwide."""
    established_in: list[str]
    """Where the provider is established."""
    children_likely: bool | None
    """Whether children are likely to use it (None: the profile does not say)."""
    minimum_age: int | None = None
    """The minimum age in its terms, if any."""
    designations: list[str]
    """Regulators' designations."""
    risk: dict[str, str]
    """Risk level per kind of harm, from its own risk assessment."""
    assessment_file: str | None = None
    """The assessment file, as named by the user."""
    assessed_by: str | None = None
    """Who made the assessment (removed by ``--redact``)."""
    assessed_on: dt.date | None = None
    """When it was last reviewed as a whole."""
    as_of: dt.date
    """The date applicability and evidence age were judged on."""


class Headline(CseaModel):
    """The numbers at the top of the report."""

    title: str
    """What the numbers are over (all obligations, or one source)."""
    applicable: int
    """How many obligations apply."""
    counts: dict[Status, int]
    """How many have each status, every status listed, in the usual order."""
    score: float | None
    """Score out of 100 (None when nothing is counted)."""
    legal_duties_unmet: int
    """Legal duties for the service that are not implemented."""
    gaps: int
    """Obligations not fully met."""
    findings: dict[FindingLevel, int]
    """How many findings at each level."""


class Scorecard(CseaModel):
    """One row of a scorecard: a pillar or a source."""

    id: str
    """Pillar or source id."""
    title: str
    """Its title."""
    short_title: str
    """A short label for charts and narrow tables."""
    force: Force | None = None
    """For sources: how binding the source is."""
    applicable: int
    """How many of its obligations apply."""
    counts: dict[Status, int]
    """How many have each status, every status listed, in the usual order."""
    score: float | None
    """Score out of 100 (None when nothing is counted)."""
    legal_duties_unmet: int
    """Legal duties among them that are not implemented."""


class Changes(CseaModel):
    """What changed since the previous assessment."""

    previous_assessed_on: dt.date | None
    """When the previous assessment was made."""
    previous_score: float | None
    """Its score."""
    score: float | None
    """The score now."""
    moves: list[ChangeEntry]
    """Status changes, in catalogue order."""


class SourceView(CseaModel):
    """The regulator's view: one source's provisions and the service's standing on each."""

    id: str
    """Source id."""
    title: str
    """Source title."""
    issuer: str
    """Who issued it."""
    force: Force
    """How binding it is."""
    status: SourceStatus
    """Its status at the catalogue date."""
    jurisdictions: list[str]
    """Where it applies."""
    binds: bool
    """Whether it binds the service on the as-of date."""
    provisions: list[ProvisionEntry]
    """Every provision the catalogue lists, in the source's order."""


class VerificationNote(CseaModel):
    """How well the catalogue has verified the provisions behind the applicable obligations."""

    citations: int
    """Citations behind the applicable obligations."""
    secondary: int
    """How many are only secondarily verified or unverified."""


class ServiceReport(CseaModel):
    """The report on one assessed service."""

    summary: ServiceSummary
    """The service and its profile."""
    headline: Headline
    """The numbers at the top."""
    pillars: list[Scorecard]
    """Scorecard per pillar, in catalogue order."""
    sources: list[Scorecard]
    """Scorecard per source that binds the service."""
    gaps: list[GapEntry]
    """Obligations not fully met, most urgent first."""
    findings: list[FindingEntry]
    """Every finding, most serious first."""
    changes: Changes | None = None
    """What changed since the previous assessment, when one was given."""
    obligations: list[ObligationEntry]
    """Every applicable obligation shown, in catalogue order."""
    source_view: SourceView | None = None
    """The regulator's view, with ``--view source:ID``."""
    verification: VerificationNote
    """How well the cited provisions are verified."""


class OrganisationSummary(CseaModel):
    """Several services of one organisation, rolled up (reports on several assessments)."""

    organisation: str
    """The organisation."""
    services: list[str]
    """Its services."""
    applicable: int
    """Service-obligation pairs that apply."""
    score: float | None
    """Score over all of them."""
    legal_duties_unmet: int
    """Legal duties not implemented, over all services."""
    findings: dict[FindingLevel, int]
    """Findings at each level, over all services."""


class ReportDocument(CseaModel):
    """A whole report: one or several services against one catalogue version."""

    report_format: Literal["csea-report/1"] = "csea-report/1"
    """The version of this layout, for dashboards that read it."""
    generated_at: str | None = None
    """When it was generated, only when asked for (``--generated-at``)."""
    view: str
    """``pillar`` or ``source:<id>``."""
    redacted: bool
    """Whether evidence locations, notes, owners and labelled evidence were removed."""
    catalog: CatalogInfo
    """The catalogue used."""
    organisations: list[OrganisationSummary] = Field(default_factory=list)
    """Per-organisation roll-ups, when the report covers several services."""
    reports: list[ServiceReport]
    """One per assessed service, in the order given."""
