"""Sources (documents that ask something of platforms) and their provisions."""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import datetime as dt
from functools import cached_property
from typing import Annotated, Self

from pydantic import Field, model_validator

from csea.models.base import (
    CseaModel,
    Day,
    JurisdictionCode,
    NonEmptyStr,
    ProvisionId,
    SourceId,
    Url,
)
from csea.models.vocabulary import Force, SourceKind, SourceStatus, Verification

__all__ = ["Provision", "Source", "SourcesFile", "StatusChange"]


class StatusChange(CseaModel):
    """One dated change in a source's status (made, in force, lapsed...)."""

    date: Day
    """The day the new status took effect."""
    status: SourceStatus
    """The status from that day on."""
    note: str | None = None
    """What happened (Royal Assent, commencement regulations, expiry)."""
    verification: Verification
    """How sure the catalogue is of this date."""


class Provision(CseaModel):
    """One numbered part of a source: a section, article, measure code, principle or ask."""

    id: ProvisionId
    """Id unique within the source, in the source's own numbering where it has one (``s66``, ``C9``)."""
    title: NonEmptyStr
    """Plain-words title (a paraphrase, not the source's text)."""
    part_of: ProvisionId | None = None
    """Id of the parent provision in the same source, for subsections and sub-measures."""
    in_force: Day | None = None
    """The day this provision began (or begins) to apply, where it differs from its source."""
    status: SourceStatus | None = None
    """This provision's status where it differs from its source's (for example a proposed amendment)."""
    force: Force | None = None
    """This provision's force where it differs from its source's (an Act's section that only sets
    expectations, say, rather than an enforceable duty)."""
    verification: Verification
    """How sure the catalogue is that this provision exists with this number and title."""
    note: str | None = None
    """Caveats: what is unverified, what the provision covers."""


class Source(CseaModel):
    """A document that asks something of platforms, with the provisions the catalogue knows of."""

    id: SourceId
    """Stable key ``<scope>.<instrument>`` (``uk.osa2023``, ``eu.dsa``, ``vol.vp2020``)."""
    title: NonEmptyStr
    """Full title."""
    short_title: Annotated[str, Field(min_length=1, max_length=24)]
    """Short label for table columns."""
    issuer: NonEmptyStr
    """Who issued it (a parliament, a regulator, an agency, an industry body)."""
    jurisdictions: Annotated[list[JurisdictionCode], Field(min_length=1)]
    """Where it applies: country codes, ``EU``, or ``INT`` for international and industry-wide sources."""
    kind: SourceKind
    """What kind of document it is."""
    force: Force
    """How binding it is where it applies and while it is in force."""
    status: SourceStatus
    """Its status at the catalogue's version date."""
    date: Day | None = None
    """The document's own date (made, adopted, published or announced)."""
    url: Url | None = None
    """A public copy of the document."""
    verification: Verification
    """How sure the catalogue is of this source's dates and status."""
    notes: str | None = None
    """Caveats and context."""
    timeline: list[StatusChange] = Field(default_factory=list)
    """Dated status changes, oldest first; the last one matches ``status``."""
    provisions: Annotated[list[Provision], Field(min_length=1)]
    """The provisions the catalogue knows of, in the source's own order."""

    @model_validator(mode="after")
    def _timeline_consistent(self) -> Self:
        dates = [change.date for change in self.timeline]
        if dates != sorted(dates):
            raise ValueError("timeline entries must be in date order, oldest first")
        if self.timeline and self.timeline[-1].status != self.status:
            raise ValueError(
                f"the last timeline entry says '{self.timeline[-1].status}' but status is "
                f"'{self.status}'; they must agree"
            )
        return self

    @cached_property
    def _provisions_by_id(self) -> dict[str, Provision]:
        return {p.id: p for p in self.provisions}

    def provision(self, provision_id: str) -> Provision | None:
        """The provision with this id, or ``None``."""
        return self._provisions_by_id.get(provision_id)

    def force_of(self, provision_id: str) -> Force:
        """The force of one provision: its own where it has one, else the source's."""
        provision = self.provision(provision_id)
        return provision.force if provision is not None and provision.force else self.force

    def provision_status_on(self, provision_id: str, day: dt.date) -> SourceStatus:
        """The status of one provision on a day, from the provision and its source.

        A provision that is itself proposed or lapsed keeps that status. Otherwise it
        follows its source's timeline, and is not yet in force before its own
        ``in_force`` date. Before a source's first timeline entry it is not in force.
        """
        provision = self.provision(provision_id)
        if provision is not None and provision.status in (
            SourceStatus.PROPOSED,
            SourceStatus.LAPSED,
        ):
            return provision.status
        status = self.status_on(day) or SourceStatus.ADOPTED_NOT_IN_FORCE
        if status not in (SourceStatus.IN_FORCE, SourceStatus.VOLUNTARY) or provision is None:
            return status
        if provision.in_force is not None:
            return status if day >= provision.in_force else SourceStatus.ADOPTED_NOT_IN_FORCE
        return provision.status or status

    def status_on(self, day: dt.date) -> SourceStatus | None:
        """The source's status on a day, from its timeline; ``None`` before its first entry.

        A source without a timeline has its ``status`` on every day.
        """
        if not self.timeline:
            return self.status
        current: SourceStatus | None = None
        for change in self.timeline:
            if change.date <= day:
                current = change.status
        return current


class SourcesFile(CseaModel):
    """The layout of ``obligations/sources.yaml``."""

    sources: Annotated[list[Source], Field(min_length=1)]
    """Every source the catalogue cites or tracks."""
