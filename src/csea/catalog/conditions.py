"""Conditions (``applies_when``) evaluated against a service profile, with the reasons.

An obligation's ``applies_when`` and a citation's own conditions are declarative: features,
kinds, jurisdictions, user numbers, risk levels, designations, combined with all / any /
not. [evaluate_condition][csea.catalog.conditions.evaluate_condition] says whether one holds
for a profile and keeps the leaf conditions that decided it, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from csea.models import (
    Harm,
    RiskLevel,
    ServiceProfile,
)
from csea.models.conditions import (
    AllOf,
    AnyOf,
    ChildrenLikely,
    Condition,
    DesignatedAs,
    EnterpriseSizeAtLeast,
    EstablishedIn,
    HasFeature,
    HasKind,
    InJurisdiction,
    MultiRisk,
    NotCondition,
    RiskAtLeast,
    UsersAtLeast,
    UserThreshold,
)

__all__ = ["Trace", "evaluate_condition", "has_users_in", "is_multi_risk", "users_in"]


@dataclass(frozen=True, slots=True)
class Trace:
    """How one condition came out for a profile, with the parts that decided it.

    Like the engine's other results ([Applicability][csea.models.Applicability]), a plain frozen
    dataclass: built from validated data, many times over, never validated again.
    """

    holds: bool
    """Whether the condition holds."""
    text: str
    """The condition in plain words, with the profile's value where it helps."""
    parts: list[Trace] = field(default_factory=list)
    """For all / any / not: how each part came out."""

    def deciding(self) -> list[str]:
        """The leaf conditions that decided the outcome, in plain words.

        For a condition that holds: every leaf that held on the way; for one that does
        not: every leaf that failed on the way. A negation's one part always comes out the
        other way, so its leaves are the ones that decided that part.
        """
        if not self.parts:
            return [self.text]
        chosen = [p for p in self.parts if p.holds == self.holds] or self.parts
        return [text for part in chosen for text in part.deciding()]


def evaluate_condition(condition: Condition, profile: ServiceProfile) -> Trace:
    """Evaluate one condition against a profile, keeping the reasons."""
    match condition:
        case AllOf(all=parts):
            traces = [evaluate_condition(p, profile) for p in parts]
            return Trace(holds=all(t.holds for t in traces), text="all of", parts=traces)
        case AnyOf(any=parts):
            traces = [evaluate_condition(p, profile) for p in parts]
            return Trace(holds=any(t.holds for t in traces), text="any of", parts=traces)
        case NotCondition(not_=inner):
            trace = evaluate_condition(inner, profile)
            return Trace(holds=not trace.holds, text=f"not ({trace.text})", parts=[trace])
    return _leaf(condition, profile)


def _leaf(condition: Condition, profile: ServiceProfile) -> Trace:
    """Evaluate a leaf condition; the text says what the profile has.

    The union of conditions is closed, so the final ``raise`` is never reached.
    """
    match condition:
        case HasFeature(feature=feature):
            return _said(feature in profile.features, f"has feature '{feature}'")
        case HasKind(kind=kind):
            return _said(kind in profile.kinds, f"is of kind '{kind}'")
        case InJurisdiction(jurisdiction=code):
            return _said(has_users_in(profile, code), f"has users in {code}")
        case EstablishedIn(established_in=code):
            return _said(code in profile.established_in, f"provider established in {code}")
        case ChildrenLikely(children_likely=wanted):
            text = (
                "children are likely to use it" if wanted else "children are not likely to use it"
            )
            return _said(profile.children_likely == wanted, text)
        case UsersAtLeast(users=threshold):
            return _users(threshold, profile)
        case RiskAtLeast(risk=threshold):
            return _risk(threshold.harm, threshold.at_least, profile)
        case MultiRisk(multi_risk=wanted):
            multi = is_multi_risk(profile)
            text = "multi-risk" if wanted else "not multi-risk"
            return _said(multi == wanted, f"{text} (profile: {'yes' if multi else 'no'})")
        case DesignatedAs(designation=designation):
            return _said(designation in profile.designations, f"designated '{designation}'")
        case EnterpriseSizeAtLeast(enterprise_size=threshold):
            size = profile.enterprise_size
            held = size is not None and size.rank >= threshold.at_least.rank
            declared = size.value if size else "not declared"
            return _said(
                held, f"enterprise size {threshold.at_least} or larger (profile: {declared})"
            )
    raise TypeError(f"unknown condition {condition!r}")  # pragma: no cover, no mutate


def _said(holds: bool, text: str) -> Trace:
    return Trace(holds=holds, text=text)


def _users(threshold: UserThreshold, profile: ServiceProfile) -> Trace:
    where = threshold.jurisdiction
    if where == "global":
        actual, place = profile.total_users, "worldwide"
    else:
        actual, place = users_in(profile, where), f"in {where}"
    comparison, number = threshold.comparison
    held = actual > number if comparison == "more_than" else actual >= number
    return _said(held, f"{threshold.wording()} monthly users {place} (profile: {actual:,})")


def _risk(harm: Harm, at_least: RiskLevel, profile: ServiceProfile) -> Trace:
    level = profile.risk.get(harm)
    actual = level.value if level else "not declared"
    held = level is not None and level.rank >= at_least.rank
    return _said(held, f"risk of {harm} is {at_least} or higher (profile: {actual})")


EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
"""ISO 3166-1 codes of the EU's 27 member states: users there count as users in ``EU``."""


def users_in(profile: ServiceProfile, jurisdiction: str) -> int:
    """Monthly active users in a jurisdiction; for ``EU``, the EU figure plus every member state's."""
    if jurisdiction == "EU":
        return profile.users.get("EU", 0) + sum(
            n for state, n in profile.users.items() if state in EU_MEMBER_STATES
        )
    return profile.users.get(jurisdiction, 0)


def has_users_in(profile: ServiceProfile, jurisdiction: str) -> bool:
    """Whether the service is offered in a jurisdiction (``INT`` matches every service).

    A profile key counts even with 0 users, so a service just launched somewhere is in scope there.
    """
    if jurisdiction == "INT" or jurisdiction in profile.users:
        return True
    return jurisdiction == "EU" and any(state in EU_MEMBER_STATES for state in profile.users)


def is_multi_risk(profile: ServiceProfile) -> bool:
    """Whether the service is multi-risk in Ofcom's sense.

    The profile's ``multi_risk`` answer when given. Otherwise worked out from its
    declared risk levels: medium or high risk for two or more kinds of harm, where
    image-based CSAM and CSAM URLs count as one kind (Ofcom counts the CSAM sub-rows
    together). Only the harms csea lists are seen, so a service with other illegal
    harms at medium or high risk should declare ``multi_risk`` itself.
    """
    if profile.multi_risk is not None:
        return profile.multi_risk
    kinds = {
        Harm.CSAM_IMAGE if harm is Harm.CSAM_URL else harm
        for harm, level in profile.risk.items()
        if level.rank >= RiskLevel.MEDIUM.rank
    }
    return len(kinds) >= 2
