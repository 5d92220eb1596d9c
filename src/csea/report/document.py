"""The report document: everything a report shows, computed once, read by every format.

[build_report][csea.report.build.build_report] turns evaluations into a
[ReportDocument][csea.report.document.ReportDocument]; each renderer (terminal,
Markdown, HTML, JSON, CSV, JUnit) only lays it out. The JSON format is this model as
data, and ``schema/report.schema.json`` is its JSON Schema.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import datetime as dt
from typing import Literal

from pydantic import Field

from csea.models.assessment import Status
from csea.models.base import CseaModel
from csea.models.evaluation import FindingLevel
from csea.models.regulator import RegulatorKind
from csea.models.vocabulary import Force, SourceStatus
from csea.report.rows import (
    ChangeEntry,
    DecisionItem,
    DutyLight,
    EvidenceItem,
    FindingEntry,
    GapEntry,
    ObligationEntry,
    PillarCell,
    ProvisionAnswer,
    ProvisionEntry,
    Standing,
    TrendPoint,
)

__all__ = [
    "Briefing",
    "CatalogInfo",
    "ChangeEntry",
    "Changes",
    "DecisionItem",
    "DutyLight",
    "EvidenceItem",
    "FindingEntry",
    "GapEntry",
    "Headline",
    "ObligationEntry",
    "OrganisationSummary",
    "PillarCell",
    "ProvisionAnswer",
    "ProvisionEntry",
    "RegulatorCard",
    "RegulatorView",
    "ReportDocument",
    "Scorecard",
    "ServiceReport",
    "ServiceSummary",
    "SourceView",
    "Standing",
    "TrendPoint",
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
    """Score out of 100 (None when nothing it counts has been assessed)."""
    weighted_score: float | None
    """Score weighted by force and risk (``csea.evaluation.scoring``); None as ``score``."""
    weighted_credit: float
    """Sum of credit x weight over the obligations counted (the weighted score's numerator)."""
    weight: float
    """Sum of their weights (its denominator)."""
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
    """Score out of 100 (None when nothing it counts has been assessed)."""
    weighted_score: float | None
    """Score weighted by force and risk (``csea.evaluation.scoring``); None as ``score``."""
    legal_duties_unmet: int | None
    """Legal duties not implemented: for a pillar, among its obligations; for a source,
    those it makes a legal duty for the service; None when a source makes none."""


class RegulatorCard(CseaModel):
    """One regulator's standing: every obligation its sources bind the service to."""

    id: str
    """Regulator id (``--view regulator:<id>``)."""
    name: str
    """The name readers know it by."""
    title: str
    """What its sources are, in a line."""
    kind: RegulatorKind
    """What kind of issuer it is; ``industry`` ones are shown apart, not scored for duty."""
    sources: list[str]
    """Ids of its sources that bind the service (their rows are in ``ServiceReport.sources``)."""
    applicable: int
    """How many applicable obligations its sources bind the service to."""
    counts: dict[Status, int]
    """How many have each status, every status listed, in the usual order."""
    score: float | None
    """Score out of 100 (None when nothing it counts has been assessed)."""
    weighted_score: float | None
    """Score weighted by force and risk; None as ``score``."""
    legal_duties: int | None
    """Obligations its sources make a legal duty for the service; None when they make none."""
    legal_duties_unmet: int | None
    """How many of those are not implemented; None when its sources make no legal duty."""
    pillars: list[PillarCell]
    """Its standing in each pillar, in catalogue order (the heat map)."""


class Briefing(CseaModel):
    """The first page: what leadership must decide or know, and the trend."""

    legal_duties_unmet: list[DecisionItem]
    """Legal duties for the service that are not implemented, in gap order."""
    overdue_plans: list[DecisionItem]
    """Plans (planned or partial) past their due date, most overdue first."""
    accepted_risks: list[DecisionItem]
    """Not implemented with the risk accepted; ``due`` is when the acceptance lapses."""
    undecided: list[DecisionItem]
    """Not implemented with no plan and nobody accepting the risk: a decision is missing."""
    assumed: list[DecisionItem]
    """Obligations treated as applying because the profile leaves a fact undeclared."""
    not_binding: list[str]
    """Names of the regulators (not industry) whose sources bind the service to nothing."""
    trend: list[TrendPoint]
    """The earlier assessments given and this one, oldest first (only this one without
    ``--previous``)."""


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


class RegulatorView(CseaModel):
    """The regulator's view: every provision of every source of one regulator."""

    id: str
    """Regulator id."""
    name: str
    """The name readers know it by."""
    title: str
    """What its sources are, in a line."""
    description: str
    """Who it is and why these sources belong together."""
    sources: list[SourceView]
    """Each of its sources, provision by provision, in the regulator's order."""


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
    briefing: Briefing
    """What leadership must decide or know (the first page)."""
    pillars: list[Scorecard]
    """Scorecard per pillar, in catalogue order."""
    regulators: list[RegulatorCard]
    """Scorecard per regulator whose sources bind the service, in the catalogue's order."""
    sources: list[Scorecard]
    """Scorecard per source that binds the service."""
    duty_lights: list[DutyLight]
    """Every legal duty for the service and the regulators that impose it, in gap order
    (unmet first), then catalogue order."""
    gaps: list[GapEntry]
    """Obligations not fully met, most urgent first."""
    findings: list[FindingEntry]
    """Every finding, most serious first."""
    changes: Changes | None = None
    """What changed since the previous assessment, when one was given."""
    obligations: list[ObligationEntry]
    """Every applicable obligation shown, in catalogue order."""
    source_view: SourceView | None = None
    """One source's provisions, with ``--view source:ID``."""
    regulator_view: RegulatorView | None = None
    """Every provision of one regulator's sources, with ``--view regulator:ID``."""
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
    """``pillar``, ``regulator:<id>`` or ``source:<id>``."""
    classification: str
    """The handling marking printed at the top and on every page (``Confidential``)."""
    redacted: bool
    """Whether evidence locations, notes, owners and labelled evidence were removed."""
    catalog: CatalogInfo
    """The catalogue used."""
    organisations: list[OrganisationSummary] = Field(default_factory=list)
    """Per-organisation roll-ups, when the report covers several services."""
    reports: list[ServiceReport]
    """One per assessed service, in the order given."""
