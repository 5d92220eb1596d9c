"""Declarative applicability conditions (``applies_when``).

A condition is a small tree: ``all`` / ``any`` / ``not`` combine other conditions,
and each leaf asks one question of a service profile. No code lives in the data.

```yaml
applies_when:
  all:
    - jurisdiction: GB
    - any:
        - users: {jurisdiction: GB, at_least: 700000}
        - kind: file_storage
    - risk: {harm: csam_image, at_least: high}
```

Each mapping has exactly one key; the key picks the kind of condition. The union is
discriminated by that key, never by trying the alternatives in order.

A threshold says its comparison the way its source words it: a user number is either
``more_than`` (Ofcom's "more than 700,000 monthly active United Kingdom users": exactly
700,000 does not reach it) or ``at_least`` (the DSA's "45 million or more": exactly 45
million does), never both. Risk levels and enterprise sizes are ``at_least`` ("medium or
high risk"; every size but micro and small).
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Annotated, Any, Literal, Self

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)

from csea.models.base import Count, CseaModel, Flag, JurisdictionCode
from csea.models.vocabulary import (
    Designation,
    EnterpriseSize,
    Feature,
    Harm,
    RiskLevel,
    ServiceKind,
)

__all__ = [
    "AllOf",
    "AnyOf",
    "ChildrenLikely",
    "Comparison",
    "Condition",
    "DesignatedAs",
    "EnterpriseSizeAtLeast",
    "EstablishedIn",
    "HasFeature",
    "HasKind",
    "InJurisdiction",
    "MultiRisk",
    "NotCondition",
    "RiskAtLeast",
    "RiskThreshold",
    "SizeThreshold",
    "UserThreshold",
    "UsersAtLeast",
]


class AllOf(CseaModel):
    """True when every listed condition is true."""

    all: Annotated[list["Condition"], Field(min_length=1)]
    """Conditions that must all hold."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return "all of (" + "; ".join(c.describe() for c in self.all) + ")"


class AnyOf(CseaModel):
    """True when at least one listed condition is true."""

    any: Annotated[list["Condition"], Field(min_length=1)]
    """Conditions of which at least one must hold."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return "any of (" + "; ".join(c.describe() for c in self.any) + ")"


class NotCondition(CseaModel):
    """True when the inner condition is false."""

    not_: "Condition" = Field(alias="not")
    """The condition that must not hold."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"not ({self.not_.describe()})"


class HasFeature(CseaModel):
    """True when the service profile lists this feature."""

    feature: Feature
    """The feature the service must have."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the service has the feature '{self.feature}'"


class HasKind(CseaModel):
    """True when the service profile lists this kind of service."""

    kind: ServiceKind
    """The kind of service."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the service is of kind '{self.kind}'"


class InJurisdiction(CseaModel):
    """True when the service is offered to users in this jurisdiction."""

    jurisdiction: JurisdictionCode
    """Country code, ``EU`` or ``INT``."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the service has users in {self.jurisdiction}"


class EstablishedIn(CseaModel):
    """True when the provider is established (incorporated, headquartered) in this jurisdiction."""

    established_in: JurisdictionCode
    """Where the provider must be established."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the provider is established in {self.established_in}"


