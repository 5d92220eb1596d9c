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
from dataclasses import dataclass, field

from csea.catalog.conditions import evaluate_condition, has_users_in
from csea.models import (
    Applicability,
    Binding,
    Catalog,
    Citation,
    CitationState,
    Force,
    Obligation,
    ServiceProfile,
    Source,
    SourceStatus,
)

__all__ = ["applicability", "applicable_obligations", "citation_binding"]

_ACTIVE = {SourceStatus.IN_FORCE, SourceStatus.VOLUNTARY}


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


def citation_binding(
    catalog: Catalog, citation: Citation, profile: ServiceProfile, as_of: dt.date
) -> Binding:
    """Whether one citation binds a service on a date, and why (the rules above).

    For citations outside obligations, such as a review cycle's.
    """
    return _binding(catalog, citation, _Memo(profile, as_of))
