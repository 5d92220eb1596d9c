"""Boundary cases generated from the thresholds of a catalogue.

For every threshold leaf in a citation's ``applies_when`` (users in a jurisdiction, the risk
of a harm, the enterprise size) this finds a service profile in which that one leaf decides
whether the citation's conditions hold where its comparison turns (they hold with the leaf
replaced by a condition that is always true, and fail with one that is never true), while
the obligation's own ``applies_when`` holds. The test then moves the one fact just below,
exactly to and just above the threshold, and expects the answer the comparison's words give
(``MEANS``). Neither the search nor the expected answer evaluates the leaf itself, so a fault
in the comparison under test cannot hide its own case.

The profile is found by trying combinations of the other facts the two conditions mention
(each feature and kind present or not, each other risk level, children likely or not...),
so a new threshold in the catalogue gets its cases without anyone writing them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from csea.catalog.conditions import evaluate_condition
from csea.catalog.facts import ProfileFacts
from csea.catalog.thresholds import thresholds_in
from csea.models import (
    Catalog,
    Citation,
    EnterpriseSize,
    Harm,
    Obligation,
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
)

Profile = dict[str, Any]
Patch = tuple[str, Any]
"""One fact of a profile: ``(field, value)``; a list field gains the value."""

MEANS: dict[str, dict[str, bool]] = {
    "more_than": {"below": False, "at": False, "above": True},
    "at_least": {"below": False, "at": True, "above": True},
}
"""What the comparison's words say, just below, exactly at and just above the threshold."""

ALWAYS: Condition = TypeAdapter(Condition).validate_python({"jurisdiction": "INT"})
"""A condition that holds for every profile (every service is in ``INT``)."""
NEVER: Condition = TypeAdapter(Condition).validate_python({"not": {"jurisdiction": "INT"}})
"""A condition that holds for none."""
_NEUTRAL_KIND = "search"
_NEUTRAL_HOME = "NZ"


@dataclass(frozen=True)
class Boundary:
    """One threshold leaf of one citation, with the profiles either side of it."""

    obligation: str
    citation: int
    provision: str
    threshold: str
    """The leaf, short: ``users:GB-more_than-7000000``, ``risk:grooming-at_least-high``."""
    comparison: str
    profiles: dict[str, Profile]
    """``below``, ``at`` and (where a level above exists) ``above`` -> profile data; empty
    when no profile makes this threshold alone decide (the test for it then fails)."""
    expected: dict[str, bool]
    """Per side: whether the citation's conditions hold, with the threshold taken as its
    words say (``MEANS``) and every other part of the condition as the profile makes it."""

    def __str__(self) -> str:
        return f"{self.obligation}-{self.provision}#{self.citation}-{self.threshold}"


def boundaries(catalog: Catalog) -> list[Boundary]:
    """Every threshold leaf of every citation in the catalogue, each with its profiles."""
    return [
        _boundary(catalog, obligation, index, citation, path, leaf)
        for obligation in catalog.obligations
        for index, citation in enumerate(obligation.citations)
        for path, leaf in thresholds_in(citation.applies_when, [])
    ]


def _boundary(
    catalog: Catalog,
    obligation: Obligation,
    index: int,
    citation: Citation,
    path: list[str | int],
    leaf: Any,
) -> Boundary:
    fact, comparison, number, steps = _steps(leaf)
    source = catalog.source(citation.source)
    assert source is not None
    assert citation.applies_when is not None
    base: Profile = {
        "organisation": "Boundary Test Ltd",
        "service": "Boundary",
        "kinds": [],
        "features": [],
        "users": dict.fromkeys([j for j in source.jurisdictions if j != "INT"] or ["GB"], 1000),
        "established_in": [],
        "children_likely": True,
        "risk": {},
    }
    if_met = _replace(citation.applies_when, path, ALWAYS)
    if_not = _replace(citation.applies_when, path, NEVER)
    crossing = ("at", "above") if comparison == "more_than" else ("below", "at")
    found: dict[str, Profile] = {}
    for context in _contexts(obligation, citation, fact):
        profiles = {name: _apply(base, (*context, _patch(fact, value))) for name, value in steps}
        if all(_holds(obligation.applies_when, p) for p in profiles.values()) and all(
            _holds(if_met, profiles[name]) and not _holds(if_not, profiles[name])
            for name in crossing
            if name in profiles
        ):
            found = profiles
            break
    expected = {
        name: _holds(if_met if MEANS[comparison][name] else if_not, profile)
        for name, profile in found.items()
    }
    where = f"{fact}-{comparison}-{number}"
    return Boundary(obligation.id, index, citation.provision, where, comparison, found, expected)


def _replace(condition: Condition, path: list[str | int], leaf: Condition) -> Condition:
    """The condition with the part at ``path`` replaced by ``leaf``."""
    if not path:
        return leaf
    if isinstance(condition, NotCondition):
        return condition.model_copy(update={"not_": _replace(condition.not_, path[1:], leaf)})
    assert isinstance(condition, AllOf | AnyOf)
    key, position = path[0], path[1]
    parts = list(condition.all if isinstance(condition, AllOf) else condition.any)
    parts[int(position)] = _replace(parts[int(position)], path[2:], leaf)
    return condition.model_copy(update={str(key): parts})


def _steps(leaf: Any) -> tuple[str, str, Any, list[tuple[str, Any]]]:
    """The fact a leaf reads, its comparison and number, and the values either side."""
    if isinstance(leaf, UsersAtLeast):
        comparison, number = leaf.users.comparison
        fact = f"users:{leaf.users.jurisdiction}"
        return (
            fact,
            comparison,
            number,
            [("below", number - 1), ("at", number), ("above", number + 1)],
        )
    if isinstance(leaf, RiskAtLeast):
        return (
            f"risk:{leaf.risk.harm}",
            "at_least",
            leaf.risk.at_least.value,
            _around(list(RiskLevel), leaf.risk.at_least),
        )
    assert isinstance(leaf, EnterpriseSizeAtLeast)
    level = leaf.enterprise_size.at_least
    return "enterprise_size", "at_least", level.value, _around(list(EnterpriseSize), level)


