"""Provisions the catalogue deliberately does not cite (``obligations/uncited.yaml``)."""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from pydantic import Field

from csea.models.base import CseaModel, NonEmptyStr, ProvisionId, SourceId

__all__ = ["UncitedFile", "UncitedProvision"]


class UncitedProvision(CseaModel):
    """A provision no obligation cites, with the reviewed reason it is out of scope."""

    source: SourceId
    """Id of the source."""
    provision: ProvisionId
    """Id of the provision in that source."""
    reason: NonEmptyStr
    """Why no obligation cites it (a duty on the regulator, not on platforms; not about CSEA...)."""


class UncitedFile(CseaModel):
    """The layout of ``obligations/uncited.yaml``."""

    uncited: list[UncitedProvision] = Field(default_factory=list)
    """The provisions, with reasons."""
