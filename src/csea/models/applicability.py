"""What the applicability engine decides: whether each obligation applies, why, how binding.

[applicable_obligations][csea.catalog.applicability.applicable_obligations] computes these; they are plain frozen
dataclasses, not pydantic models: built from already-validated data, tens of thousands of
times for a portfolio, and validating them again would only cost time. An
[Evaluation][csea.models.Evaluation] keeps the ones it was computed from, so a report reads them
rather than deciding applicability again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from csea.models.vocabulary import Force, Relationship

__all__ = ["Applicability", "Binding", "CitationState"]


class CitationState(StrEnum):
    """Whether a citation binds the service on the date asked."""

    BINDS = "binds"
    """In force (or voluntary), where the service has users, and its conditions hold."""
    UPCOMING = "upcoming"
    """Would bind, but is adopted and not yet in force, or only proposed."""
    LAPSED = "lapsed"
    """Would bind, but no longer applies."""
    OUT_OF_SCOPE = "out_of_scope"
    """Does not reach the service: no users where it applies, or its conditions do not hold."""


@dataclass(frozen=True, slots=True)
class Binding:
    """One citation of an obligation and whether it binds the service."""

    source: str
    """Source id."""
    provision: str
    """Provision id."""
    force: Force
    """The provision's force (its own, or its source's)."""
    relationship: Relationship
    """How the obligation relates to the provision."""
    state: CitationState
    """Whether it binds on the date asked."""
    why: str
    """Why, in plain words."""

    @property
    def confers_force(self) -> bool:
        """Whether the provision asks what the obligation asks (anything but ``overlaps``)."""
        return self.relationship is not Relationship.OVERLAPS

    def as_json(self) -> dict[str, str]:
        """The binding as JSON-ready data."""
        return {key: str(value) for key, value in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class Applicability:
    """Whether one obligation applies to a service, why, and how binding it is."""

    obligation_id: str
    """The obligation."""
    applies: bool
    """Whether it applies to the service on the date asked."""
    reasons: list[str]
    """Why it applies (the conditions that held, then the binding and the merely related
    citations) or why not (the conditions that failed, or that no source reaches the service)."""
    force: Force | None
    """The strongest force among the binding citations that ask what the obligation asks;
    ``guidance`` when every binding citation only overlaps it; None when it does not apply."""
    bindings: list[Binding]
    """Every citation, with whether it binds and why."""

    @property
    def binding_sources(self) -> list[str]:
        """Ids of the sources whose citations bind the service, without repeats, in citation order."""
        return list(
            dict.fromkeys(b.source for b in self.bindings if b.state is CitationState.BINDS)
        )
