"""Every kind of condition, both ways: whether it holds and the exact reason csea gives."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from csea import ServiceProfile
from csea.catalog.conditions import Trace, evaluate_condition, has_users_in, users_in
from csea.models.conditions import Condition

CONDITION = TypeAdapter(Condition)


def profile(**changes: Any) -> ServiceProfile:
    base: dict[str, Any] = {
        "organisation": "Example Org",
        "service": "Example",
        "kinds": ["user_to_user"],
        "features": ["image_upload"],
        "users": {"GB": 800_000},
        "established_in": ["GB"],
        "children_likely": False,
        "designations": ["uk_category_1"],
        "enterprise_size": "large",
        "risk": {"csam_image": "high", "grooming": "medium"},
    }
    return ServiceProfile.model_validate(base | changes)


def leaf(holds: bool, text: str) -> Trace:
    return Trace(holds=holds, text=text, parts=[])


@pytest.mark.parametrize(
    ("condition", "changes", "expected"),
    [
        ({"established_in": "GB"}, {}, leaf(True, "provider established in GB")),
        ({"established_in": "IE"}, {}, leaf(False, "provider established in IE")),
        ({"designation": "uk_category_1"}, {}, leaf(True, "designated 'uk_category_1'")),
        ({"designation": "eu_vlop"}, {}, leaf(False, "designated 'eu_vlop'")),
        ({"children_likely": False}, {}, leaf(True, "children are not likely to use it")),
        ({"children_likely": True}, {}, leaf(False, "children are likely to use it")),
        ({"multi_risk": True}, {}, leaf(True, "multi-risk (profile: yes)")),
        ({"multi_risk": False}, {}, leaf(False, "not multi-risk (profile: yes)")),
        (
            {"multi_risk": False},
            {"risk": {"grooming": "high"}},
            leaf(True, "not multi-risk (profile: no)"),
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            {},
            leaf(True, "enterprise size medium or larger (profile: large)"),
        ),
        (
            {"risk": {"harm": "grooming", "at_least": "high"}},
            {},
            leaf(False, "risk of grooming is high or higher (profile: medium)"),
        ),
        (
            {"users": {"jurisdiction": "FR", "more_than": 0}},
            {},
            leaf(False, "more than 0 monthly users in FR (profile: 0)"),
        ),
        ({"jurisdiction": "FR"}, {}, leaf(False, "has users in FR")),
        (
            {"all": [{"feature": "image_upload"}, {"kind": "search"}]},
            {},
            Trace(
                holds=False,
                text="all of",
                parts=[
                    leaf(True, "has feature 'image_upload'"),
                    leaf(False, "is of kind 'search'"),
                ],
            ),
        ),
        (
            {"any": [{"feature": "image_upload"}, {"kind": "search"}]},
            {},
            Trace(
                holds=True,
                text="any of",
                parts=[
                    leaf(True, "has feature 'image_upload'"),
                    leaf(False, "is of kind 'search'"),
                ],
            ),
        ),
        (
            {"not": {"kind": "search"}},
            {},
            Trace(
                holds=True,
                text="not (is of kind 'search')",
                parts=[leaf(False, "is of kind 'search'")],
            ),
        ),
    ],
    ids=[
        "established-in",
        "established-elsewhere",
        "designated",
        "not-designated",
        "children-not-likely",
        "children-likely-wanted",
        "multi-risk",
        "not-multi-risk-wanted",
        "not-multi-risk",
        "enterprise-size",
        "risk-below",
        "no-users-there",
        "not-offered-there",
        "all-of",
        "any-of",
        "not",
    ],
)
def test_a_condition_traces_to(
    condition: dict[str, Any], changes: dict[str, Any], expected: Trace
) -> None:
    assert evaluate_condition(CONDITION.validate_python(condition), profile(**changes)) == expected


@pytest.mark.parametrize(
    ("condition", "deciding"),
    [
        ({"not": {"feature": "image_upload"}}, ["has feature 'image_upload'"]),
        ({"not": {"kind": "search"}}, ["is of kind 'search'"]),
        (
            {"not": {"any": [{"feature": "image_upload"}, {"kind": "search"}]}},
            ["has feature 'image_upload'"],
        ),
        (
            {"not": {"all": [{"feature": "image_upload"}, {"kind": "search"}]}},
            ["is of kind 'search'"],
        ),
    ],
    ids=["fails", "holds", "fails-through-any", "holds-through-all"],
)
def test_a_negation_is_decided_by_what_decided_its_inside(
    condition: dict[str, Any], deciding: list[str]
) -> None:
    assert (
        evaluate_condition(CONDITION.validate_python(condition), profile()).deciding() == deciding
    )


@pytest.mark.parametrize(
    ("users", "jurisdiction", "offered", "count"),
    [
        ({"FR": 10}, "EU", True, 10),
        ({"GB": 10}, "EU", False, 0),
        ({"GB": 10, "EU": 5}, "EU", True, 5),
        ({"GB": 10}, "FR", False, 0),
        ({"GB": 0}, "GB", True, 0),
        ({"GB": 10}, "INT", True, 0),
    ],
    ids=["member-state", "outside-eu", "eu-figure", "elsewhere", "launched-no-users", "int"],
)
def test_where_a_service_is_offered_and_how_many_use_it_there(
    users: dict[str, int], jurisdiction: str, offered: bool, count: int
) -> None:
    service = profile(users=users)
    assert (has_users_in(service, jurisdiction), users_in(service, jurisdiction)) == (
        offered,
        count,
    )
