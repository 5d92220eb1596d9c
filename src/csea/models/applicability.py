"""What the applicability engine decides: whether each obligation applies, why, how binding.

[applicable_obligations][csea.catalog.applicability.applicable_obligations] computes these; they are plain frozen
dataclasses, not pydantic models: built from already-validated data, tens of thousands of
times for a portfolio, and validating them again would only cost time. An
[Evaluation][csea.models.Evaluation] keeps the ones it was computed from, so a report reads them
rather than deciding applicability again.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from csea.models.vocabulary import Force, Relationship

__all__ = ["Applicability", "Binding", "CitationState", "Fact"]


class CitationState(StrEnum):
    """Whether a citation binds the service on the date asked."""

    BINDS = "binds"
    """In force (or voluntary), where the service is offered, and its conditions hold."""
    ASSUMED = "assumed"
    """In force (or voluntary), and it would bind if facts the profile does not declare are so:
    treated as binding (fail closed) until the profile declares them."""
    UPCOMING = "upcoming"
    """Would bind, but is adopted and not yet in force, or only proposed."""
    LAPSED = "lapsed"
    """Would bind, but no longer applies."""
    OUT_OF_SCOPE = "out_of_scope"
    """Does not reach the service: not offered where it applies, or its conditions do not hold."""

    @property
    def binding(self) -> bool:
        """Whether the citation counts as binding the service now (``binds`` or ``assumed``)."""
        return self in (CitationState.BINDS, CitationState.ASSUMED)


@dataclass(frozen=True, slots=True, order=True)
class Fact:
    """One fact a profile can declare: a field, and the value within it where there is one."""

    field: str
    """The profile field (``features``, ``users``, ``children_likely``...)."""
    value: str = ""
    """The value within it (``image_upload``, ``US``, ``grooming``), or empty."""

    def __str__(self) -> str:
        return f"{self.field}: {self.value}" if self.value else self.field

    @property
    def how(self) -> str:
        """How to declare it, in words."""
        match self.field:
            case "kinds" | "features" | "designations":
                return f"list {self.value} under {self.field}, as present or absent"
            case "users":
                return f"give the monthly users in {self.value}, or list it under not_offered_in"
            case "risk":
                return f"give the risk level of {self.value.replace('_', ' ')} under risk"
            case "users_worldwide":
                return "give users_worldwide, or close the list with not_offered_in: all others"
        return f"give {self.field}"


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
    facts: tuple[Fact, ...] = ()
    """For an assumed citation: the undeclared facts it turns on."""

    @property
    def confers_force(self) -> bool:
        """Whether the provision asks what the obligation asks (anything but ``overlaps``)."""
        return self.relationship is not Relationship.OVERLAPS

    def as_json(self) -> dict[str, Any]:
        """The binding as JSON-ready data."""
        data: dict[str, Any] = {
            key: str(value) for key, value in asdict(self).items() if key != "facts"
        }
        if self.facts:
            data["undeclared_facts"] = [str(f) for f in self.facts]
        return data


@dataclass(frozen=True, slots=True)
class Applicability:
    """Whether one obligation applies to a service, why, and how binding it is."""

    obligation_id: str
    """The obligation."""
    applies: bool
    """Whether it applies to the service on the date asked (fail closed: an obligation whose
    applicability turns on facts the profile does not declare applies, and is ``assumed``)."""
    reasons: list[str]
    """Why it applies (the conditions that held, then the binding and the merely related
    citations) or why not (the conditions that failed, or that no source reaches the service)."""
    force: Force | None
    """The strongest force among the binding citations that ask what the obligation asks;
    ``guidance`` when every binding citation only overlaps it; None when it does not apply."""
    bindings: list[Binding]
    """Every citation, with whether it binds and why."""
    assumed: bool = False
    """It applies only because facts the profile does not declare might make it apply."""
    force_assumed: bool = False
    """Its force is as strong as shown only because of citations assumed to bind."""
    undeclared: list[Fact] = field(default_factory=list)
    """The facts to declare to settle whether it applies and how binding it is."""

    @property
    def binding_sources(self) -> list[str]:
        """Ids of the sources that bind the service (or are assumed to), in citation order."""
        return list(dict.fromkeys(b.source for b in self.bindings if b.state.binding))
