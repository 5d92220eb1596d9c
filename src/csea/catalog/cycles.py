"""Review cycles: which apply to a service, and when its next review falls due.

A catalogue may have ``review-cycles.yaml`` (see [ReviewCycle][csea.models.ReviewCycle]).
A cycle **applies** to a service on a date when one of its citations binds the service
(the same rules as an obligation's citation: the source in force where the service has
users, the citation's own conditions) and its ``applies_when`` holds. When several apply,
the shortest period governs. The check that cycles cite existing provisions is in
[csea.catalog.cycle_checks][].
"""

from __future__ import annotations

import calendar
import datetime as dt

from csea.catalog.applicability import citation_binding, profile_facts
from csea.catalog.conditions import evaluate_condition
from csea.models import Catalog, CitationState, ReviewCycle, ServiceProfile

__all__ = [
    "CYCLES_FILE",
    "cited",
    "cycles_for",
    "governing_cycle",
    "next_review",
]

CYCLES_FILE = "review-cycles.yaml"
"""The file of a catalogue directory that holds the review cycles."""


def cycles_for(catalog: Catalog, profile: ServiceProfile, as_of: dt.date) -> list[ReviewCycle]:
    """The review cycles that apply to a service on a date, in file order."""
    return [c for c in catalog.review_cycles if _applies(catalog, c, profile, as_of)]


def governing_cycle(
    catalog: Catalog, profile: ServiceProfile, as_of: dt.date
) -> ReviewCycle | None:
    """The applicable cycle with the shortest period (the first of equals), or None."""
    applying = cycles_for(catalog, profile, as_of)
    return min(applying, key=lambda c: c.period_months) if applying else None


def next_review(last: dt.date, cycle: ReviewCycle) -> dt.date:
    """The day a review is due: ``period_months`` after ``last`` (the month's last day if shorter)."""
    months = last.year * 12 + last.month - 1 + cycle.period_months
    year, month = divmod(months, 12)
    days = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(last.day, days))


def cited(cycle: ReviewCycle) -> str:
    """Where a cycle comes from, in words: its citations and where the period is stated."""
    provisions = ", ".join(f"{c.source} {c.provision}" for c in cycle.citations)
    if cycle.basis is None:
        return provisions
    basis = cycle.basis
    return f"{provisions}; the period: {basis.issuer}, {basis.title}, {basis.locator}"


def _applies(catalog: Catalog, cycle: ReviewCycle, profile: ServiceProfile, as_of: dt.date) -> bool:
    """Whether a cycle applies; a fact the profile leaves undeclared counts as applying."""
    if cycle.applies_when is not None:
        facts = profile_facts(catalog, profile)
        if evaluate_condition(cycle.applies_when, facts).holds is False:
            return False
    return any(
        citation_binding(catalog, citation, profile, as_of).state in _APPLYING
        for citation in cycle.citations
    )


_APPLYING = {CitationState.BINDS, CitationState.ASSUMED}
"""Citation states that make a cycle apply: binding, or binding until facts are declared."""
