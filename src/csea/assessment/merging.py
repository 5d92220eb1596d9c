"""Combining the answers of obligations the catalogue merged into one.

The combined answer is deliberately cautious: the weakest status among the merged
answers (a merged obligation is only as met as its least-met part), every piece of
evidence and every indicator value kept, owners and the other free-text fields joined,
the latest due date, and the notes joined with the id each came from. Answers marked
``not_applicable`` do not weaken the status of parts that apply; when every part is
``not_applicable``, so is the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from csea.models import Answer, ReviewFlag, Status

__all__ = ["merged_answer"]

T = TypeVar("T")


def merged_answer(parts: Sequence[tuple[str, Answer]], flag: ReviewFlag) -> Answer:
    """Combine answers (with the ids they came from) into one, flagged for review."""
    answers = [answer for _, answer in parts]
    dues = [a.due for a in answers if a.due is not None]
    accepted = [a.accepted_on for a in answers if a.accepted_on is not None]
    return Answer(
        status=_weakest(a.status for a in answers),
        owner=_joined(a.owner for a in answers),
        evidence=_unique(e for a in answers for e in a.evidence),
        due=max(dues) if dues else None,
        accepted_by=_joined(a.accepted_by for a in answers),
        accepted_on=max(accepted) if accepted else None,
        justification=_joined(a.justification for a in answers),
        notes=_notes(parts),
        indicators=_unique(i for a in answers for i in a.indicators),
        review=flag,
    )


def _weakest(statuses: Iterable[Status]) -> Status:
    ranked = [(rank, s) for s in statuses if (rank := s.strength) is not None]
    return min(ranked)[1] if ranked else Status.NOT_APPLICABLE


def _joined(values: Iterable[str | None]) -> str | None:
    kept = _unique(v for v in values if v)
    return "; ".join(kept) if kept else None


def _notes(parts: Sequence[tuple[str, Answer]]) -> str | None:
    notes = [f"{oid}: {answer.notes.strip()}" for oid, answer in parts if answer.notes]
    return "\n\n".join(notes) if notes else None


def _unique(values: Iterable[T]) -> list[T]:
    kept: list[T] = []
    for value in values:
        if value not in kept:
            kept.append(value)
    return kept
