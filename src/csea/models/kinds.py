"""What one kind of service is in law (``obligations/kinds.yaml``): kinds that imply others.

Where a source defines one kind of service as a sub-kind of another (under the EU Digital
Services Act, an online platform *is* a hosting service), the catalogue records it here with
its citation, and applicability uses it: a profile that says ``online_platform`` is treated as
a hosting service too, and one that rules out ``hosting`` rules out ``online_platform``.
No implication is recorded without a citation to the provision that makes it.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Self

from pydantic import Field, model_validator

from csea.models.base import CseaModel, NonEmptyStr, SourceId
from csea.models.vocabulary import ServiceKind, Verification

__all__ = ["KindImplication", "KindsFile", "LegalDefinition"]


class LegalDefinition(CseaModel):
    """Where a source makes one kind a sub-kind of another."""

    source: SourceId
    """Id of the source (it must be in ``sources.yaml``)."""
    locator: NonEmptyStr
    """Where in the source, as the source numbers it (``Art 3(i)``)."""
    quote: NonEmptyStr
    """A short quotation of the words that make the implication, in quotation marks."""
    verification: Verification
    """How sure the catalogue is of the text: verified only when read in the official text."""
    note: str | None = None
    """What was read where, and anything the reader should check."""


class KindImplication(CseaModel):
    """A service of kind ``kind`` is always also of kind ``is_also``."""

    kind: ServiceKind
    """The narrower kind."""
    is_also: ServiceKind
    """The broader kind it always is."""
    definition: LegalDefinition
    """The provision that says so."""

    @model_validator(mode="after")
    def _two_kinds(self) -> Self:
        if self.kind == self.is_also:
            raise ValueError(f"'{self.kind}' cannot imply itself")
        return self

    @property
    def label(self) -> str:
        """The implication's citation in words (``eu.dsa Art 3(i)``)."""
        return f"{self.definition.source} {self.definition.locator}"


class KindsFile(CseaModel):
    """The layout of ``obligations/kinds.yaml``."""

    implications: list[KindImplication] = Field(default_factory=list)
    """Kinds that imply other kinds, each with its citation."""
