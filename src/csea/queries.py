"""Questions asked of a loaded catalogue.

Which obligations match a filter, and what each source's coverage is. Pure functions
over the models; rendering lives elsewhere.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from csea.errors import InputError, Problem
from csea.models import Catalog, Obligation, Provision, Source

__all__ = [
    "ProvisionCoverage",
    "SourceCoverage",
    "obligation_jurisdictions",
    "select_obligations",
    "source_coverage",
]


def obligation_jurisdictions(catalog: Catalog, obligation: Obligation) -> list[str]:
    """Every jurisdiction of the sources an obligation cites, sorted."""
    found: set[str] = set()
    for citation in obligation.citations:
        source = catalog.source(citation.source)
        if source is not None:
            found.update(source.jurisdictions)
    return sorted(found)


def select_obligations(
    catalog: Catalog,
    *,
    pillar: str | None = None,
    source: str | None = None,
    jurisdiction: str | None = None,
) -> list[Obligation]:
    """The obligations matching every filter given, in catalogue order.

    Args:
        catalog: The catalogue.
        pillar: Keep obligations in this pillar.
        source: Keep obligations citing this source id.
        jurisdiction: Keep obligations citing a source that applies in this jurisdiction.

    Raises:
        InputError: A pillar or source id that the catalogue does not have.
    """
    _known("pillar", pillar, [p.id for p in catalog.pillars])
    _known("source", source, [s.id for s in catalog.sources])
    selected = []
    for obligation in catalog.obligations:
        if pillar and obligation.pillar != pillar:
            continue
        if source and all(c.source != source for c in obligation.citations):
            continue
        if jurisdiction and jurisdiction.upper() not in obligation_jurisdictions(
            catalog, obligation
        ):
            continue
        selected.append(obligation)
    return selected


def _known(what: str, value: str | None, choices: list[str]) -> None:
    if value is not None and value not in choices:
        message = f"unknown {what} '{value}'; expected one of: {', '.join(choices)}"
        raise InputError([Problem(code=f"unknown-{what}", message=message)], message)


class ProvisionCoverage(BaseModel):
    """One provision of a source and the obligations that cite it."""

    model_config = ConfigDict(frozen=True)

    provision: Provision
    """The provision."""
    cited_by: list[str]
    """Ids of the obligations citing it, in catalogue order."""
    uncited_reason: str | None = None
    """Why it is deliberately not cited (from ``uncited.yaml``)."""

    @property
    def cited(self) -> bool:
        """Whether any obligation cites it."""
        return bool(self.cited_by)


class SourceCoverage(BaseModel):
    """How much of one source the catalogue cites."""

    model_config = ConfigDict(frozen=True)

    source: Source
    """The source."""
    provisions: list[ProvisionCoverage]
    """Every listed provision, in the source's own order."""

    @property
    def cited(self) -> int:
        """How many provisions are cited."""
        return sum(1 for p in self.provisions if p.cited)

    @property
    def explained(self) -> int:
        """How many uncited provisions have a reviewed reason."""
        return sum(1 for p in self.provisions if not p.cited and p.uncited_reason)

    @property
    def unexplained(self) -> int:
        """How many provisions are neither cited nor explained."""
        return len(self.provisions) - self.cited - self.explained


def source_coverage(catalog: Catalog) -> list[SourceCoverage]:
    """For each source, which provisions the catalogue cites and which it does not."""
    cited_by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for obligation in catalog.obligations:
        for citation in obligation.citations:
            key = (citation.source, citation.provision)
            if obligation.id not in cited_by[key]:
                cited_by[key].append(obligation.id)
    reasons = {(u.source, u.provision): u.reason for u in catalog.uncited}
    return [
        SourceCoverage(
            source=source,
            provisions=[
                ProvisionCoverage(
                    provision=p,
                    cited_by=cited_by.get((source.id, p.id), []),
                    uncited_reason=reasons.get((source.id, p.id)),
                )
                for p in source.provisions
            ],
        )
        for source in catalog.sources
    ]
