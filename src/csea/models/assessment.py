"""The assessment (``assessment.yaml``): one service's answers, obligation by obligation.

It lives in git next to the team's other work. ``csea init`` writes the skeleton,
people fill it in, ``csea check`` and ``csea report`` read it. Evidence is by
reference only: a URL or a path, never the material itself.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from enum import StrEnum
from typing import Annotated, Self

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from csea.models.base import CseaModel, Day, NonEmptyStr, Number, ObligationId, Slug, Url, Version
from csea.models.profile import ServiceProfile

__all__ = [
    "Answer",
    "Approval",
    "Assessment",
    "CatalogRef",
    "EvidenceRef",
    "IndicatorValue",
    "ReviewFlag",
    "ReviewReason",
    "Sensitivity",
    "Status",
]


class Status(StrEnum):
    """How far the service meets an obligation."""

    IMPLEMENTED = "implemented"
    """Fully in place, with evidence."""
    PARTIAL = "partial"
    """Partly in place; the rest is planned (give ``due``)."""
    PLANNED = "planned"
    """Not in place yet, with a plan and a ``due`` date."""
    NOT_IMPLEMENTED = "not_implemented"
    """A known gap; if it is an accepted risk, say who accepted it (``accepted_by``)."""
    NOT_APPLICABLE = "not_applicable"
    """Does not apply to this service; a ``justification`` is required."""
    NOT_ASSESSED = "not_assessed"
    """Not answered yet. Gets no credit in any score."""

    @property
    def strength(self) -> int | None:
        """How far it meets the obligation, 4 (implemented) down to 0 (not_assessed).

        None for not_applicable, which is not on that scale.
        """
        return _STRENGTH.get(self)


_STRENGTH = {
    Status.IMPLEMENTED: 4,
    Status.PARTIAL: 3,
    Status.PLANNED: 2,
    Status.NOT_IMPLEMENTED: 1,
    Status.NOT_ASSESSED: 0,
}


class Sensitivity(StrEnum):
    """A label on evidence that must not leave the company (``--redact`` removes it)."""

    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"
    PERSONAL_DATA = "personal_data"
    LEGALLY_PRIVILEGED = "legally_privileged"
    LAW_ENFORCEMENT_SENSITIVE = "law_enforcement_sensitive"


class EvidenceRef(CseaModel):
    """A reference to evidence (a document, a dashboard, a log extract); never the evidence itself."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["url"], "properties": {"url": {"type": "string"}}},
                {"required": ["path"], "properties": {"path": {"type": "string"}}},
            ]
        }
    )

    title: NonEmptyStr
    """What it is."""
    url: Url | None = None
    """Where it is, as a URL (give ``url`` or ``path``)."""
    path: NonEmptyStr | None = None
    """Where it is, as a path in a repository or a document store (give ``url`` or ``path``)."""
    collected: Day
    """When it was collected or last checked."""
    expires: Day | None = None
    """When it stops being valid (a certificate, an audit, a contract)."""
    sensitivity: Sensitivity | None = None
    """A label for evidence that must not be shared outside the company."""

    @model_validator(mode="after")
    def _one_location(self) -> Self:
        if (self.url is None) == (self.path is None):
            raise ValueError("give exactly one of 'url' or 'path' for each piece of evidence")
        return self


class IndicatorValue(CseaModel):
    """A measured value of one of the obligation's indicators, for a period."""

    id: Slug
    """The indicator id from the catalogue."""
    value: Number
    """The measured value, in the indicator's unit."""
    period: NonEmptyStr
    """The period it covers (``2026-Q3``, ``2026-10``, ``2026``)."""
    note: str | None = None
    """How it was measured."""


class ReviewReason(StrEnum):
    """Why csea asks a person to look at an answer again."""

    NO_LONGER_APPLIES = "no_longer_applies"
    """After a catalogue or profile change, the obligation no longer applies to the service."""
    CATALOG_CHANGED = "catalog_changed"
    """The obligation changed in a newer catalogue version."""
    SPLIT = "split"
    """The answer was carried from an obligation that was split."""
    MERGED = "merged"
    """The answer was carried from obligations that were merged."""
    RETIRED = "retired"
    """The obligation was retired; the answer is kept for the record."""


class ReviewFlag(CseaModel):
    """A flag csea sets (init, migrate) that a person clears by deleting it after review."""

    reason: ReviewReason
    """Why."""
    note: NonEmptyStr
    """What happened, in words (which version, which ids)."""
    raised: Day
    """When csea set it."""


class Answer(CseaModel):
    """The team's answer for one obligation."""

    status: Status = Status.NOT_ASSESSED
    """How far the service meets the obligation."""
    owner: str | None = None
    """Who is responsible (a team or a role)."""
    evidence: list[EvidenceRef] = Field(default_factory=list)
    """What shows it; by reference only."""
    due: Day | None = None
    """For planned and partial: when it will be in place."""
    accepted_by: str | None = None
    """For not_implemented: who accepted the risk."""
    accepted_on: Day | None = None
    """For not_implemented: when the risk was accepted."""
    justification: str | None = None
    """For not_applicable: why it does not apply (required)."""
    notes: str | None = None
    """Anything else."""
    indicators: list[IndicatorValue] = Field(default_factory=list)
    """Measured indicator values."""
    review: ReviewFlag | None = None
    """Set by csea when a person must look again; delete it once reviewed."""
    reviewed_by: NonEmptyStr | None = None
    """Who checked this answer (someone other than its owner); give ``reviewed_on`` too."""
    reviewed_on: Day | None = None
    """When they checked it; an answer changed after this day needs checking again."""

    @model_validator(mode="after")
    def _review_complete(self) -> Self:
        if (self.reviewed_by is None) != (self.reviewed_on is None):
            raise ValueError("give both 'reviewed_by' and 'reviewed_on', or neither")
        return self


class CatalogRef(CseaModel):
    """Which catalogue an assessment was made against."""

    id: Slug
    """Catalogue id (``csea``)."""
    version: Version
    """Catalogue version (``2026.11``)."""


ContentHash = Annotated[str, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]
"""``sha256:`` and 64 hex digits: the hash of an assessment's content and its profile."""


class Approval(CseaModel):
    """The sign-off of the assessment as a whole (``csea approve`` writes it)."""

    by: NonEmptyStr
    """Who approved it."""
    role: NonEmptyStr
    """In what role (``Head of Trust & Safety``)."""
    approved_on: Day
    """When. (Not ``on``: YAML 1.1 readers take that key for ``true``.)"""
    catalog: CatalogRef
    """The catalogue version the approved answers were made against."""
    content_hash: ContentHash
    """The hash of what was approved: every field but ``approval``, and the profile; any later
    change to them shows (``changed-after-approval``). Not a signature: git says who changed what."""


class Assessment(CseaModel):
    """One service's answers against one catalogue version."""

    catalog: CatalogRef
    """The catalogue and version the answers were made against."""
    profile: NonEmptyStr | ServiceProfile
    """The service profile: a path relative to this file, or the profile itself inline."""
    assessed_by: str | None = None
    """Who made the assessment."""
    assessed_on: Day | None = None
    """When it was last reviewed as a whole."""
    approval: Approval | None = None
    """The sign-off of the whole assessment, when it has one."""
    answers: dict[ObligationId, Answer] = Field(default_factory=dict)
    """Answers by obligation id."""
