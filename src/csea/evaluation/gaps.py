"""The gap list: every applicable obligation not fully met, most urgent first.

An obligation is a gap when it is applicable and neither ``implemented`` nor a
justified ``not_applicable``. Gaps are ranked by, in turn:

1. force for the service: legal duty, regulatory code, voluntary principle,
   law-enforcement demand, guidance (the order of ``Force``);
2. the worst finding about it: error, warning, info, none;
3. status: ``not_implemented``, ``not_assessed`` and unjustified ``not_applicable``
   first, then ``planned``, then ``partial``;
4. due date, earliest first, none last;
5. obligation id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from csea.models import Force, Status
from csea.models.evaluation import FindingLevel, Gap, ObligationResult

__all__ = ["rank_gaps"]

_STATUS_ORDER = {Status.PLANNED: 1, Status.PARTIAL: 2}


def worst_level(result: ObligationResult) -> FindingLevel | None:
    """The most serious finding about an obligation, or None when it has none."""
    return min((f.level for f in result.findings), key=lambda level: level.rank, default=None)


def _is_gap(result: ObligationResult) -> bool:
    return result.status is not Status.IMPLEMENTED and result.credit is not None


def _key(result: ObligationResult) -> tuple[int, int, int, dt.date, str]:
    worst = worst_level(result)
    return (
        result.force.rank if result.force else len(Force),
        worst.rank if worst else len(FindingLevel),
        _STATUS_ORDER.get(result.status, 0),
        result.due or dt.date.max,
        result.id,
    )


def rank_gaps(results: Sequence[ObligationResult]) -> list[Gap]:
    """The gaps among evaluated obligations, ranked (see the module docstring)."""
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
        )
        for index, r in enumerate(ranked, start=1)
    ]
