"""Conditions (``applies_when``) evaluated against a service profile, with the reasons.

An obligation's ``applies_when`` and a citation's own conditions are declarative: features,
kinds, jurisdictions, user numbers, risk levels, designations, combined with all / any /
not. [evaluate_condition][csea.catalog.conditions.evaluate_condition] says whether one holds
for a profile: yes, no, or **unknown** when it turns on a fact the profile does not declare
(three-valued logic: ``all`` is false as soon as one part is false, ``any`` true as soon as
one part is true, and unknown otherwise while a part is unknown). It keeps the facts that
decided the outcome, in plain words that say what the service has or lacks, never the
condition restated as if it were a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from csea.catalog.facts import Known, ProfileFacts
from csea.models import Fact, Harm, RiskLevel
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

__all__ = ["Trace", "evaluate_condition", "words"]

_DESIGNATIONS = {
    "eu_vlop": "a very large online platform (EU)",
    "eu_vlose": "a very large online search engine (EU)",
    "uk_category_1": "a Category 1 service (UK)",
    "uk_category_2a": "a Category 2A service (UK)",
    "uk_category_2b": "a Category 2B service (UK)",
    "au_age_restricted": "an age-restricted social media platform (AU)",
}


def words(value: str) -> str:
    """A vocabulary value as words (``image_upload`` -> ``image upload``)."""
    return value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Trace:
    """How one condition came out for a profile, with the parts that decided it.

    Like the engine's other results ([Applicability][csea.models.Applicability]), a plain frozen
    dataclass: built from validated data, many times over, never validated again.
    """

    holds: Known
    """Whether the condition holds: ``True``, ``False``, or ``None`` when unknown."""
    text: str
    """For a leaf: what the profile says about the fact, in plain words."""
    parts: list[Trace] = field(default_factory=list)
    """For all / any / not: how each part came out."""
    fact: Fact | None = None
    """For a leaf: the fact it reads (to declare when the outcome is unknown)."""

    def leaves(self) -> list[Trace]:
        """The leaf conditions that decided the outcome.

        A leaf decides itself. ``all`` and ``any`` are decided by the parts that came out as they
        did (the false parts of a false ``all``, the unknown parts of an unknown one, the true
        parts of a true ``any``...), or by all their parts when none did. So ``not`` is decided
        by its inner condition: it came out the other way, or both are unknown.
        """
        if not self.parts:
            return [self]
        chosen = [p for p in self.parts if p.holds is self.holds] or self.parts
        return [leaf for part in chosen for leaf in part.leaves()]

    def deciding(self) -> list[str]:
        """The facts that decided the outcome, in plain words, without repeats."""
        return list(dict.fromkeys(leaf.text for leaf in self.leaves()))

    def unknown(self) -> list[Fact]:
        """The facts to declare to settle an unknown outcome (empty when it is settled)."""
        if self.holds is not None:
            return []
        return sorted({leaf.fact for leaf in self.leaves() if leaf.fact is not None})


def evaluate_condition(
    condition: Condition,
    facts: ProfileFacts,
    part: Callable[[Condition], Trace] | None = None,
) -> Trace:
    """Evaluate one condition against a profile's facts, keeping the reasons.

    ``part`` evaluates the parts of all / any / not (by default, this function): a caller
    that evaluates many conditions for one profile passes one that keeps each outcome.
    """
    sub = part or (lambda inner: evaluate_condition(inner, facts))
    match condition:
        case AllOf(all=parts):
            traces = [sub(p) for p in parts]
            return Trace(_all([t.holds for t in traces]), "all", traces)
        case AnyOf(any=parts):
            traces = [sub(p) for p in parts]
            return Trace(_any([t.holds for t in traces]), "any", traces)
        case NotCondition(not_=inner):
            trace = sub(inner)
            return Trace(None if trace.holds is None else not trace.holds, "not", [trace])
    return _leaf(condition, facts)


def _all(values: list[Known]) -> Known:
    if False in values:
        return False
    return None if None in values else True


def _any(values: list[Known]) -> Known:
    if True in values:
        return True
    return None if None in values else False


def _said(holds: Known, fact: Fact, yes: str, no: str, unknown: str) -> Trace:
    text = unknown if holds is None else (yes if holds else no)
    return Trace(holds, text, [], fact if holds is None else None)


def _equals(value: Known, wanted: bool) -> Known:
    return None if value is None else value == wanted


def _leaf(condition: Condition, facts: ProfileFacts) -> Trace:
    """Evaluate a leaf condition; the text says what the profile has."""
    match condition:
        case HasFeature(feature=feature):
            what = words(feature)
            return _said(
                facts.listed("features", feature),
                Fact("features", feature.value),
                f"the service has {what}",
                f"the service has no {what}",
                f"the profile does not say whether the service has {what}",
            )
        case HasKind(kind=kind):
            return _kind(kind, facts)
        case InJurisdiction(jurisdiction=code):
            return _said(
                facts.offered_in(code),
                Fact("users", code),
                f"the service is offered in {code}",
                f"the service is not offered in {code}",
                f"the profile does not say whether the service is offered in {code}",
            )
        case EstablishedIn(established_in=code):
            held = code in facts.profile.established_in
            text = "is" if held else "is not"
            return Trace(held, f"the provider {text} established in {code}")
        case ChildrenLikely(children_likely=wanted):
            return _children(wanted, facts)
        case UsersAtLeast(users=threshold):
            return _users(threshold, facts)
        case RiskAtLeast(risk=threshold):
            return _risk(threshold.harm, threshold.at_least, facts)
        case MultiRisk(multi_risk=wanted):
            return _multi_risk(wanted, facts)
        case DesignatedAs(designation=designation):
            label = _DESIGNATIONS.get(designation, words(designation))
            return _said(
                facts.listed("designations", designation),
                Fact("designations", designation.value),
                f"the service is designated {label}",
                f"the service is not designated {label}",
                f"the profile does not say whether the service is designated {label}",
            )
        case EnterpriseSizeAtLeast(enterprise_size=threshold):
            return _size(threshold.at_least.value, threshold.at_least.rank, facts)
    raise TypeError(f"unknown condition {condition!r}")  # pragma: no cover - the union is closed


def _kind(kind: str, facts: ProfileFacts) -> Trace:
    service = f"{words(kind)} service"
    implied = facts.implied_by(kind)
    yes = f"the service is a {service}"
    if implied is not None:
        yes += f" (every {words(implied.kind)} is one: {implied.label})"
    return _said(
        facts.listed("kinds", kind),
        Fact("kinds", str(kind)),
        yes,
        f"the service is not a {service}",
        f"the profile does not say whether the service is a {service}",
    )


def _children(wanted: bool, facts: ProfileFacts) -> Trace:
    likely = facts.profile.children_likely
    return _said(
        _equals(likely, wanted),
        Fact("children_likely"),
        "children are likely to use the service"
        if wanted
        else "children are not likely to use the service",
        "children are not likely to use the service"
        if wanted
        else "children are likely to use the service",
        "the profile does not say whether children are likely to use the service",
    )


def _users(threshold: UserThreshold, facts: ProfileFacts) -> Trace:
    where = threshold.jurisdiction
    place = "worldwide" if where == "global" else f"in {where}"
    found = facts.users_in(where)
    comparison, number = threshold.comparison
    above = found.count > number if comparison == "more_than" else found.count >= number
    holds: Known = True if above else (False if found.exact else None)
    known = f"{found.count:,} monthly users {place}"
    wanted = threshold.wording()
    return _said(
        holds,
        found.fact,
        f"the service has {known}, {wanted}",
        f"the service has {known}, not {wanted}",
        f"the profile does not give the number of monthly users {place} ({wanted} would count)",
    )


def _risk(harm: Harm, at_least: RiskLevel, facts: ProfileFacts) -> Trace:
    level = facts.risk(harm)
    holds = None if level is None else level.rank >= at_least.rank
    name = words(harm)
    return _said(
        holds,
        Fact("risk", harm.value),
        f"the risk of {name} is {level}, {at_least} or higher",
        f"the risk of {name} is {level}, below {at_least}",
        f"the profile gives no risk level for {name}",
    )


def _multi_risk(wanted: bool, facts: ProfileFacts) -> Trace:
    multi = facts.multi_risk()
    how = "declared" if facts.profile.multi_risk is not None else "from its risk levels"
    yes, no = f"the service is multi-risk ({how})", f"the service is not multi-risk ({how})"
    return _said(
        _equals(multi, wanted),
        Fact("multi_risk"),
        yes if wanted else no,
        no if wanted else yes,
        "the profile does not say whether the service is multi-risk (medium or high risk for "
        "two or more kinds of illegal harm)",
    )


def _size(at_least: str, rank: int, facts: ProfileFacts) -> Trace:
    size = facts.profile.enterprise_size
    return _said(
        None if size is None else size.rank >= rank,
        Fact("enterprise_size"),
        f"the provider is a {size} enterprise, {at_least} or larger",
        f"the provider is a {size} enterprise, smaller than {at_least}",
        "the profile does not give the provider's enterprise size",
    )
