"""The catalogue: its header (``catalog.yaml``), pillars, change log, and the loaded whole."""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import Field

from csea.models.base import CseaModel, Day, NonEmptyStr, ObligationId, Slug, Version
from csea.models.kinds import KindImplication
from csea.models.obligation import Obligation
from csea.models.regulator import Regulator, RegulatorKind
from csea.models.review import ReviewCycle
from csea.models.source import Source
from csea.models.uncited import UncitedProvision
from csea.models.vocabulary import Harm

__all__ = ["Catalog", "CatalogHeader", "Change", "ChangeKind", "Pillar"]


class Pillar(CseaModel):
    """One of the demands the obligations are grouped under."""

    id: Slug
    """Pillar id (``block``, ``grooming``...); also the name of its folder."""
    prefix: Annotated[str, Field(pattern=r"^[A-Z]+$")]
    """Obligation id prefix for this pillar (``BLOCK``)."""
    title: NonEmptyStr
    """Short title."""
    demand: NonEmptyStr
    """The demand in plain words."""
    description: NonEmptyStr
    """What belongs in this pillar, and why borderline topics were put here."""
    harms: list[Harm] = Field(default_factory=list)
    """The kinds of harm its obligations address, unless an obligation's risk conditions
    name its own; the profile's risk levels for them rank gaps and weight the score
    ([csea.evaluation.scoring][]). Empty: none named, so risk ranks nothing here."""


class ChangeKind(StrEnum):
    """What happened to obligation ids between two catalogue versions."""

    ADDED = "added"
    CHANGED = "changed"
    SPLIT = "split"
    MERGED = "merged"
    RETIRED = "retired"


class Change(CseaModel):
    """One entry of the catalogue change log."""

    version: Version
    """The catalogue version the change arrived in."""
    kind: ChangeKind
    """What happened."""
    ids: Annotated[list[ObligationId], Field(min_length=1)]
    """The obligation ids the change is about (old ids for split, merged and retired)."""
    into: list[ObligationId] = Field(default_factory=list)
    """For split and merged: the ids that replace ``ids``; for retired: an optional successor."""
    reason: NonEmptyStr
    """Why."""


class CatalogHeader(CseaModel):
    """The layout of ``obligations/catalog.yaml``."""

    id: Slug
    """Catalogue id (``csea``, or a team's own)."""
    title: NonEmptyStr
    """Catalogue title."""
    version: Version
    """Calendar version (``2026.11``)."""
    date: Day
    """The day this version's statuses were last reviewed."""
    description: str | None = None
    """What the catalogue covers."""
    pillars: Annotated[list[Pillar], Field(min_length=1)]
    """The demands, in display order."""
    changes: list[Change] = Field(default_factory=list)
    """Change log mapping obligation ids between versions, oldest first."""


class Catalog(CseaModel):
    """A loaded, checked catalogue: header, sources and obligations."""

    header: CatalogHeader
    """The contents of ``catalog.yaml``."""
    sources: list[Source]
    """The sources, in file order."""
    obligations: list[Obligation]
    """The obligations, ordered by pillar (in header order) then id."""
    uncited: list[UncitedProvision] = Field(default_factory=list)
    """Provisions deliberately left uncited, with reasons."""
    review_cycles: list[ReviewCycle] = Field(default_factory=list)
    """How often sources ask for an assessment to be reviewed (``review-cycles.yaml``)."""
    implications: list[KindImplication] = Field(default_factory=list)
    """Kinds of service that the law makes sub-kinds of others (``kinds.yaml``)."""
    regulators: list[Regulator] = Field(default_factory=list)
    """The regulators from ``regulators.yaml`` (empty when the catalogue has none)."""
    root: Path | None = None
    """The directory it was loaded from."""

    @property
    def version(self) -> str:
        """The catalogue version."""
        return self.header.version

    @property
    def pillars(self) -> list[Pillar]:
        """The pillars, in display order."""
        return self.header.pillars

    @cached_property
    def _obligations_by_id(self) -> dict[str, Obligation]:
        return {o.id: o for o in self.obligations}

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _pillars_by_id(self) -> dict[str, Pillar]:
        return {p.id: p for p in self.header.pillars}

    @cached_property
    def regulator_groups(self) -> list[Regulator]:
        """The regulators, or, for a catalogue without ``regulators.yaml``, one per source.

        Reports group sources by these; in a catalogue that declares none, each source is
        its own group, named by its short title.
        """
        if self.regulators:
            return self.regulators
        return [
            Regulator(
                id=source.id.replace(".", "-").lower(),
                name=source.short_title,
                title=source.title,
                kind=RegulatorKind.AUTHORITY,
                jurisdictions=source.jurisdictions,
                description=source.issuer,
                sources=[source.id],
            )
            for source in self.sources
        ]

    @cached_property
    def _regulators_by_source(self) -> dict[str, Regulator]:
        return {s: r for r in self.regulator_groups for s in r.sources}

    def regulator(self, regulator_id: str) -> Regulator | None:
        """The regulator group with this id, or ``None``."""
        return next((r for r in self.regulator_groups if r.id == regulator_id), None)

    def regulator_of(self, source_id: str) -> Regulator | None:
        """The regulator group a source belongs to, or ``None``."""
        return self._regulators_by_source.get(source_id)

    def obligation(self, obligation_id: str) -> Obligation | None:
        """The obligation with this id, or ``None``."""
        return self._obligations_by_id.get(obligation_id)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None``."""
        return self._sources_by_id.get(source_id)

    def pillar(self, pillar_id: str) -> Pillar | None:
        """The pillar with this id, or ``None``."""
        return self._pillars_by_id.get(pillar_id)

    def retired_ids(self) -> set[str]:
        """Ids retired, split or merged away in the change log: never to be reused."""
        gone = {ChangeKind.RETIRED, ChangeKind.SPLIT, ChangeKind.MERGED}
        return {i for change in self.header.changes if change.kind in gone for i in change.ids}
