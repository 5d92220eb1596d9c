"""The rows of a report: one obligation, one gap, one finding, one change, one provision.

[ReportDocument][csea.report.document.ReportDocument] is made of these; they
are models so the JSON format and its schema describe them field by field.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import datetime as dt
from enum import StrEnum

from pydantic import Field

from csea.models.assessment import Sensitivity, Status
from csea.models.base import CseaModel
from csea.models.evaluation import FindingLevel, IndicatorResult
from csea.models.vocabulary import Force, Verification

__all__ = [
    "ChangeEntry",
    "DecisionItem",
    "DutyLight",
    "EvidenceItem",
    "FindingEntry",
    "GapEntry",
    "ObligationEntry",
    "PillarCell",
    "ProvisionAnswer",
    "ProvisionEntry",
    "Standing",
    "TrendPoint",
]


class FindingEntry(CseaModel):
    """A finding, as shown in the report."""

    level: FindingLevel
    """How serious."""
    code: str
    """Stable kind."""
    message: str
    """What is wrong and what to do."""
    obligation_id: str | None = None
    """The obligation it is about."""
    line: int | None = None
    """Line in the assessment file."""


class EvidenceItem(CseaModel):
    """A piece of evidence, by reference."""

    title: str
    """What it is."""
    location: str | None = None
    """Its URL or path (removed by ``--redact``)."""
    collected: dt.date
    """When it was collected."""
    expires: dt.date | None = None
    """When it stops being valid."""
    sensitivity: Sensitivity | None = None
    """Its sensitivity label (labelled evidence is removed by ``--redact``)."""


class ObligationEntry(CseaModel):
    """One applicable obligation with the team's answer."""

    id: str
    """Obligation id."""
    title: str
    """Obligation title."""
    pillar: str
    """Pillar id."""
    force: Force | None
    """Its force for the service."""
    assumed: bool = False
    """It applies, or has this force, only because of facts the profile does not declare."""
    undeclared: list[str] = Field(default_factory=list)
    """The facts to declare to settle whether it applies and how binding it is."""
    binding_sources: list[str]
    """Ids of the sources that bind the service to it."""
    status: Status
    """The team's status."""
    credit: float | None
    """Its contribution to the score (None: left out)."""
    owner: str | None = None
    """Who is responsible (removed by ``--redact``)."""
    due: dt.date | None = None
    """When planned work is due."""
    accepted_by: str | None = None
    """Who accepted the risk (removed by ``--redact``)."""
    justification: str | None = None
    """Why it does not apply (removed by ``--redact``)."""
    notes: str | None = None
    """The team's notes (removed by ``--redact``)."""
    evidence: list[EvidenceItem] = Field(default_factory=list)
    """Evidence referenced."""
    evidence_withheld: int = 0
    """Evidence left out because it carries a sensitivity label (``--redact``)."""
    indicators: list[IndicatorResult] = Field(default_factory=list)
    """Measured indicators, against targets where a source sets one."""
    findings: list[FindingEntry] = Field(default_factory=list)
    """Findings about it."""
    gap_rank: int | None = None
    """Its rank in the gap list, when it is a gap."""
    weight: float | None = None
    """Its weight in the weighted score (None: left out of the score)."""
    weight_parts: str = ""
    """How the weight is made up (``legal duty 3 x grooming risk high 2``)."""


class GapEntry(CseaModel):
    """One row of the ranked gap list."""

    rank: int
    """1 for the most urgent."""
    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    pillar: str
    """Its pillar title."""
    force: Force | None
    """Its force for the service."""
    status: Status
    """Its status."""
    owner: str | None = None
    """Who is responsible (removed by ``--redact``)."""
    due: dt.date | None = None
    """When it is due."""
    overdue: bool = False
    """Whether the due date is before the report's as-of date."""
    worst_finding: FindingLevel | None = None
    """The most serious finding about it."""
    reason: str
    """Why it ranks where it does: force, risk, how far from met, due date."""
    regulators: list[str] = Field(default_factory=list)
    """The names of the regulators whose sources give it its force for the service."""


