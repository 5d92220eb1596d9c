"""Questions asked of a loaded catalogue.

Which obligations match a filter, and what each source's coverage is. Pure functions
over the models; rendering lives elsewhere.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Catalog, Obligation, Provision, Source

__all__ = [
    "Crosswalk",
    "CrosswalkRow",
    "ProvisionCoverage",
    "SourceCoverage",
    "crosswalk",
    "obligation_jurisdictions",
    "require_obligation",
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


def require_obligation(catalog: Catalog, obligation_id: str) -> Obligation:
    """The obligation with this id (case-insensitive).

    Raises:
        InputError: No such obligation; the message names the closest ids.
    """
    obligation = catalog.obligation(obligation_id.upper())
    if obligation is not None:
        return obligation
    close = difflib.get_close_matches(
        obligation_id.upper(), [o.id for o in catalog.obligations], n=3
    )
    hint = (
        f"; did you mean {', '.join(close)}?" if close else "; run 'csea catalog list' to see ids"
    )
    message = f"no obligation '{obligation_id}' in catalogue {catalog.version}{hint}"
    raise InputError([Problem(code=ProblemCode.UNKNOWN_OBLIGATION, message=message)], message)


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
    _known(ProblemCode.UNKNOWN_PILLAR, pillar, [p.id for p in catalog.pillars])
    _known(ProblemCode.UNKNOWN_SOURCE, source, [s.id for s in catalog.sources])
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


def _known(code: ProblemCode, value: str | None, choices: list[str]) -> None:
    """Refuse a pillar or source id the catalogue does not have (``unknown-pillar``...)."""
    if value is not None and value not in choices:
        what = code.value.removeprefix("unknown-")
        message = f"unknown {what} '{value}'; expected one of: {', '.join(choices)}"
        raise InputError([Problem(code=code, message=message)], message)


class ProvisionCoverage(BaseModel):
    """One provision of a source and the obligations that cite it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    provision: Provision
    """The provision."""
    cited_by: list[str]
    """Ids of the obligations citing it, in catalogue order."""
    cited_through_parts: list[str] = []
    """Ids of the obligations citing one of its parts (subsections, sub-measures) but not it."""
    uncited_reason: str | None = None
    """Why it is deliberately not cited (from ``uncited.yaml``)."""

    @property
    def cited(self) -> bool:
        """Whether any obligation cites it or one of its parts."""
        return bool(self.cited_by or self.cited_through_parts)


class SourceCoverage(BaseModel):
    """How much of one source the catalogue cites."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    source: Source
    """The source."""
    provisions: list[ProvisionCoverage]
    """Every listed provision, in the source's own order."""

    @property
    def cited(self) -> int:
        """How many provisions are cited (directly or through their parts)."""
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
    """For each source, which provisions the catalogue cites and which it does not.

    A provision counts as cited when an obligation cites it or one of its parts (a
    subsection or sub-measure listed with ``part_of``).
    """
    cited_by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for obligation in catalog.obligations:
        for citation in obligation.citations:
            key = (citation.source, citation.provision)
            if obligation.id not in cited_by[key]:
                cited_by[key].append(obligation.id)
    reasons = {(u.source, u.provision): u.reason for u in catalog.uncited}
    order = [o.id for o in catalog.obligations]
    coverage = []
    for source in catalog.sources:
        children: dict[str, list[str]] = defaultdict(list)
        for p in source.provisions:
            if p.part_of:
                children[p.part_of].append(p.id)
        provisions = [
            ProvisionCoverage(
                provision=p,
                cited_by=cited_by.get((source.id, p.id), []),
                cited_through_parts=_through_parts(order, source.id, p.id, children, cited_by),
                uncited_reason=reasons.get((source.id, p.id)),
            )
            for p in source.provisions
        ]
        coverage.append(SourceCoverage(source=source, provisions=provisions))
    return coverage


def _through_parts(
    order: list[str],
    source_id: str,
    provision_id: str,
    children: dict[str, list[str]],
    cited_by: dict[tuple[str, str], list[str]],
) -> list[str]:
    """Obligations citing a part (at any depth) of a provision but not the provision itself."""
    found: set[str] = set()
    stack = list(children[provision_id])
    while stack:
        part = stack.pop()
        found.update(cited_by.get((source_id, part), []))
        stack.extend(children[part])
    found -= set(cited_by.get((source_id, provision_id), []))
    return [oid for oid in order if oid in found]


class CrosswalkRow(BaseModel):
    """One obligation and the provisions it cites, grouped by source."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    pillar: str
    """Its pillar."""
    cells: dict[str, list[str]]
    """Source id -> the provision ids cited from that source (only the crosswalk's columns)."""


class Crosswalk(BaseModel):
    """A table of obligations against sources: which provisions each obligation cites."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    columns: list[Source]
    """The sources shown, in the catalogue's source order (the anchor source first)."""
    rows: list[CrosswalkRow]
    """One row per obligation citing the anchor source (or every obligation without one)."""


def crosswalk(
    catalog: Catalog, source: str | None = None, to: list[str] | None = None
) -> Crosswalk:
    """Obligations against sources.

    Args:
        catalog: The catalogue.
        source: Only obligations citing this source, with it as the first column.
        to: The other sources to show; every source cited by the rows when not given.

    Raises:
        InputError: A source id that the catalogue does not have.
    """
    known = [s.id for s in catalog.sources]
    for wanted in [source, *(to or [])]:
        _known(ProblemCode.UNKNOWN_SOURCE, wanted, known)
    obligations = [
        ob
        for ob in catalog.obligations
        if source is None or any(c.source == source for c in ob.citations)
    ]
    cited = {c.source for ob in obligations for c in ob.citations}
    chosen = set(to) if to is not None else cited
    columns = [s for s in catalog.sources if s.id in chosen and s.id != source]
    if source is not None:
        columns.insert(0, next(s for s in catalog.sources if s.id == source))
    rows = [
        CrosswalkRow(
            obligation_id=ob.id,
            title=ob.title,
            pillar=ob.pillar,
            cells={
                col.id: list(dict.fromkeys(c.provision for c in ob.citations if c.source == col.id))
                for col in columns
            },
        )
        for ob in obligations
    ]
    return Crosswalk(columns=columns, rows=rows)