class ChildrenLikely(CseaModel):
    """True when the profile's answer to "are children likely to use the service?" equals this."""

    children_likely: Flag
    """The answer that makes the condition true."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return (
            "children are likely to use the service"
            if self.children_likely
            else ("children are not likely to use the service")
        )


_Count = Annotated[Count | None, WithJsonSchema({"type": "integer", "minimum": 0})]
"""A user number, or None when the threshold uses the other comparison (never written)."""

Comparison = Literal["more_than", "at_least"]
"""How a user threshold compares: above the number only, or the number and above."""


class UserThreshold(CseaModel):
    """Monthly active users in one jurisdiction (or worldwide) beyond a number.

    Exactly one comparison, as the source words it: ``more_than`` or ``at_least``.
    """

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["more_than"]}, {"required": ["at_least"]}]}
    )

    jurisdiction: JurisdictionCode | Literal["global"]
    """Where users are counted; ``global`` counts users worldwide."""
    more_than: _Count = None
    """Met by any number above this one, not by the number itself ("more than N")."""
    at_least: _Count = None
    """Met by this number and any above it ("N or more", "equal to or higher than N")."""

    @model_validator(mode="after")
    def _one_comparison(self) -> Self:
        if self.more_than is not None and self.at_least is not None:
            raise ValueError(
                "a user threshold has one comparison, and this one has both 'more_than' and "
                "'at_least': keep the one its source's words give ('more than N' is more_than, "
                "'N or more' is at_least)"
            )
        if self.more_than is None and self.at_least is None:
            raise ValueError(
                "a user threshold needs its comparison: 'more_than: N' for 'more than N', "
                "'at_least: N' for 'N or more'"
            )
        return self

    @property
    def comparison(self) -> tuple[Comparison, int]:
        """Which comparison the threshold uses, and its number."""
        if self.more_than is not None:
            return "more_than", self.more_than
        assert self.at_least is not None, "the validator keeps exactly one comparison"
        return "at_least", self.at_least

    def wording(self) -> str:
        """The comparison in words: ``more than 700,000`` or ``at least 45,000,000``."""
        kind, number = self.comparison
        return f"{kind.replace('_', ' ')} {number:,}"


class UsersAtLeast(CseaModel):
    """True when the service's monthly active users reach a threshold (``more_than`` or ``at_least``)."""

    users: UserThreshold
    """Where, how many, and whether the number itself counts."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        where = (
            "worldwide" if self.users.jurisdiction == "global" else f"in {self.users.jurisdiction}"
        )
        return f"{self.users.wording()} monthly active users {where}"


class RiskThreshold(CseaModel):
    """A risk level for one kind of harm at or above a level."""

    harm: Harm
    """The kind of harm from the service's risk assessment."""
    at_least: RiskLevel
    """The lowest risk level that satisfies the condition."""


class RiskAtLeast(CseaModel):
    """True when the profile's declared risk level for a harm is at or above a level."""

    risk: RiskThreshold
    """Which harm and which level."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"risk of '{self.risk.harm}' is {self.risk.at_least} or higher"


class MultiRisk(CseaModel):
    """True when the service is "multi-risk" in Ofcom's sense (medium or high for two or more kinds of illegal harm)."""

    multi_risk: Flag
    """The answer that makes the condition true."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return "the service is multi-risk" if self.multi_risk else "the service is not multi-risk"


class DesignatedAs(CseaModel):
    """True when a regulator has designated the service this way."""

    designation: Designation
    """The designation."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the service is designated '{self.designation}'"


class SizeThreshold(CseaModel):
    """An enterprise size at or above a level."""

    at_least: EnterpriseSize
    """The smallest size that satisfies the condition."""


class EnterpriseSizeAtLeast(CseaModel):
    """True when the provider is at least this size (EU SME categories)."""

    enterprise_size: SizeThreshold
    """The size threshold."""

    def describe(self) -> str:
        """Plain-words form of the condition."""
        return f"the provider is a {self.enterprise_size.at_least} enterprise or larger"


_CONDITION_KEYS: dict[str, str] = {
    "all": "all",
    "any": "any",
    "not": "not",
    "feature": "feature",
    "kind": "kind",
    "jurisdiction": "jurisdiction",
    "established_in": "established_in",
    "children_likely": "children_likely",
    "users": "users",
    "risk": "risk",
    "multi_risk": "multi_risk",
    "designation": "designation",
    "enterprise_size": "enterprise_size",
}

CONDITION_KEYS: tuple[str, ...] = tuple(_CONDITION_KEYS)
"""Every key that can start a condition, in documentation order."""


def _condition_tag(value: Any) -> str | None:
    """Pick the condition kind from the one key of a mapping (or from a model instance)."""
    if isinstance(value, dict):
        keys = [k for k in value if k in _CONDITION_KEYS]
        return keys[0] if len(keys) == 1 and len(value) == 1 else None
    for key, field in (("not", "not_"), *((k, k) for k in CONDITION_KEYS)):
        if field in getattr(type(value), "model_fields", {}):
            return key
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[HasFeature, Tag("feature")]
    | Annotated[HasKind, Tag("kind")]
    | Annotated[InJurisdiction, Tag("jurisdiction")]
    | Annotated[EstablishedIn, Tag("established_in")]
    | Annotated[ChildrenLikely, Tag("children_likely")]
    | Annotated[UsersAtLeast, Tag("users")]
    | Annotated[RiskAtLeast, Tag("risk")]
    | Annotated[MultiRisk, Tag("multi_risk")]
    | Annotated[DesignatedAs, Tag("designation")]
    | Annotated[EnterpriseSizeAtLeast, Tag("enterprise_size")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a mapping with exactly one of the keys: " + ", ".join(CONDITION_KEYS)
        ),
    ),
]
"""One applicability condition: a combinator (``all``, ``any``, ``not``) or a leaf."""
