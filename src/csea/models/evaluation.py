"""The evaluation: what csea computes from catalogue + profile + assessment.

Every renderer (terminal, Markdown, HTML, JSON, CSV, JUnit) reads only this model,
so every number in a report can be traced to the answers it came from: each
roll-up lists the obligation ids it counted.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import datetime as dt
from collections.abc import Iterable
from typing import Self

from pydantic import Field, PrivateAttr

from csea.models.applicability import Applicability
from csea.models.assessment import Status
from csea.models.base import CseaModel
from csea.models.profile import ServiceProfile
from csea.models.vocabulary import Direction, Force, Harm, OrderedEnum, RiskLevel

__all__ = [
    "Evaluation",
    "Finding",
    "FindingLevel",
    "Gap",
    "IndicatorResult",
    "ObligationResult",
    "OrganisationRollup",
    "Portfolio",
    "Progress",
    "RiskBasis",
    "Rollup",
    "StatusMove",
]


class FindingLevel(OrderedEnum):
    """How serious a finding is, most serious first; ``csea check --fail-on`` compares against it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(CseaModel):
    """Something in an assessment that needs attention."""

    code: str
    """Stable kind (``missing-evidence``, ``stale-evidence``, ``na-on-legal-duty``...)."""
    level: FindingLevel
    """How serious."""
    message: str
    """What is wrong and what to do, in plain words."""
    obligation_id: str | None = None
    """The obligation it is about, when it is about one."""
    file: str | None = None
    """The assessment file."""
    line: int | None = None
    """1-based line in the assessment file, where known."""
    private: str | None = Field(default=None, exclude=True)
    """Text the message quotes from a field ``--redact`` removes (the title of a labelled
    piece of evidence, a review note): a redacted report shows ``[redacted]`` in its place.
    Not part of the finding's JSON."""


class IndicatorResult(CseaModel):
    """One measured indicator value, set against the catalogue's target where one exists."""

    id: str
    """Indicator id (as given in the assessment)."""
    name: str | None
    """Indicator name from the catalogue (None when the obligation has no such indicator)."""
    unit: str | None
    """Its unit."""
    direction: Direction | None
    """Which way is better."""
    value: float
    """The measured value."""
    period: str
    """The period it covers."""
    target: float | None = None
    """The catalogue's target, only where a cited source sets one."""
    target_source: str | None = None
    """``source provision`` that sets the target."""
    met: bool | None = None
    """Whether the value meets the target (None without a target)."""
    percent_of_target: float | None = None
    """How far the value is towards the target, in percent (100 or more: met); see
    ``csea.evaluation.scoring`` for the formula. None without a target."""


class RiskBasis(CseaModel):
    """The profile's risk level for the harms an obligation addresses (see ``csea.catalog.harms``)."""

    harms: list[Harm]
    """The harms the obligation addresses."""
    harm: Harm
    """The one that sets the level: the highest declared, or the first left undeclared."""
    level: RiskLevel
    """Its level; an undeclared harm counts as high (fail closed)."""
    declared: bool
    """Whether the profile declares that harm's level."""


class ObligationResult(CseaModel):
    """One applicable obligation as evaluated for the service."""

    id: str
    """Obligation id."""
    title: str
    """Obligation title."""
    pillar: str
    """Pillar id."""
    force: Force | None
    """Its force for this service (strongest binding citation)."""
    binding_sources: list[str]
    """Ids of the sources that bind the service to it."""
    reasons: list[str]
    """Why it applies."""
    assumed: bool = False
    """It applies, or has this force, only because of facts the profile does not declare."""
    undeclared: list[str] = Field(default_factory=list)
    """The facts to declare to settle whether it applies and how binding it is."""
    status: Status
    """The team's status (``not_assessed`` when unanswered)."""
    answered: bool
    """Whether the assessment has an answer for it."""
    credit: float | None
    """Its contribution to scores (0 to 1), or None when excluded (justified not_applicable)."""
    owner: str | None = None
    """Who is responsible."""
    due: dt.date | None = None
    """When planned work is due."""
    evidence_count: int = 0
    """How many pieces of evidence are referenced."""
    findings: list[Finding] = Field(default_factory=list)
    """Findings about this obligation."""
    indicators: list[IndicatorResult] = Field(default_factory=list)
    """Measured indicator values, against their targets where the catalogue sets one."""
    risk: RiskBasis | None = None
    """The profile's risk level for the harms it addresses (None: the catalogue names none)."""


