"""The applicability engine: conditions with reasons, citation binding on a date, and force."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter

from csea import Force, ServiceProfile, load_catalog
from csea.catalog.applicability import applicability
from csea.catalog.conditions import evaluate_condition, has_users_in, is_multi_risk, users_in
from csea.models import CitationState
from csea.models.conditions import Condition
from tests.conftest import BLOCK_01, CatalogFactory

CONDITION = TypeAdapter(Condition)
DAY = dt.date(2026, 11, 21)


def profile(**changes: Any) -> ServiceProfile:
    base: dict[str, Any] = {
        "organisation": "Example Org",
        "service": "Example",
        "kinds": ["user_to_user"],
        "features": ["image_upload"],
        "users": {"GB": 800_000},
        "established_in": ["GB"],
        "children_likely": True,
        "risk": {"csam_image": "high"},
    }
    return ServiceProfile.model_validate(base | changes)


@pytest.mark.parametrize(
    ("condition", "holds", "deciding"),
    [
        ({"feature": "image_upload"}, True, ["has feature 'image_upload'"]),
        ({"kind": "search"}, False, ["is of kind 'search'"]),
        (
            {"users": {"jurisdiction": "GB", "at_least": 700_000}},
            True,
            ["at least 700,000 monthly users in GB (profile: 800,000)"],
        ),
        (
            {"risk": {"harm": "grooming", "at_least": "low"}},
            False,
            ["risk of grooming is low or higher (profile: not declared)"],
        ),
        (
            {
                "all": [
                    {"jurisdiction": "GB"},
                    {"any": [{"kind": "search"}, {"children_likely": True}]},
                ]
            },
            True,
            ["has users in GB", "children are likely to use it"],
        ),
        (
            {"not": {"feature": "end_to_end_encryption"}},
            True,
            ["has feature 'end_to_end_encryption'"],
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            False,
            ["enterprise size medium or larger (profile: not declared)"],
        ),
    ],
    ids=["feature", "kind", "users", "undeclared-risk", "nested", "not", "enterprise-size"],
)
def test_conditions_keep_their_reasons(
    condition: dict[str, Any], holds: bool, deciding: list[str]
) -> None:
    trace = evaluate_condition(CONDITION.validate_python(condition), profile())
    assert (trace.holds, trace.deciding()) == (holds, deciding)


def test_eu_member_states_count_as_eu() -> None:
    service = profile(users={"FR": 30_000_000, "DE": 20_000_000, "GB": 1})
    assert (users_in(service, "EU"), has_users_in(service, "EU"), has_users_in(service, "US")) == (
        50_000_000,
        True,
        False,
    )
    assert has_users_in(service, "INT")


@pytest.mark.parametrize(
    ("risk", "declared", "expected"),
    [
        ({"csam_image": "high", "csam_url": "medium"}, None, False),
        ({"csam_image": "high", "grooming": "medium"}, None, True),
        ({"grooming": "low", "livestreamed_abuse": "low"}, None, False),
        ({}, True, True),
    ],
    ids=["csam-kinds-count-once", "two-kinds", "low-only", "declared"],
)
def test_multi_risk(risk: dict[str, str], declared: bool | None, expected: bool) -> None:
    assert is_multi_risk(profile(risk=risk, multi_risk=declared)) is expected


def _verdict(root: Any, service: ServiceProfile, day: dt.date = DAY, ob: str = "BLOCK-01") -> Any:
    catalog = load_catalog(root)
    obligation = catalog.obligation(ob)
    assert obligation is not None
    return applicability(catalog, obligation, service, day)


def test_force_is_the_strongest_binding_citation(make_catalog: CatalogFactory) -> None:
    verdict = _verdict(make_catalog(), profile())
    assert (verdict.applies, verdict.force, verdict.binding_sources) == (
        True,
        Force.LEGAL_DUTY,
        ["uk.osa2023", "vol.vp2020"],
    )


def test_overlapping_provisions_give_no_force(make_catalog: CatalogFactory) -> None:
    overlapping = BLOCK_01.replace("relationship: part_of", "relationship: overlaps", 1)
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": overlapping}), profile())
    assert (verdict.applies, verdict.force) == (True, Force.VOLUNTARY_PRINCIPLE)
    assert verdict.reasons[-2:] == [
        "binding: vol.vp2020 p1",
        "related (overlapping, no force): uk.osa2023 s10",
    ]


def test_only_overlapping_citations_make_it_guidance(make_catalog: CatalogFactory) -> None:
    overlapping = BLOCK_01.replace("relationship: part_of", "relationship: overlaps").replace(
        "relationship: equivalent", "relationship: overlaps"
    )
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": overlapping}), profile())
    assert (verdict.applies, verdict.force) == (True, Force.GUIDANCE)


def test_no_users_where_the_sources_apply(make_catalog: CatalogFactory) -> None:
    verdict = _verdict(make_catalog(), profile(users={"BR": 1_000}))
    assert (verdict.applies, verdict.force) == (False, None)
    assert [b.state for b in verdict.bindings] == [
        CitationState.OUT_OF_SCOPE,
        CitationState.OUT_OF_SCOPE,
    ]


def test_provision_not_yet_in_force_is_upcoming(make_catalog: CatalogFactory) -> None:
    s66 = BLOCK_01.replace("provision: s10", "provision: s66")
    root = make_catalog(**{"block/BLOCK-01.yaml": s66})
    before = _verdict(root, profile(), dt.date(2026, 4, 6))
    after = _verdict(root, profile(), dt.date(2026, 4, 7))
    assert [(v.force, v.bindings[0].state) for v in (before, after)] == [
        (Force.VOLUNTARY_PRINCIPLE, CitationState.UPCOMING),
        (Force.LEGAL_DUTY, CitationState.BINDS),
    ]


def test_citation_conditions_scope_a_source(make_catalog: CatalogFactory) -> None:
    scoped = BLOCK_01.replace(
        "    relationship: part_of\n",
        "    relationship: part_of\n    applies_when:\n      kind: file_storage\n",
        1,
    )
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": scoped}), profile())
    assert verdict.force is Force.VOLUNTARY_PRINCIPLE
    assert verdict.bindings[0].why == "conditions not met: is of kind 'file_storage'"


def test_provision_force_overrides_its_source() -> None:
    catalog = load_catalog()
    source = catalog.source("au.osa2021")
    assert source is not None
    assert (source.force, source.force_of("s46.1.c.iv"), source.force_of("s49")) == (
        Force.LEGAL_DUTY,
        Force.REGULATORY_CODE,
        Force.LEGAL_DUTY,
    )


def test_small_low_risk_uk_forum_is_not_told_hash_matching_is_law() -> None:
    """The case that motivated the overlaps rule: a general duty does not make a technique law."""
    catalog = load_catalog()
    forum = profile(
        kinds=["user_to_user", "forum"],
        features=["public_posts", "image_upload"],
        users={"GB": 18_500},
        children_likely=False,
        risk={"csam_image": "low", "csam_url": "low", "grooming": "low"},
    )
    obligation = catalog.obligation("BLOCK-01")
    assert obligation is not None
    verdict = applicability(catalog, obligation, forum, DAY)
    assert verdict.applies
    assert verdict.force is not Force.LEGAL_DUTY
    assert verdict.force is not Force.REGULATORY_CODE
