"""Which obligations apply to a service, why, and how binding each is for it.

An obligation **applies** to a service when its ``applies_when`` holds for the profile
and at least one of its citations **binds** the service. A citation binds on a date when:

1. its source (or the provision itself) is in force or voluntary on that date, using the
   source's timeline and the provision's ``in_force`` date;
2. the source applies where the service has users (``INT`` sources apply everywhere);
3. the citation's own ``applies_when`` (a source's size, risk or kind thresholds) holds.

The obligation's **force** for the service is the strongest force among the citations
that bind it and that ask what the obligation asks: a citation whose relationship is
``equivalent``, ``part_of`` or ``broader_than``. A provision that only ``overlaps`` the
obligation (typically a general duty that the obligation is one way among several to
meet, such as "take proportionate measures against illegal content") makes the obligation
relevant to the service but gives it no force: the law does not ask that specific thing.
An obligation whose binding citations all merely overlap is good practice for the service
(force ``guidance``). Citations that do not bind yet (adopted, not in force; proposed) are
kept as *upcoming*, so a team sees what is coming.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from csea.models import Catalog, Citation, Force, Obligation, Relationship, Source, SourceStatus
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
from csea.models.profile import ServiceProfile
from csea.models.vocabulary import Harm, RiskLevel

__all__ = [
    "EU_MEMBER_STATES",
    "Applicability",
    "Binding",
    "CitationState",
    "Trace",
    "applicability",
    "applicable_obligations",
    "evaluate_condition",
    "has_users_in",
    "is_multi_risk",
    "users_in",
]

_ACTIVE = {SourceStatus.IN_FORCE, SourceStatus.VOLUNTARY}


@dataclass(frozen=True, slots=True)
class Trace:
    """How one condition came out for a profile, with the parts that decided it.

    The engine's results (``Trace``, ``Binding``, ``Applicability``) are plain frozen
    dataclasses, not pydantic models: they are built from already-validated data, tens of
    thousands of times for a portfolio, and validating them again would only cost time.
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
        not: every leaf that failed on the way.
        """
        if not self.parts:
            return [self.text]
        wanted = self.holds if not self.text.startswith("not ") else not self.holds
        chosen = [p for p in self.parts if p.holds == wanted] or self.parts
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
    """Evaluate a leaf condition; the text says what the profile has."""
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
            return _users(threshold.jurisdiction, threshold.at_least, profile)
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
    raise TypeError(f"unknown condition {condition!r}")  # pragma: no cover - the union is closed


def _said(holds: bool, text: str) -> Trace:
    return Trace(holds=holds, text=text, parts=[])


def _users(where: str, at_least: int, profile: ServiceProfile) -> Trace:
    if where == "global":
        actual, place = profile.total_users, "worldwide"
    else:
        actual, place = users_in(profile, where), f"in {where}"
    return _said(
        actual >= at_least, f"at least {at_least:,} monthly users {place} (profile: {actual:,})"
    )


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


def users_in(profile: ServiceProfile, code: str) -> int:
    """Monthly active users in a jurisdiction; for ``EU``, the EU figure plus every member state's."""
    if code == "EU":
        return profile.users.get("EU", 0) + sum(
            n for state, n in profile.users.items() if state in EU_MEMBER_STATES
        )
    return profile.users.get(code, 0)


def has_users_in(profile: ServiceProfile, code: str) -> bool:
    """Whether the service is offered in a jurisdiction (``INT`` matches every service).

    A profile key counts even with 0 users, so a service just launched somewhere is in scope there.
    """
    if code == "INT" or code in profile.users:
        return True
    return code == "EU" and any(state in EU_MEMBER_STATES for state in profile.users)


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
        "csam" if harm in (Harm.CSAM_IMAGE, Harm.CSAM_URL) else harm.value
        for harm, level in profile.risk.items()
        if level.rank >= RiskLevel.MEDIUM.rank
    }
    return len(kinds) >= 2


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