class DecisionItem(CseaModel):
    """One thing leadership must decide or know about, on the report's first page."""

    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    force: Force | None
    """Its force for the service."""
    status: Status
    """Its status."""
    regulators: list[str]
    """The names of the regulators whose sources give it its force for the service."""
    owner: str | None = None
    """Who is responsible (removed by ``--redact``)."""
    due: dt.date | None = None
    """When the plan is due, or, for an accepted risk, when the acceptance lapses."""
    overdue: bool = False
    """Whether that date is before the report's as-of date."""
    accepted_by: str | None = None
    """For an accepted risk: who accepted it (removed by ``--redact``)."""
    accepted_on: dt.date | None = None
    """For an accepted risk: when it was accepted."""
    facts: list[str] = Field(default_factory=list)
    """For assumed applicability: the profile facts to declare to settle it."""


class TrendPoint(CseaModel):
    """One assessment of the service in the score trend, oldest first."""

    assessed_on: dt.date
    """When it was assessed; where the file does not say, the day it was judged on (for a
    version read from git, its commit's date)."""
    current: bool
    """Whether it is the assessment this report is about."""
    score: float | None
    """Its score (None: nothing it counts was assessed)."""
    weighted_score: float | None
    """Its weighted score (None: nothing it counts was assessed)."""
    legal_duties_unmet: int
    """Legal duties not met then."""
    gaps: int
    """Gaps then."""


class ChangeEntry(CseaModel):
    """An obligation whose status changed since the previous assessment."""

    obligation_id: str
    """The obligation."""
    title: str
    """Its title (or the id, when it is no longer in the catalogue)."""
    before: Status | None
    """Status then (None: not there)."""
    after: Status | None
    """Status now (None: no longer there)."""


class Standing(StrEnum):
    """How the service stands against one provision of a source."""

    MET = "met"
    """Every applicable obligation answering it is implemented (or justified not applicable)."""
    PARTLY_MET = "partly_met"
    """Some of it is in place."""
    NOT_MET = "not_met"
    """Nothing answering it is in place."""
    NOT_ASSESSED = "not_assessed"
    """Nothing answering it has been assessed."""
    UPCOMING = "upcoming"
    """It would apply to this service but is not in force yet (or only proposed)."""
    NOT_APPLICABLE = "not_applicable"
    """It does not reach this service (or every obligation answering it is justified not applicable)."""
    NOT_COVERED = "not_covered"
    """No obligation in the catalogue cites it."""


class ProvisionAnswer(CseaModel):
    """An applicable obligation answering a provision, and its status."""

    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    status: Status
    """Its status."""


class ProvisionEntry(CseaModel):
    """One provision of a source, in the source's own order."""

    id: str
    """Provision id in the source's numbering."""
    title: str
    """Its title (a paraphrase)."""
    depth: int
    """0 for a top-level provision, 1 for a part of one, and so on."""
    verification: Verification
    """How sure the catalogue is of it."""
    standing: Standing
    """How the service stands against it."""
    answered_by: list[ProvisionAnswer]
    """The applicable obligations citing it."""
    not_applicable_here: list[str]
    """Catalogue obligations citing it that do not apply to this service."""
    uncited_reason: str | None = None
    """Why the catalogue does not cite it, when it does not."""


class PillarCell(CseaModel):
    """One cell of the regulator x pillar heat map."""

    pillar: str
    """Pillar id."""
    applicable: int
    """The regulator's applicable obligations in that pillar."""
    implemented: int
    """How many of them are implemented."""
    standing: Standing
    """Met, partly met, not met, not assessed, or not applicable (none apply)."""


class DutyLight(CseaModel):
    """One row of the legal-duty traffic lights: a legal duty and who imposes it."""

    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    status: Status
    """Its status."""
    regulators: list[str]
    """The ids of the regulators whose sources make it a legal duty for the service."""
