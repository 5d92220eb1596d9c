"""The service profile (``profile.yaml``): what the assessed service is.

A T&S team writes one per service. Everything here is a fact about the service that
decides which obligations apply: its kinds, features, where its users are and how
many, whether children are likely to use it, where the provider is established, its
designations, and the risk levels from its own risk assessment.

A fact the profile does not give is **unknown**, never "no": an obligation that depends on
it is assumed to apply until the fact is declared. So a profile says what the service has
(``features: [live_streaming]``) and, to settle the rest, what it does not have::

    features:
      present: [live_streaming, direct_messages]
      absent: all others          # or a list: [image_upload, video_upload]
    users: {GB: 2000000, AU: 250000}
    not_offered_in: all others    # or a list: [US]
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Annotated, Any, Generic, Literal, Self, TypeVar

from pydantic import Discriminator, Field, Tag, model_validator

from csea.models.base import Age, Count, CseaModel, Flag, JurisdictionCode, NonEmptyStr
from csea.models.vocabulary import (
    Designation,
    EnterpriseSize,
    Feature,
    Harm,
    RiskLevel,
    ServiceKind,
)

__all__ = ["ALL_OTHERS", "AllOthers", "Declared", "ServiceProfile"]

V = TypeVar("V", ServiceKind, Feature, Designation)

ALL_OTHERS = "all others"
"""The value of ``absent`` (or ``not_offered_in``) that closes a list: nothing else is there."""
AllOthers = Literal["all others"]
_UNIQUE = Field(json_schema_extra={"uniqueItems": True})


def _list_or_all_others(value: Any) -> str | None:
    if isinstance(value, list):
        return "list"
    return "all" if isinstance(value, str) else None


def _closing(values: str) -> Discriminator:
    return Discriminator(
        _list_or_all_others,
        custom_error_type="closing_list",
        custom_error_message=f"expected a list of {values}, or 'all others'",
    )


class Declared(CseaModel, Generic[V]):
    """What the service has, and what it does not have (the long form of a profile list)."""

    present: Annotated[list[V], _UNIQUE] = Field(default_factory=list)
    """What the service has (or is)."""
    absent: Annotated[
        Annotated[list[V], _UNIQUE, Tag("list")] | Annotated[AllOthers, Tag("all")],
        _closing("values"),
    ] = Field(default_factory=list)
    """What it does not have; ``all others`` for everything not listed under ``present``."""

    @model_validator(mode="after")
    def _not_both(self) -> Self:
        absent = self.absent if isinstance(self.absent, list) else []
        for name, values in (("present", self.present), ("absent", absent)):
            repeated = sorted({str(v) for v in values if values.count(v) > 1})
            if repeated:
                raise ValueError(f"{name} lists {', '.join(repeated)} more than once")
        both = sorted(str(v) for v in set(self.present) & set(absent))
        if both:
            raise ValueError(f"{', '.join(both)} listed as both present and absent")
        return self


def _list_or_declared(value: Any) -> str | None:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict | Declared):
        return "declared"
    return None


_LIST_OR_DECLARED = Discriminator(
    _list_or_declared,
    custom_error_type="profile_list",
    custom_error_message="expected a list of values, or a mapping with 'present' and 'absent' lists",
)

Kinds = Annotated[
    Annotated[list[ServiceKind], _UNIQUE, Tag("list")]
    | Annotated[Declared[ServiceKind], Tag("declared")],
    _LIST_OR_DECLARED,
]
"""Kinds: a list of what the service is, or ``present`` and ``absent`` lists."""
Features = Annotated[
    Annotated[list[Feature], _UNIQUE, Tag("list")] | Annotated[Declared[Feature], Tag("declared")],
    _LIST_OR_DECLARED,
]
"""Features: a list of what the service has, or ``present`` and ``absent`` lists."""
Designations = Annotated[
    Annotated[list[Designation], _UNIQUE, Tag("list")]
    | Annotated[Declared[Designation], Tag("declared")],
    _LIST_OR_DECLARED,
]
"""Designations: a list, or ``present`` and ``absent`` lists."""


class ServiceProfile(CseaModel):
    """What the assessed service is; the input to applicability."""

    organisation: NonEmptyStr
    """The provider's name."""
    service: NonEmptyStr
    """The service's name."""
    description: str | None = None
    """One or two sentences on what the service does."""
    kinds: Kinds = Field(default_factory=list)
    """What kinds of service it is (a service may be several: ``user_to_user``, ``hosting``...):
    a list of what it is, or ``present`` and ``absent`` lists. A kind not listed is unknown."""
    features: Features = Field(default_factory=list)
    """The features it offers that change which obligations apply: a list of what it has, or
    ``present`` and ``absent`` lists. A feature not listed is unknown."""
    users: Annotated[dict[JurisdictionCode, Count], Field(min_length=1)]
    """Average monthly active users per jurisdiction where it is offered (``GB: 1200000``);
    the keys are the jurisdictions the service is offered in (0 users still counts)."""
    not_offered_in: Annotated[
        Annotated[list[JurisdictionCode], Tag("list")] | Annotated[AllOthers, Tag("all")],
        _closing("country codes such as [US, CA]"),
    ] = Field(default_factory=list)
    """Jurisdictions where the service is not offered; ``all others`` when ``users`` lists every
    jurisdiction it is offered in. A jurisdiction in neither is unknown."""
    users_worldwide: Count | None = None
    """Average monthly active users worldwide; the sum of ``users`` when not given."""
    established_in: Annotated[list[JurisdictionCode], Field(min_length=1), _UNIQUE]
    """Where the provider is established (incorporated or has its main establishment)."""
    children_likely: Flag | None = None
    """Whether children are likely to use the service (its own children's access assessment);
    unknown when not given."""
    minimum_age: Age | None = None
    """The minimum age its terms of service set, if any."""
    enterprise_size: EnterpriseSize | None = None
    """The provider's size in EU SME terms (micro, small, medium, large); unknown when not given."""
    designations: Designations = Field(default_factory=list)
    """Designations a regulator has made (``eu_vlop``, ``uk_category_1``...): a list, or
    ``present`` and ``absent`` lists. A designation not listed is unknown."""
    risk: dict[Harm, RiskLevel] = Field(default_factory=dict)
    """Risk level per kind of harm, from the service's own risk assessment; a harm not listed is
    unknown."""
    multi_risk: Flag | None = None
    """Whether the service is "multi-risk" in Ofcom's sense (medium or high risk for two or more
    kinds of illegal harm). When not given, csea works it out from ``risk`` (see docs)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for name in ("kinds", "features", "established_in", "designations"):
            value = getattr(self, name)
            values = value.present if isinstance(value, Declared) else value
            repeated = sorted({str(v) for v in values if values.count(v) > 1})
            if repeated:
                raise ValueError(f"{name} lists {', '.join(repeated)} more than once")
        both = sorted(set(self.users) & set(self.not_offered_list))
        if both:
            raise ValueError(f"{', '.join(both)} listed both under users and not_offered_in")
        return self

    @property
    def not_offered_list(self) -> list[str]:
        """The jurisdictions ``not_offered_in`` lists (empty for ``all others``)."""
        return [] if isinstance(self.not_offered_in, str) else list(self.not_offered_in)

    @property
    def jurisdictions(self) -> list[str]:
        """The jurisdictions where the service is offered, sorted."""
        return sorted(self.users)

    @property
    def total_users(self) -> int:
        """Monthly active users worldwide (declared, or the sum of the per-jurisdiction numbers)."""
        return (
            self.users_worldwide if self.users_worldwide is not None else sum(self.users.values())
        )

    def present(self, name: Literal["kinds", "features", "designations"]) -> list[str]:
        """The values a profile list says are present, in the order written."""
        value = getattr(self, name)
        return [str(v) for v in (value.present if isinstance(value, Declared) else value)]

    def absent(self, name: Literal["kinds", "features", "designations"]) -> list[str] | None:
        """The values a profile list says are absent; ``None`` for ``all others``."""
        value = getattr(self, name)
        if not isinstance(value, Declared):
            return []
        return None if isinstance(value.absent, str) else [str(v) for v in value.absent]
