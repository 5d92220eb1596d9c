"""Regulators as readers know them: the issuers a source belongs to (``obligations/regulators.yaml``).

A reader thinks "how do we stand with Ofcom?", not "with ``uk.ofcom.icu``, ``uk.ofcom.ics``,
``uk.ofcom.pcu`` and ``uk.osa2023``". A regulator groups the sources it issues or enforces
(Ofcom: the Online Safety Act and its codes; eSafety: the Act, the expectations, the codes
and the standards), and a catalogue check holds that every source belongs to exactly one.
Industry programmes and tools are grouped too, but reports show them apart and count no
legal duties for them: nobody is answerable to a hash list.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from csea.models.base import CseaModel, JurisdictionCode, NonEmptyStr, Slug, SourceId

__all__ = ["Regulator", "RegulatorKind", "RegulatorsFile"]


class RegulatorKind(StrEnum):
    """What kind of issuer a regulator group is; reports show ``industry`` groups apart."""

    AUTHORITY = "authority"
    """A regulator, legislature or government whose laws, codes or expectations apply."""
    GOVERNMENTS = "governments"
    """Governments acting together through principles they ask industry to adopt."""
    LAW_ENFORCEMENT = "law_enforcement"
    """Law-enforcement agencies making public demands of industry."""
    INDUSTRY = "industry"
    """Industry programmes, frameworks and tools: shown apart, not scored for duty."""


class Regulator(CseaModel):
    """One regulator (or other issuer) and the sources that belong to it."""

    id: Slug
    """Stable id used by ``csea report --view regulator:<id>`` (``ofcom``, ``esafety``)."""
    name: Annotated[str, Field(min_length=1, max_length=32)]
    """The name readers know it by (``Ofcom``), short enough for a table column."""
    title: NonEmptyStr
    """What the group covers, in a line (``Ofcom: the Online Safety Act 2023 and its codes``)."""
    kind: RegulatorKind
    """What kind of issuer it is."""
    jurisdictions: Annotated[list[JurisdictionCode], Field(min_length=1)]
    """Where its sources apply."""
    description: NonEmptyStr
    """Who it is and why these sources belong together."""
    sources: Annotated[list[SourceId], Field(min_length=1)]
    """The ids of its sources, in reading order."""


class RegulatorsFile(CseaModel):
    """The layout of ``obligations/regulators.yaml``."""

    regulators: Annotated[list[Regulator], Field(min_length=1)]
    """Every regulator, in the order reports list them."""
