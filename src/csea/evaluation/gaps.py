"""The gap list: every applicable obligation not fully met, most urgent first, with the reason.

An obligation is a gap when it is applicable and neither ``implemented`` nor a
justified ``not_applicable``. Gaps are ranked by, in turn:

1. **force** for the service: legal duty, regulatory code, voluntary principle,
   law-enforcement demand, guidance, then no force (the order of ``Force``);
2. **risk**: the profile's risk level for the harms the obligation addresses, high first
   (an undeclared harm counts as high; an obligation whose harms the catalogue does not
   name comes after low; see [csea.catalog.harms][]);
3. **how far from met**: nothing in place (``not_implemented``, ``not_assessed``, an
   unjustified ``not_applicable``), then ``planned``, then ``partial``;
4. **due date**, earliest first (so overdue plans come first), none last;
5. obligation id, so the order is total.

Each gap carries its reason in words, the same four steps in order, for example
``legal duty · grooming risk high · partly in place · overdue since 2026-10-31`` (the
risk is left out when the catalogue names no harm for the obligation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from csea.catalog.harms import harm_words
from csea.models import Force, RiskLevel, Status
from csea.models.evaluation import FindingLevel, Gap, ObligationResult, RiskBasis

__all__ = ["distance", "rank_gaps", "rank_reason", "risk_words", "worst_level"]

_DISTANCE = {Status.PLANNED: 1, Status.PARTIAL: 2}
_DISTANCE_WORDS = ("nothing in place", "planned, nothing in place yet", "partly in place")
_NOT_ASSESSED = "not assessed yet"


def worst_level(result: ObligationResult) -> FindingLevel | None:
    """The most serious finding about an obligation, or None when it has none."""
    return min((f.level for f in result.findings), key=lambda level: level.rank, default=None)


def distance(status: Status) -> int:
    """How far from met: 0 nothing in place, 1 planned, 2 partly in place."""
    return _DISTANCE.get(status, 0)


def _is_gap(result: ObligationResult) -> bool:
    return result.status is not Status.IMPLEMENTED and result.credit is not None


def _risk_order(risk: RiskBasis | None) -> int:
    """0 for high, 1 medium, 2 low, 3 when no harm is named."""
    return len(RiskLevel) if risk is None else len(RiskLevel) - 1 - risk.level.rank


def _key(result: ObligationResult) -> tuple[int, int, int, dt.date, str]:
    return (
        result.force.rank if result.force else len(Force),
        _risk_order(result.risk),
        distance(result.status),
        result.due or dt.date.max,
        result.id,
    )


def _words(value: str) -> str:
    return value.replace("_", " ")


def risk_words(risk: RiskBasis) -> str:
    """The risk in words: ``grooming risk high``, or for several harms the one that sets it.

    ``abuse images risk high (highest of 5 harms)``; an undeclared harm says so:
    ``livestreamed abuse risk not declared (counted as high)``.
    """
    harm = harm_words(risk.harm)
    if not risk.declared:
        return f"{harm} risk not declared (counted as high)"
    if len(risk.harms) == 1:
        return f"{harm} risk {risk.level.value}"
    return f"{harm} risk {risk.level.value} (highest of {len(risk.harms)} harms)"


def rank_reason(result: ObligationResult, as_of: dt.date) -> str:
    """Why a gap ranks where it does: force, risk, how far from met, due date."""
    force = _words(result.force) if result.force else "no force for this service"
    far = (
        _NOT_ASSESSED
        if result.status is Status.NOT_ASSESSED
        else _DISTANCE_WORDS[distance(result.status)]
    )
    if result.due is None:
        due = "no due date"
    elif result.due < as_of:
        due = f"overdue since {result.due.isoformat()}"
    else:
        due = f"due {result.due.isoformat()}"
    risk = [] if result.risk is None else [risk_words(result.risk)]
    return " · ".join((force, *risk, far, due))


def rank_gaps(results: Sequence[ObligationResult], *, as_of: dt.date) -> list[Gap]:
    """The gaps among evaluated obligations, ranked, each with its reason (see the module docstring).

    Args:
        results: The evaluated obligations.
        as_of: The date due dates are judged on (for the reason's "overdue").
    """
    ranked = sorted((r for r in results if _is_gap(r)), key=_key)
    return [
        Gap(
            rank=index,
            obligation_id=r.id,
            title=r.title,
            pillar=r.pillar,
            force=r.force,
            status=r.status,
            owner=r.owner,
            due=r.due,
            worst_finding=worst_level(r),
            risk=r.risk,
            reason=rank_reason(r, as_of),
        )
        for index, r in enumerate(ranked, start=1)
    ]