def _around(levels: list[Any], level: Any) -> list[tuple[str, Any]]:
    at = levels.index(level)
    named = [("below", at - 1), ("at", at), ("above", at + 1)]
    return [(name, levels[i].value) for name, i in named if 0 <= i < len(levels)]


def _holds(condition: Condition | None, profile: Profile) -> bool:
    if condition is None:
        return True
    facts = ProfileFacts(ServiceProfile.model_validate(profile), [])
    holds = evaluate_condition(condition, facts).holds
    assert holds is not None, "a declared profile settles every condition"
    return holds


def _patch(fact: str, value: Any) -> Patch:
    """The one fact under test as a patch."""
    kind, _, key = fact.partition(":")
    if kind == "users":
        return ("users_worldwide", value) if key == "global" else ("users", {key: value})
    return ("risk", {key: value}) if kind == "risk" else ("enterprise_size", value)


def _apply(base: Profile, context: tuple[Patch, ...]) -> Profile:
    """The base profile with each fact set in turn (a later one wins)."""
    profile = {**base, "users": dict(base["users"]), "risk": dict(base["risk"])}
    for field, value in context:
        if value is None:
            continue
        if field in ("kinds", "features", "established_in", "designations"):
            profile[field] = [*profile.get(field, []), value]
        elif field in ("users", "risk"):
            profile[field] = {**profile[field], **value}
        else:
            profile[field] = value
    profile["kinds"] = profile["kinds"] or [_NEUTRAL_KIND]
    profile["established_in"] = profile["established_in"] or [_NEUTRAL_HOME]
    return _declared(profile)


def _declared(profile: Profile) -> Profile:
    """Every fact declared, so a fact not set means "no" (applicability fails closed on the rest).

    Lists are closed with ``all others``, the service is offered only where ``users`` says, a
    harm not set is low, the size not set is micro, and multi-risk is worked out from the risks.
    """
    closed = {**profile}
    for name in ("kinds", "features", "designations"):
        closed[name] = {"present": list(profile.get(name, [])), "absent": "all others"}
    closed["not_offered_in"] = "all others"
    closed["risk"] = {harm.value: "low" for harm in Harm} | profile["risk"]
    closed.setdefault("enterprise_size", "micro")
    if closed.get("enterprise_size") is None:
        closed["enterprise_size"] = "micro"
    if closed.get("multi_risk") is None:
        raised = {
            "csam" if h.startswith("csam") else h for h, v in closed["risk"].items() if v != "low"
        }
        closed["multi_risk"] = len(raised) >= 2
    return closed


def _contexts(obligation: Obligation, citation: Citation, fact: str) -> Iterator[tuple[Patch, ...]]:
    """Combinations of every other fact the two conditions read."""
    options: dict[str, list[Patch]] = {}
    for condition in (obligation.applies_when, citation.applies_when):
        for leaf in _leaves(condition):
            for key, values in _options(leaf, fact).items():
                options.setdefault(key, [])
                options[key] += [v for v in values if v not in options[key]]
    yield from itertools.product(*options.values())


def _leaves(condition: Condition | None) -> Iterator[Condition]:
    match condition:
        case None:
            return
        case AllOf(all=parts) | AnyOf(any=parts):
            for part in parts:
                yield from _leaves(part)
        case NotCondition(not_=inner):
            yield from _leaves(inner)
        case _:
            yield condition


def _options(leaf: Condition, fact: str) -> dict[str, list[Patch]]:
    """The values worth trying for the fact one leaf reads (none for the fact under test)."""
    match leaf:
        case HasFeature(feature=feature):
            return {f"feature:{feature}": [("features", feature.value), ("features", None)]}
        case HasKind(kind=kind):
            return {f"kind:{kind}": [("kinds", kind.value), ("kinds", None)]}
        case InJurisdiction(jurisdiction=code) if code != "INT":
            return {f"users:{code}": [("users", {code: 1000}), ("users", None)]}
        case EstablishedIn(established_in=code):
            return {f"home:{code}": [("established_in", code), ("established_in", None)]}
        case ChildrenLikely():
            return {"children": [("children_likely", True), ("children_likely", False)]}
        case MultiRisk():
            return {"multi": [("multi_risk", None), ("multi_risk", True), ("multi_risk", False)]}
        case DesignatedAs(designation=designation):
            return {
                f"designation:{designation}": [
                    ("designations", designation.value),
                    ("designations", None),
                ]
            }
        case RiskAtLeast(risk=risk) if f"risk:{risk.harm}" != fact:
            levels = [None, *(level.value for level in RiskLevel)]
            return {
                f"risk:{risk.harm}": [("risk", {risk.harm.value: v} if v else None) for v in levels]
            }
        case EnterpriseSizeAtLeast() if fact != "enterprise_size":
            sizes = [None, *(size.value for size in EnterpriseSize)]
            return {"enterprise_size": [("enterprise_size", v) for v in sizes]}
        case UsersAtLeast(users=users) if f"users:{users.jurisdiction}" != fact:
            number = users.comparison[1]
            key = "users_worldwide" if users.jurisdiction == "global" else "users"
            values = [number - 1, number + 1]
            if key == "users":
                return {
                    f"users:{users.jurisdiction}": [
                        ("users", {users.jurisdiction: v}) for v in values
                    ]
                }
            return {"users:global": [(key, v) for v in values]}
    return {}
