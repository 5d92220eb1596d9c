"""The applicability engine: conditions with reasons, citation binding on a date, and force."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter

from csea import Force, ServiceProfile, load_catalog
from csea.catalog.applicability import applicability, applicable_obligations
from csea.catalog.conditions import evaluate_condition
from csea.catalog.facts import ProfileFacts
from csea.models import CitationState, KindImplication
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


def facts(service: ServiceProfile, implications: list[KindImplication] | None = None) -> Any:
    return ProfileFacts(service, implications or [])


def evaluate(condition: dict[str, Any], service: ServiceProfile) -> tuple[Any, ...]:
    trace = evaluate_condition(CONDITION.validate_python(condition), facts(service))
    return (trace.holds, trace.deciding(), [str(f) for f in trace.unknown()])


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"feature": "image_upload"}, (True, ["the service has image upload"], [])),
        (
            {"feature": "voice_chat"},
            (
                None,
                ["the profile does not say whether the service has voice chat"],
                ["features: voice_chat"],
            ),
        ),
        (
            {"kind": "search"},
            (
                None,
                ["the profile does not say whether the service is a search service"],
                ["kinds: search"],
            ),
        ),
        (
            {"users": {"jurisdiction": "GB", "at_least": 700_000}},
            (True, ["the service has 800,000 monthly users in GB, at least 700,000"], []),
        ),
        (
            {"users": {"jurisdiction": "US", "at_least": 1}},
            (
                None,
                [
                    "the profile does not give the number of monthly users in US (at least 1 would count)"
                ],
                ["users: US"],
            ),
        ),
        (
            {"risk": {"harm": "grooming", "at_least": "low"}},
            (None, ["the profile gives no risk level for grooming"], ["risk: grooming"]),
        ),
        (
            {"risk": {"harm": "csam_image", "at_least": "high"}},
            (True, ["the risk of csam image is high, high or higher"], []),
        ),
        (
            {
                "all": [
                    {"jurisdiction": "GB"},
                    {"any": [{"kind": "search"}, {"children_likely": True}]},
                ]
            },
            (True, ["the service is offered in GB", "children are likely to use the service"], []),
        ),
        (
            {
                "all": [
                    {"feature": "voice_chat"},
                    {"feature": "video_calls"},
                    {"jurisdiction": "GB"},
                ]
            },
            (
                None,
                [
                    "the profile does not say whether the service has voice chat",
                    "the profile does not say whether the service has video calls",
                ],
                ["features: video_calls", "features: voice_chat"],
            ),
        ),
        (
            {"any": [{"feature": "voice_chat"}, {"feature": "image_upload"}]},
            (True, ["the service has image upload"], []),
        ),
        (
            {"not": {"feature": "end_to_end_encryption"}},
            (
                None,
                ["the profile does not say whether the service has end to end encryption"],
                ["features: end_to_end_encryption"],
            ),
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            (
                None,
                ["the profile does not give the provider's enterprise size"],
                ["enterprise_size"],
            ),
        ),
    ],
    ids=[
        "feature",
        "undeclared-feature",
        "undeclared-kind",
        "users",
        "undeclared-country",
        "undeclared-risk",
        "risk",
        "nested",
        "all-unknown",
        "any-true-wins",
        "not-unknown",
        "undeclared-size",
    ],
)
def test_conditions_say_what_the_service_has_and_what_is_not_declared(
    condition: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    assert evaluate(condition, profile()) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"features": {"present": ["image_upload"], "absent": ["voice_chat"]}},
            (False, ["the service has no voice chat"], []),
        ),
        (
            {"features": {"present": ["image_upload"], "absent": "all others"}},
            (False, ["the service has no voice chat"], []),
        ),
        ({"features": ["image_upload", "voice_chat"]}, (True, ["the service has voice chat"], [])),
    ],
    ids=["listed-absent", "all-others-absent", "present"],
)
def test_declaring_a_fact_settles_it_either_way(
    changes: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    assert evaluate({"feature": "voice_chat"}, profile(**changes)) == expected


def test_a_closed_list_of_countries_rules_the_others_out() -> None:
    open_list = facts(profile(users={"GB": 1, "FR": 2}))
    closed = facts(profile(users={"GB": 1, "FR": 2}, not_offered_in="all others"))
    assert [open_list.offered_in(c) for c in ("GB", "EU", "US", "INT")] == [True, True, None, True]
    assert [closed.offered_in(c) for c in ("GB", "EU", "US", "DE")] == [True, True, False, False]


def test_eu_member_states_count_as_eu() -> None:
    service = facts(profile(users={"FR": 30_000_000, "DE": 20_000_000, "GB": 1}))
    assert (service.users_in("EU").count, service.users_in("EU").exact) == (50_000_000, False)


def test_an_eu_figure_leaves_its_member_states_undeclared() -> None:
    service = facts(profile(users={"EU": 5}, not_offered_in="all others"))
    assert [service.offered_in(c) for c in ("EU", "FR", "US")] == [True, None, False]


@pytest.mark.parametrize(
    ("risk", "declared", "expected"),
    [
        ({"csam_image": "high", "csam_url": "medium"}, None, None),
        ({"csam_image": "high", "grooming": "medium"}, None, True),
        ({"grooming": "low", "livestreamed_abuse": "low"}, None, None),
        ({}, True, True),
        ({"grooming": "high", "sextortion": "high"}, False, False),
    ],
    ids=[
        "csam-kinds-count-once",
        "two-kinds",
        "low-only-is-not-enough-to-say-no",
        "declared",
        "declared-no",
    ],
)
def test_multi_risk(risk: dict[str, str], declared: bool | None, expected: bool | None) -> None:
    assert facts(profile(risk=risk, multi_risk=declared)).multi_risk() is expected


def test_a_kind_the_law_implies_counts_and_says_why() -> None:
    catalog = load_catalog()
    platform = ProfileFacts(profile(kinds=["online_platform"]), catalog.implications)
    trace = evaluate_condition(CONDITION.validate_python({"kind": "hosting"}), platform)
    assert (trace.holds, trace.deciding()) == (
        True,
        ["the service is a hosting service (every online platform is one: eu.dsa Art 3(i))"],
    )


def test_ruling_out_a_kind_rules_out_the_kinds_that_imply_it() -> None:
    catalog = load_catalog()
    service = profile(kinds={"present": ["user_to_user"], "absent": ["hosting"]})
    assert ProfileFacts(service, catalog.implications).listed("kinds", "online_platform") is False


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
        "asked for by: vol.vp2020 p1",
        "related rules that do not ask this specifically (no force): uk.osa2023 s10",
    ]


def test_only_overlapping_citations_make_it_guidance(make_catalog: CatalogFactory) -> None:
    overlapping = BLOCK_01.replace("relationship: part_of", "relationship: overlaps").replace(
        "relationship: equivalent", "relationship: overlaps"
    )
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": overlapping}), profile())
    assert (verdict.applies, verdict.force) == (True, Force.GUIDANCE)


def test_not_offered_where_the_sources_apply(make_catalog: CatalogFactory) -> None:
    service = profile(users={"BR": 1_000}, not_offered_in="all others")
    verdict = _verdict(make_catalog(), service)
    assert (verdict.applies, verdict.force) == (False, None)
    assert [b.state for b in verdict.bindings] == [
        CitationState.OUT_OF_SCOPE,
        CitationState.OUT_OF_SCOPE,
    ]


def test_a_country_not_declared_is_assumed_with_its_force(make_catalog: CatalogFactory) -> None:
    verdict = _verdict(make_catalog(), profile(users={"BR": 1_000}))
    assert (
        verdict.applies,
        verdict.assumed,
        verdict.force,
        [str(f) for f in verdict.undeclared],
    ) == (
        True,
        True,
        Force.LEGAL_DUTY,
        ["users: AU", "users: CA", "users: GB", "users: NZ", "users: US"],
    )
    assert [b.state for b in verdict.bindings] == [CitationState.ASSUMED, CitationState.ASSUMED]
    assert verdict.reasons == [
        "the profile does not say whether the service is offered in GB",
        "asked for by, unless the profile rules it out: uk.osa2023 s10, vol.vp2020 p1",
    ]


def test_a_force_that_rests_on_an_undeclared_fact_is_marked(make_catalog: CatalogFactory) -> None:
    anywhere = BLOCK_01.replace("    - jurisdiction: GB\n", "")
    root = make_catalog(**{"block/BLOCK-01.yaml": anywhere})
    verdict = _verdict(root, profile(users={"US": 1_000}))
    assert (verdict.applies, verdict.assumed, verdict.force_assumed, verdict.force) == (
        True,
        False,
        True,
        Force.LEGAL_DUTY,
    )


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
    service = profile(kinds={"present": ["user_to_user"], "absent": ["file_storage"]})
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": scoped}), service)
    assert verdict.force is Force.VOLUNTARY_PRINCIPLE
    assert verdict.bindings[0].why == "the service is not a file storage service"


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
        kinds={"present": ["user_to_user", "forum"], "absent": "all others"},
        features={"present": ["public_posts", "image_upload"], "absent": "all others"},
        users={"GB": 18_500},
        not_offered_in="all others",
        children_likely=False,
        enterprise_size="micro",
        multi_risk=False,
        risk={"csam_image": "low", "csam_url": "low", "grooming": "low"},
    )
    obligation = catalog.obligation("BLOCK-01")
    assert obligation is not None
    verdict = applicability(catalog, obligation, forum, DAY)
    assert verdict.applies
    assert verdict.force is not Force.LEGAL_DUTY
    assert verdict.force is not Force.REGULATORY_CODE


_DECLARED = {"present": ["image_upload"], "absent": []}
"""Has image upload; says nothing of its other features (live streaming is undeclared)."""


def _live(citation: str) -> str:
    """BLOCK-01 with one citation binding only a service that has live streaming."""
    scoped = f"    relationship: {citation}\n    applies_when:\n      feature: live_streaming\n"
    return BLOCK_01.replace(f"    relationship: {citation}\n", scoped, 1)


_EQUAL = BLOCK_01.replace(
    "citations:\n",
    "citations:\n  - source: uk.osa2023\n    provision: s66\n    relationship: part_of\n"
    "    verification: secondary\n    applies_when:\n      feature: live_streaming\n",
    1,
)


@pytest.mark.parametrize(
    ("text", "undeclared", "force_assumed"),
    [
        (_live("equivalent"), [], False),
        (_EQUAL, [], False),
        (_live("part_of"), ["features: live_streaming"], True),
    ],
    ids=["weaker", "as strong", "stronger"],
)
def test_an_undeclared_fact_is_asked_for_only_when_it_could_raise_the_force(
    make_catalog: CatalogFactory, text: str, undeclared: list[str], force_assumed: bool
) -> None:
    """A citation that rests on an undeclared fact matters only if it would bind more strongly."""
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": text}), profile(features=_DECLARED))
    assert (
        verdict.applies,
        verdict.assumed,
        verdict.force,
        verdict.force_assumed,
        [str(f) for f in verdict.undeclared],
    ) == (True, False, Force.LEGAL_DUTY, force_assumed, undeclared)
    assumed = [b for b in verdict.bindings if b.state is CitationState.ASSUMED]
    assert [str(f) for b in assumed for f in b.facts] == ["features: live_streaming"]


def test_no_force_when_no_source_reaches_the_service(make_catalog: CatalogFactory) -> None:
    anywhere = BLOCK_01.replace("    - jurisdiction: GB\n", "")
    service = profile(users={"BR": 1_000}, not_offered_in="all others")
    verdict = _verdict(make_catalog(**{"block/BLOCK-01.yaml": anywhere}), service)
    assert (
        verdict.applies,
        verdict.force,
        verdict.assumed,
        verdict.undeclared,
        verdict.reasons,
    ) == (
        False,
        None,
        False,
        [],
        ["none of its sources applies to this service on 2026-11-21"],
    )


def test_no_force_when_the_obligation_s_condition_fails(make_catalog: CatalogFactory) -> None:
    service = profile(features={"present": ["video_upload"], "absent": ["image_upload"]})
    verdict = _verdict(make_catalog(), service)
    assert (verdict.applies, verdict.force, verdict.assumed, verdict.reasons) == (
        False,
        None,
        False,
        ["the service has no image upload"],
    )
    assert [b.state for b in verdict.bindings] == [CitationState.BINDS, CitationState.BINDS]


def _said(verdict: Any) -> list[tuple[str, str, str, list[str]]]:
    """Each citation's source, state, reason and undeclared facts."""
    return [(b.source, str(b.state), b.why, [str(f) for f in b.facts]) for b in verdict.bindings]


