"""An evaluation keeps the applicability verdicts it was computed from, without serializing them."""

from __future__ import annotations

import datetime as dt

from csea.models import (
    Applicability,
    Binding,
    CitationState,
    Evaluation,
    Force,
    Relationship,
    Rollup,
    ServiceProfile,
    Status,
)
from csea.models.base import version_key

VERDICT = Applicability(
    obligation_id="BLOCK-01",
    applies=True,
    reasons=["applies to every service"],
    force=Force.LEGAL_DUTY,
    bindings=[
        Binding(
            source="uk.osa2023",
            provision="s10",
            force=Force.LEGAL_DUTY,
            relationship=Relationship.PART_OF,
            state=CitationState.BINDS,
            why="in force in GB",
        )
    ],
)


def _evaluation() -> Evaluation:
    empty = Rollup(
        id="all",
        title="All applicable obligations",
        obligation_ids=[],
        counts=dict.fromkeys(Status, 0),
        excluded=0,
        credit=0.0,
        denominator=0,
        score=None,
        legal_duties_unmet=0,
    )
    profile = ServiceProfile.model_validate(
        {
            "organisation": "Example Ltd",
            "service": "Pics",
            "kinds": ["user_to_user"],
            "users": {"GB": 10},
            "established_in": ["GB"],
            "children_likely": True,
        }
    )
    return Evaluation(
        catalog_id="mini",
        catalog_version="2026.11",
        catalog_date=dt.date(2026, 11, 1),
        as_of=dt.date(2026, 12, 1),
        profile=profile,
        obligations=[],
        findings=[],
        total=empty,
        pillars=[],
        sources=[],
        gaps=[],
    )


def test_an_evaluation_made_by_hand_has_no_verdicts() -> None:
    assert _evaluation().verdicts == ()


def test_verdicts_are_kept_through_copies_and_never_serialized() -> None:
    bare = _evaluation()
    kept = bare.with_verdicts([VERDICT]).model_copy(update={"assessed_by": "T&S"})
    assert (
        kept.verdicts,
        kept.model_dump(exclude={"assessed_by"}) == bare.model_dump(exclude={"assessed_by"}),
        "verdicts" in kept.model_dump_json(),
    ) == ((VERDICT,), True, False)


def test_versions_compare_as_numbers() -> None:
    assert sorted(["2027.10", "2026.11.1", "2027.06", "2026.11"], key=version_key) == [
        "2026.11",
        "2026.11.1",
        "2027.06",
        "2027.10",
    ]
