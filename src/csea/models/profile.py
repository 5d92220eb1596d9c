"""The service profile (``profile.yaml``): what the assessed service is.

A T&S team writes one per service. Everything here is a fact about the service that
decides which obligations apply: its kinds, features, where its users are and how
many, whether children are likely to use it, where the provider is established, its
designations, and the risk levels from its own risk assessment.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, NonNegativeInt, model_validator

from csea.models.base import CseaModel, JurisdictionCode, NonEmptyStr
from csea.models.vocabulary import (
    Designation,
    EnterpriseSize,
    Feature,
    Harm,
    RiskLevel,
    ServiceKind,
)

__all__ = ["ServiceProfile"]


class ServiceProfile(CseaModel):
    """What the assessed service is; the input to applicability."""

    organisation: NonEmptyStr
    """The provider's name."""
    service: NonEmptyStr
    """The service's name."""
    description: str | None = None
    """One or two sentences on what the service does."""
    kinds: Annotated[list[ServiceKind], Field(min_length=1)]
    """What kinds of service it is (a service may be several: ``user_to_user``, ``hosting``...)."""
    features: list[Feature] = Field(default_factory=list)
    """The features it offers that change which obligations apply."""
    users: Annotated[dict[JurisdictionCode, NonNegativeInt], Field(min_length=1)]
    """Average monthly active users per jurisdiction where it has users (``GB: 1200000``);
    the keys are the jurisdictions the service is offered in."""
    users_worldwide: NonNegativeInt | None = None
    """Average monthly active users worldwide; the sum of ``users`` when not given."""
    established_in: Annotated[list[JurisdictionCode], Field(min_length=1)]
    """Where the provider is established (incorporated or has its main establishment)."""
    children_likely: bool
    """Whether children are likely to use the service (its own children's access assessment)."""
    minimum_age: Annotated[int, Field(ge=0, le=21)] | None = None
    """The minimum age its terms of service set, if any."""
    enterprise_size: EnterpriseSize | None = None
    """The provider's size in EU SME terms (micro, small, medium, large)."""
    designations: list[Designation] = Field(default_factory=list)
    """Designations a regulator has made (``eu_vlop``, ``uk_category_1``...)."""
    risk: dict[Harm, RiskLevel] = Field(default_factory=dict)
    """Risk level per kind of harm, from the service's own risk assessment."""
    multi_risk: bool | None = None
    """Whether the service is "multi-risk" in Ofcom's sense (medium or high risk for two or more
    kinds of illegal harm). When not given, csea works it out from ``risk`` (see docs)."""

    @model_validator(mode="after")
    def _no_duplicates(self) -> ServiceProfile:
        for name in ("kinds", "features", "established_in", "designations"):
            values = getattr(self, name)
            repeated = sorted({str(v) for v in values if values.count(v) > 1})
            if repeated:
                raise ValueError(f"{name} lists {', '.join(repeated)} more than once")
        return self

    @property
    def jurisdictions(self) -> list[str]:
        """The jurisdictions where the service has users, sorted."""
        return sorted(self.users)

    @property
    def total_users(self) -> int:
        """Monthly active users worldwide (declared, or the sum of the per-jurisdiction numbers)."""
        return (
            self.users_worldwide if self.users_worldwide is not None else sum(self.users.values())
        )