_NOT_SAID_GB = "the profile does not say whether it is offered in GB"
_NOT_SAID_VP = "the profile does not say whether it is offered in AU, CA, GB, NZ, US"
_VP_ASSUMED = (
    "vol.vp2020",
    "assumed",
    f"voluntary in AU, CA, GB, NZ, US; assumed: {_NOT_SAID_VP}",
    ["users: AU", "users: CA", "users: GB", "users: NZ", "users: US"],
)
_IMAGE = BLOCK_01.replace(
    "    relationship: part_of\n",
    "    relationship: part_of\n    applies_when:\n      feature: image_upload\n",
    1,
)
_TWO = BLOCK_01.replace(
    "    relationship: part_of\n",
    "    relationship: part_of\n    applies_when:\n      all:\n        - kind: file_storage\n"
    "        - feature: live_streaming\n",
    1,
)


@pytest.mark.parametrize(
    ("text", "service", "said"),
    [
        pytest.param(
            _live("part_of"),
            profile(users={"BR": 1_000}, features=_DECLARED),
            [
                (
                    "uk.osa2023",
                    "assumed",
                    f"in force in GB; assumed: {_NOT_SAID_GB}; the profile does not say whether "
                    "the service has live streaming",
                    ["features: live_streaming", "users: GB"],
                ),
                _VP_ASSUMED,
            ],
            id="reach and condition both undeclared",
        ),
        pytest.param(
            _live("part_of"),
            profile(features=_DECLARED),
            [
                (
                    "uk.osa2023",
                    "assumed",
                    "in force in GB; assumed: the profile does not say whether the service has "
                    "live streaming",
                    ["features: live_streaming"],
                ),
                ("vol.vp2020", "binds", "voluntary in GB", []),
            ],
            id="offered, condition undeclared",
        ),
        pytest.param(
            _IMAGE,
            profile(users={"BR": 1_000}, features=_DECLARED),
            [
                (
                    "uk.osa2023",
                    "assumed",
                    f"in force in GB; assumed: {_NOT_SAID_GB}",
                    ["users: GB"],
                ),
                _VP_ASSUMED,
            ],
            id="reach undeclared, condition holds",
        ),
        pytest.param(
            BLOCK_01,
            profile(users={"BR": 1_000}),
            [
                (
                    "uk.osa2023",
                    "assumed",
                    f"in force in GB; assumed: {_NOT_SAID_GB}",
                    ["users: GB"],
                ),
                _VP_ASSUMED,
            ],
            id="reach undeclared",
        ),
        pytest.param(
            _TWO,
            profile(
                kinds={"present": ["user_to_user"], "absent": ["file_storage"]},
                features={"present": ["image_upload"], "absent": ["live_streaming"]},
            ),
            [
                (
                    "uk.osa2023",
                    "out_of_scope",
                    "the service is not a file storage service; the service has no live streaming",
                    [],
                ),
                ("vol.vp2020", "binds", "voluntary in GB", []),
            ],
            id="condition fails on two facts",
        ),
        pytest.param(
            BLOCK_01.replace("    - jurisdiction: GB\n", ""),
            profile(users={"BR": 1_000}, not_offered_in="all others"),
            [
                ("uk.osa2023", "out_of_scope", "applies in GB; not offered there", []),
                (
                    "vol.vp2020",
                    "out_of_scope",
                    "applies in AU, CA, GB, NZ, US; not offered there",
                    [],
                ),
            ],
            id="not offered where the sources apply",
        ),
    ],
)
def test_each_citation_says_why_it_binds_or_not(
    make_catalog: CatalogFactory,
    text: str,
    service: ServiceProfile,
    said: list[tuple[str, str, str, list[str]]],
) -> None:
    assert _said(_verdict(make_catalog(**{"block/BLOCK-01.yaml": text}), service)) == said


def test_a_kind_the_law_implies_makes_a_citation_bind() -> None:
    """An online platform is a hosting service (kinds.yaml), so the DSA's Art 16 binds it."""
    catalog = load_catalog()
    service = profile(kinds=["online_platform"], users={"DE": 1_000_000}, established_in=["DE"])
    verdicts = applicable_obligations(catalog, service, DAY, ids=["BLOCK-13"])
    single = applicability(catalog, _obligation(catalog, "BLOCK-13"), service, DAY)
    for verdict in (*verdicts, single):
        art16 = [b for b in verdict.bindings if (b.source, b.provision) == ("eu.dsa", "art16")]
        assert [(b.state, b.why) for b in art16] == [(CitationState.BINDS, "in force in EU")]


def _obligation(catalog: Any, obligation_id: str) -> Any:
    found = catalog.obligation(obligation_id)
    assert found is not None
    return found
