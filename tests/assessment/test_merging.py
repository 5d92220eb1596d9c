"""Answers of obligations the catalogue merged: one cautious answer, nothing anyone wrote lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from csea.assessment.merging import merged_answer
from csea.models import Answer, ReviewFlag

FLAG = ReviewFlag.model_validate(
    {"reason": "merged", "note": "merged from OLD-01 and OLD-02", "raised": dt.date(2026, 12, 1)}
)
PHOTO = {"title": "hash list contract", "path": "contracts/hash.pdf", "collected": "2026-10-01"}
LOG = {"title": "match log", "path": "logs/match.csv", "collected": "2026-11-01"}


def answer(**fields: Any) -> Answer:
    return Answer.model_validate(fields)


def test_every_field_is_combined_the_cautious_way() -> None:
    first = answer(
        status="implemented",
        owner="Trust & Safety",
        evidence=[PHOTO, LOG],
        due="2027-01-31",
        accepted_by="CTO",
        accepted_on="2026-09-01",
        justification="no uploads in the app",
        notes="  first note  ",
        indicators=[{"id": "match-rate", "value": 0.9, "period": "2026-Q3"}],
    )
    second = answer(
        status="partial",
        owner="Legal",
        evidence=[LOG],
        due="2027-03-31",
        accepted_by="CEO",
        accepted_on="2026-10-15",
        justification="no uploads in the app",
        notes="second note",
        indicators=[
            {"id": "match-rate", "value": 0.9, "period": "2026-Q3"},
            {"id": "match-rate", "value": 0.95, "period": "2026-Q4"},
        ],
    )
    assert merged_answer([("OLD-01", first), ("OLD-02", second)], FLAG) == answer(
        status="partial",
        owner="Trust & Safety; Legal",
        evidence=[PHOTO, LOG],
        due="2027-03-31",
        accepted_by="CTO; CEO",
        accepted_on="2026-10-15",
        justification="no uploads in the app",
        notes="OLD-01: first note\n\nOLD-02: second note",
        indicators=[
            {"id": "match-rate", "value": 0.9, "period": "2026-Q3"},
            {"id": "match-rate", "value": 0.95, "period": "2026-Q4"},
        ],
        review=FLAG,
    )


@pytest.mark.parametrize(
    ("statuses", "merged"),
    [
        (["not_applicable", "planned"], "planned"),
        (["not_applicable", "not_applicable"], "not_applicable"),
        (["implemented", "not_implemented"], "not_implemented"),
    ],
    ids=["not-applicable-does-not-weaken", "all-not-applicable", "weakest-wins"],
)
def test_the_status_is_the_weakest_that_applies(statuses: list[str], merged: str) -> None:
    parts = [(f"OLD-0{n}", answer(status=s)) for n, s in enumerate(statuses, 1)]
    assert merged_answer(parts, FLAG).status == merged


def test_answers_with_nothing_to_combine_stay_empty() -> None:
    parts = [("OLD-01", answer(status="planned")), ("OLD-02", answer(status="planned"))]
    assert merged_answer(parts, FLAG) == answer(status="planned", review=FLAG)
