"""Obligations: one thing a platform is asked to do, with what it answers to and how to meet it."""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Annotated

from pydantic import Field

from csea.models.base import (
    CseaModel,
    NonEmptyStr,
    Number,
    ObligationId,
    ProvisionId,
    Slug,
    SourceId,
)
from csea.models.conditions import Condition
from csea.models.vocabulary import Direction, Relationship, Verification

__all__ = [
    "Citation",
    "EvidenceExpectation",
    "Indicator",
    "IndicatorTarget",
    "Measure",
    "Obligation",
    "Question",
]


class Citation(CseaModel):
    """A provision the obligation answers to, and how closely."""

    source: SourceId
    """Id of a source in ``sources.yaml``."""
    provision: ProvisionId
    """Id of one of that source's provisions."""
    relationship: Relationship
    """How the obligation relates to the provision."""
    verification: Verification
    """How sure the catalogue is that the provision says what this citation relies on."""
    applies_when: Condition | None = None
    """When this provision binds the service, beyond its source's jurisdictions and status
    (Ofcom's size and risk thresholds, the DSA's hosting services...). Absent means
    whenever the source applies."""
    note: str | None = None
    """Scope limits and caveats (for example "content communicated publicly only")."""
    quote: Annotated[str, Field(max_length=120)] | None = None
    """A short quotation from the provision, in its own words; keep it under 15 words."""


class Measure(CseaModel):
    """One concrete way to meet the obligation."""

    id: Slug
    """Id unique within the obligation (``hash-matching-images``)."""
    name: NonEmptyStr
    """Short name."""
    description: NonEmptyStr
    """What it is and how it helps, described neutrally."""
    examples: list[NonEmptyStr] = Field(default_factory=list)
    """Named products or services as examples, never as requirements."""


class Question(CseaModel):
    """What an assessor asks to decide how far the obligation is met."""

    id: Slug
    """Id unique within the obligation (``q1``)."""
    text: NonEmptyStr
    """The question."""


class EvidenceExpectation(CseaModel):
    """A kind of evidence that would show the obligation is met (never the evidence itself)."""

    id: Slug
    """Id unique within the obligation."""
    description: NonEmptyStr
    """What the evidence is (a policy, a log extract, a metric, a contract)."""


class IndicatorTarget(CseaModel):
    """A target for an indicator, set by a source (never invented)."""

    value: Number
    """The target figure, in the indicator's unit."""
    source: SourceId
    """The source that sets it."""
    provision: ProvisionId
    """The provision that sets it."""


class Indicator(CseaModel):
    """A measurable figure that shows progress on the obligation."""

    id: Slug
    """Id unique within the obligation."""
    name: NonEmptyStr
    """What is measured."""
    unit: NonEmptyStr
    """Unit (``hours``, ``percent``, ``reports per month``)."""
    direction: Direction
    """Which way is better."""
    target: IndicatorTarget | None = None
    """A target, only where a cited source sets one."""


class Obligation(CseaModel):
    """One thing a platform is asked to do, in plain words, with its citations and how to assess it."""

    id: ObligationId
    """Stable id with its pillar's prefix (``BLOCK-01``); never reused once retired."""
    pillar: Slug
    """Id of the pillar (demand) it belongs to; must match the folder the file is in."""
    title: NonEmptyStr
    """Short title."""
    statement: NonEmptyStr
    """What the platform must do, in plain words."""
    rationale: NonEmptyStr
    """Why: the harm it addresses and why the sources ask for it."""
    applies_when: Condition | None = None
    """When it applies; absent means it applies to every service."""
    applicability_note: str | None = None
    """Scope limits that the conditions cannot express, in plain words."""
    citations: Annotated[list[Citation], Field(min_length=1)]
    """The provisions it answers to."""
    measures: list[Measure] = Field(default_factory=list)
    """Ways to meet it."""
    questions: list[Question] = Field(default_factory=list)
    """What an assessor asks."""
    evidence: list[EvidenceExpectation] = Field(default_factory=list)
    """What would prove it."""
    indicators: list[Indicator] = Field(default_factory=list)
    """Figures that show progress."""
    related: list[ObligationId] = Field(default_factory=list)
    """Other obligations that touch the same ground."""
