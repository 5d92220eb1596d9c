"""What is read from a catalogue directory before the cross-file checks run.

The [loader][csea.catalog.loader] fills a [CatalogFiles][csea.catalog.files.CatalogFiles]
(each model with the document it came from, for locating problems); the
[checks][csea.catalog.checks] read it; once they pass, it becomes a
[Catalog][csea.Catalog].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from csea.errors import Problem
from csea.models import (
    Catalog,
    CatalogHeader,
    KindsFile,
    Obligation,
    RegulatorsFile,
    ReviewCyclesFile,
    Source,
    UncitedFile,
)
from csea.models.compact import FieldSets
from csea.yamlio.reader import Within, YamlDocument

__all__ = ["CatalogFiles", "Loaded"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A model together with the document it was read from (for locating problems)."""

    model: M
    doc: YamlDocument
    folder: str = ""
    """For obligations: the folder (pillar id) the file is in."""
    index: int = 0
    """For sources: the position in its document's ``sources`` list."""


@dataclass
class CatalogFiles:
    """Everything read from a catalogue directory, before the cross-file checks."""

    root: Path
    header: Loaded[CatalogHeader] | None = None
    sources: list[Loaded[Source]] = field(default_factory=list)
    """Each source with the document holding it and its index there."""
    obligations: list[Loaded[Obligation]] = field(default_factory=list)
    uncited: Loaded[UncitedFile] | None = None
    cycles: Loaded[ReviewCyclesFile] | None = None
    """``review-cycles.yaml``, when the catalogue has one."""
    kinds: Loaded[KindsFile] | None = None
    regulators: Loaded[RegulatorsFile] | None = None
    """``regulators.yaml``, when the catalogue has one."""
    invalid_ids: set[str] = field(default_factory=set)
    """Ids of sources and obligations that failed validation (checks do not cascade from them)."""
    folders_with_files: set[str] = field(default_factory=set)
    """Pillar folders holding at least one YAML file, valid or not."""
    problems: list[Problem] = field(default_factory=list)
    """Problems met while reading and validating single files."""
    field_sets: FieldSets = field(default_factory=FieldSets, repr=False, compare=False)
    """The field-set records the models read so far share (see [csea.models.compact][])."""
    within: Within = field(init=False, repr=False, compare=False)
    """The directory its files must stay inside, resolved once for all of them."""
    cwd: Path = field(init=False, repr=False, compare=False)
    """The working directory, resolved once (messages name files relative to it)."""

    def __post_init__(self) -> None:
        self.within = Within(self.root)
        self.cwd = Path.cwd().resolve()

    def to_catalog(self) -> Catalog:
        """Assemble the catalogue (call only when there are no errors)."""
        assert self.header is not None
        order = {p.id: i for i, p in enumerate(self.header.model.pillars)}
        obligations = sorted(
            (o.model for o in self.obligations),
            key=lambda o: (order.get(o.pillar, len(order)), o.id),
        )
        return Catalog(
            header=self.header.model,
            sources=[s.model for s in self.sources],
            obligations=obligations,
            uncited=self.uncited.model.uncited if self.uncited else [],
            review_cycles=self.cycles.model.cycles if self.cycles else [],
            implications=self.kinds.model.implications if self.kinds else [],
            regulators=self.regulators.model.regulators if self.regulators else [],
            root=self.root,
        )