@dataclass
class _Memo:
    """What one profile on one date needs many times: each source's reach and provision status."""

    profile: ServiceProfile
    as_of: dt.date
    where: dict[str, list[str]] = field(default_factory=dict)
    status: dict[tuple[str, str], SourceStatus] = field(default_factory=dict)

    def jurisdictions(self, source: Source) -> list[str]:
        """The source's jurisdictions where the service has users."""
        if source.id not in self.where:
            self.where[source.id] = [
                j for j in source.jurisdictions if has_users_in(self.profile, j)
            ]
        return self.where[source.id]

    def status_of(self, source: Source, provision_id: str) -> SourceStatus:
        """The provision's status on the memo's date."""
        key = (source.id, provision_id)
        if key not in self.status:
            self.status[key] = source.provision_status_on(provision_id, self.as_of)
        return self.status[key]


def applicability(
    catalog: Catalog, obligation: Obligation, profile: ServiceProfile, as_of: dt.date
) -> Applicability:
    """Decide whether one obligation applies to a profile on a date, with the reasons."""
    return _applicability(catalog, obligation, _Memo(profile, as_of))


def _applicability(catalog: Catalog, obligation: Obligation, memo: _Memo) -> Applicability:
    profile, as_of = memo.profile, memo.as_of
    bindings = [_binding(catalog, c, memo) for c in obligation.citations]
    binding = [b for b in bindings if b.state is CitationState.BINDS]
    force = _force(binding)
    if obligation.applies_when is None:
        holds, reasons = True, ["applies to every service"]
    else:
        trace = evaluate_condition(obligation.applies_when, profile)
        holds, reasons = trace.holds, trace.deciding()
    if holds and not binding:
        reasons = ["none of its sources applies to this service on " + as_of.isoformat()]
    elif holds:
        reasons = [*reasons, *_binding_reasons(binding)]
    return Applicability(
        obligation_id=obligation.id,
        applies=holds and bool(binding),
        reasons=reasons,
        force=force if holds else None,
        bindings=bindings,
    )


def _force(binding: list[Binding]) -> Force | None:
    """Strongest force among binding citations that ask what the obligation asks."""
    asking = [b.force for b in binding if b.confers_force]
    if asking:
        return min(asking, key=lambda f: f.rank)
    return Force.GUIDANCE if binding else None


def _binding_reasons(binding: list[Binding]) -> list[str]:
    asking = [f"{b.source} {b.provision}" for b in binding if b.confers_force]
    related = [f"{b.source} {b.provision}" for b in binding if not b.confers_force]
    lines = [f"binding: {', '.join(asking)}"] if asking else []
    if related:
        lines.append(f"related (overlapping, no force): {', '.join(related)}")
    return lines


def _binding(catalog: Catalog, citation: Citation, memo: _Memo) -> Binding:
    profile, as_of = memo.profile, memo.as_of
    source = catalog.source(citation.source)
    assert source is not None, "the loader guarantees every citation resolves"

    force = source.force_of(citation.provision)

    def result(state: CitationState, why: str) -> Binding:
        return Binding(
            source=source.id,
            provision=citation.provision,
            force=force,
            relationship=citation.relationship,
            state=state,
            why=why,
        )

    where = memo.jurisdictions(source)
    if not where:
        return result(
            CitationState.OUT_OF_SCOPE,
            f"applies in {', '.join(source.jurisdictions)}; no users there",
        )
    if citation.applies_when is not None:
        trace = evaluate_condition(citation.applies_when, profile)
        if not trace.holds:
            return result(
                CitationState.OUT_OF_SCOPE, "conditions not met: " + "; ".join(trace.deciding())
            )
    status = memo.status_of(source, citation.provision)
    if status in _ACTIVE:
        return result(
            CitationState.BINDS, f"{status.value.replace('_', ' ')} in {', '.join(where)}"
        )
    if status is SourceStatus.LAPSED:
        return result(CitationState.LAPSED, f"lapsed on or before {as_of.isoformat()}")
    label = "not yet in force" if status is SourceStatus.ADOPTED_NOT_IN_FORCE else "proposed"
    return result(CitationState.UPCOMING, f"{label} on {as_of.isoformat()}")


def applicable_obligations(
    catalog: Catalog, profile: ServiceProfile, as_of: dt.date, ids: Iterable[str] | None = None
) -> list[Applicability]:
    """Applicability of every obligation (or of ``ids``) in catalogue order."""
    wanted = set(ids) if ids is not None else None
    memo = _Memo(profile, as_of)
    return [
        _applicability(catalog, ob, memo)
        for ob in catalog.obligations
        if wanted is None or ob.id in wanted
    ]