class Rollup(CseaModel):
    """Counts and score over a group of obligations (a pillar, a source, or all)."""

    id: str
    """Pillar id, source id, or ``all``."""
    title: str
    """Its title."""
    obligation_ids: list[str]
    """The applicable obligations counted, in catalogue order."""
    counts: dict[Status, int]
    """How many obligations have each status (every status present, zeros included)."""
    excluded: int
    """How many were left out of the score (justified not_applicable)."""
    credit: float
    """Sum of credits."""
    denominator: int
    """How many obligations the score is out of."""
    score: float | None
    """``100 * credit / denominator``, rounded to one decimal; None when the denominator is 0."""
    legal_duties_unmet: int
    """Obligations that are a legal duty for the service and not implemented."""
    to_target: float | None = None
    """Percent-to-target: the share of the score still missing to reach the target (every
    counted obligation implemented), ``100 - score``; None when the denominator is 0."""


class Gap(CseaModel):
    """An applicable obligation that is not fully met, ranked for the gap list."""

    rank: int
    """1 for the most urgent."""
    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    pillar: str
    """Its pillar."""
    force: Force | None
    """Its force for the service."""
    status: Status
    """Its status."""
    owner: str | None = None
    """Who is responsible."""
    due: dt.date | None = None
    """When it is due."""
    worst_finding: FindingLevel | None = None
    """The most serious finding about it."""
    risk: RiskBasis | None = None
    """The profile's risk level for the harms it addresses (None: the catalogue names none)."""
    reason: str = ""
    """Why it ranks where it does, in words: force, risk, how far from met, due date."""


class StatusMove(CseaModel):
    """An obligation whose status differs from the previous assessment."""

    obligation_id: str
    """The obligation."""
    before: Status | None
    """Status in the previous assessment (None: not there)."""
    after: Status | None
    """Status now (None: no longer there)."""


class Progress(CseaModel):
    """How the service moved since a previous assessment."""

    previous_assessed_on: dt.date | None
    """When the previous assessment was made."""
    previous_score: float | None
    """Overall score then."""
    score: float | None
    """Overall score now."""
    changes: list[StatusMove]
    """Status changes, in catalogue order, then obligations no longer in the evaluation."""


class Evaluation(CseaModel):
    """Everything a report shows about one assessed service."""

    catalog_id: str
    """Catalogue id."""
    catalog_version: str
    """Catalogue version used."""
    catalog_date: dt.date
    """Date of that catalogue version."""
    as_of: dt.date
    """The date applicability and evidence age were judged on."""
    profile: ServiceProfile
    """The service profile."""
    assessment_file: str | None = None
    """The assessment file, as named by the user."""
    assessed_by: str | None = None
    """Who made the assessment."""
    assessed_on: dt.date | None = None
    """When."""
    obligations: list[ObligationResult]
    """Every applicable obligation, in catalogue order."""
    findings: list[Finding]
    """Every finding, those about obligations and those about the file as a whole."""
    total: Rollup
    """All applicable obligations."""
    pillars: list[Rollup]
    """One per pillar, in catalogue order (pillars with no applicable obligation included)."""
    sources: list[Rollup]
    """One per source that binds the service to at least one obligation (the regulator's view)."""
    gaps: list[Gap]
    """Applicable obligations not fully met, most urgent first."""
    progress: Progress | None = None
    """Change since a previous assessment, when one was given."""
    secondary_citations: int = 0
    """How many citations behind the applicable obligations are only secondarily verified or unverified."""
    _verdicts: tuple[Applicability, ...] = PrivateAttr(default=())

    @property
    def verdicts(self) -> tuple[Applicability, ...]:
        """How every catalogue obligation came out for the profile on ``as_of``, applicable or not.

        Kept from the evaluation itself (not a field: never validated or serialized), so a
        report reads them instead of deciding applicability again. Empty for an evaluation
        not made by [evaluate][csea.evaluation.engine.evaluate].
        """
        return self._verdicts

    def with_verdicts(self, verdicts: Iterable[Applicability]) -> Self:
        """A copy of this evaluation that keeps the verdicts it was computed from."""
        copy = self.model_copy()
        copy._verdicts = tuple(verdicts)
        return copy


class OrganisationRollup(CseaModel):
    """One organisation's services rolled up together (each service-obligation pair counts once)."""

    organisation: str
    """The organisation."""
    services: list[str]
    """Its services, in the order given."""
    total: Rollup
    """Over every applicable obligation of every service; ids are ``service:OBLIGATION``."""
    pillars: list[Rollup]
    """One per pillar, in catalogue order."""
    sources: list[Rollup]
    """One per source that binds at least one of its services, in catalogue order."""
    findings: dict[FindingLevel, int]
    """How many findings its services have at each level (every level present)."""


class Portfolio(CseaModel):
    """Several assessed services (one assessment each), rolled up per organisation."""

    catalog_id: str
    """Catalogue id."""
    catalog_version: str
    """Catalogue version used for every service."""
    as_of: dt.date
    """The date every service was judged on."""
    evaluations: list[Evaluation]
    """One per service, in the order given."""
    organisations: list[OrganisationRollup]
    """One per organisation, sorted by name."""
