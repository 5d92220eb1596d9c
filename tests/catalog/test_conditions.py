"""Each condition's whole trace (csea.catalog.conditions): true, false or unknown, with its words.

The profile is ``tests.catalog.test_applicability.profile()`` (GB, user to user, image upload,
800,000 users in GB, children likely, high risk of abuse images) with the changes shown.
"""

from __future__ import annotations

from typing import Any

import pytest

from csea.catalog.conditions import Trace, evaluate_condition
from csea.models import Fact
from tests.catalog.test_applicability import CONDITION, facts, profile


def _unknown(text: str, fact: Fact) -> Trace:
    return Trace(None, text, [], fact)


GB_USERS = {"users": {"jurisdiction": "GB", "at_least": 700_000}}
DECLARED = {"present": [], "absent": "all others"}


@pytest.mark.parametrize(
    ("condition", "changes", "trace"),
    [
        ({"feature": "image_upload"}, {}, Trace(True, "the service has image upload")),
        (
            {"feature": "voice_chat"},
            {"features": {"present": ["image_upload"], "absent": ["voice_chat"]}},
            Trace(False, "the service has no voice chat"),
        ),
        (
            {"feature": "voice_chat"},
            {},
            _unknown(
                "the profile does not say whether the service has voice chat",
                Fact("features", "voice_chat"),
            ),
        ),
        ({"kind": "user_to_user"}, {}, Trace(True, "the service is a user to user service")),
        (
            {"kind": "search"},
            {"kinds": {"present": ["user_to_user"], "absent": ["search"]}},
            Trace(False, "the service is not a search service"),
        ),
        (
            {"kind": "search"},
            {},
            _unknown(
                "the profile does not say whether the service is a search service",
                Fact("kinds", "search"),
            ),
        ),
        ({"jurisdiction": "GB"}, {}, Trace(True, "the service is offered in GB")),
        (
            {"jurisdiction": "US"},
            {"not_offered_in": "all others"},
            Trace(False, "the service is not offered in US"),
        ),
        (
            {"jurisdiction": "US"},
            {},
            _unknown(
                "the profile does not say whether the service is offered in US", Fact("users", "US")
            ),
        ),
        ({"established_in": "GB"}, {}, Trace(True, "the provider is established in GB")),
        ({"established_in": "FR"}, {}, Trace(False, "the provider is not established in FR")),
        (
            {"children_likely": True},
            {},
            Trace(True, "children are likely to use the service"),
        ),
        (
            {"children_likely": True},
            {"children_likely": False},
            Trace(False, "children are not likely to use the service"),
        ),
        (
            {"children_likely": False},
            {"children_likely": False},
            Trace(True, "children are not likely to use the service"),
        ),
        (
            {"children_likely": False},
            {},
            Trace(False, "children are likely to use the service"),
        ),
        (
            {"children_likely": True},
            {"children_likely": None},
            _unknown(
                "the profile does not say whether children are likely to use the service",
                Fact("children_likely"),
            ),
        ),
        (
            GB_USERS,
            {},
            Trace(True, "the service has 800,000 monthly users in GB, at least 700,000"),
        ),
        (
            GB_USERS,
            {"users": {"GB": 699_999}},
            Trace(False, "the service has 699,999 monthly users in GB, not at least 700,000"),
        ),
        (
            {"users": {"jurisdiction": "US", "at_least": 1}},
            {},
            _unknown(
                "the profile does not give the number of monthly users in US "
                "(at least 1 would count)",
                Fact("users", "US"),
            ),
        ),
        (
            {"risk": {"harm": "csam_image", "at_least": "medium"}},
            {},
            Trace(True, "the risk of csam image is high, medium or higher"),
        ),
        (
            {"risk": {"harm": "csam_image", "at_least": "medium"}},
            {"risk": {"csam_image": "low"}},
            Trace(False, "the risk of csam image is low, below medium"),
        ),
        (
            {"risk": {"harm": "grooming", "at_least": "low"}},
            {},
            _unknown("the profile gives no risk level for grooming", Fact("risk", "grooming")),
        ),
        (
            {"multi_risk": True},
            {"multi_risk": True},
            Trace(True, "the service is multi-risk (declared)"),
        ),
        (
            {"multi_risk": True},
            {"multi_risk": False},
            Trace(False, "the service is not multi-risk (declared)"),
        ),
        (
            {"multi_risk": False},
            {"risk": {"csam_image": "high", "grooming": "medium"}},
            Trace(False, "the service is multi-risk (from its risk levels)"),
        ),
        (
            {"multi_risk": False},
            {"multi_risk": False},
            Trace(True, "the service is not multi-risk (declared)"),
        ),
        (
            {"multi_risk": True},
            {},
            _unknown(
                "the profile does not say whether the service is multi-risk (medium or high "
                "risk for two or more kinds of illegal harm)",
                Fact("multi_risk"),
            ),
        ),
        (
            {"designation": "uk_category_1"},
            {"designations": ["uk_category_1"]},
            Trace(True, "the service is designated a Category 1 service (UK)"),
        ),
        (
            {"designation": "eu_vlop"},
            {"designations": DECLARED},
            Trace(False, "the service is not designated a very large online platform (EU)"),
        ),
        (
            {"designation": "eu_vlop"},
            {},
            _unknown(
                "the profile does not say whether the service is designated a very large "
                "online platform (EU)",
                Fact("designations", "eu_vlop"),
            ),
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            {"enterprise_size": "medium"},
            Trace(True, "the provider is a medium enterprise, medium or larger"),
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            {"enterprise_size": "small"},
            Trace(False, "the provider is a small enterprise, smaller than medium"),
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            {},
            _unknown(
                "the profile does not give the provider's enterprise size",
                Fact("enterprise_size"),
            ),
        ),
    ],
    ids=[
        "feature-true",
        "feature-false",
        "feature-unknown",
        "kind-true",
        "kind-false",
        "kind-unknown",
        "jurisdiction-true",
        "jurisdiction-false",
        "jurisdiction-unknown",
        "established-true",
        "established-false",
        "children-true",
        "children-false",
        "no-children-true",
        "no-children-false",
        "children-unknown",
        "users-true",
        "users-false",
        "users-unknown",
        "risk-true",
        "risk-false",
        "risk-unknown",
        "multi-risk-true",
        "multi-risk-false",
        "not-multi-risk-false",
        "not-multi-risk-true",
        "multi-risk-unknown",
        "designation-true",
        "designation-false",
        "designation-unknown",
        "size-true",
        "size-false",
        "size-unknown",
    ],
)
def test_each_condition_is_true_false_or_unknown_with_its_words(
    condition: dict[str, Any], changes: dict[str, Any], trace: Trace
) -> None:
    assert evaluate_condition(CONDITION.validate_python(condition), facts(profile(**changes))) == (
        trace
    )


YES = Trace(True, "the service has image upload")
NO = Trace(False, "the service has no voice chat")
MAYBE = _unknown(
    "the profile does not say whether the service has video calls", Fact("features", "video_calls")
)
KNOWN_FEATURES = {"features": {"present": ["image_upload"], "absent": ["voice_chat"]}}
PARTS = {
    "yes": (YES, {"feature": "image_upload"}),
    "no": (NO, {"feature": "voice_chat"}),
    "maybe": (MAYBE, {"feature": "video_calls"}),
}


@pytest.mark.parametrize(
    ("combine", "parts", "holds"),
    [
        ("all", ["yes", "yes"], True),
        ("all", ["yes", "no"], False),
        ("all", ["maybe", "no"], False),
        ("all", ["yes", "maybe"], None),
        ("any", ["no", "yes"], True),
        ("any", ["maybe", "yes"], True),
        ("any", ["no", "no"], False),
        ("any", ["no", "maybe"], None),
        ("not", ["yes"], False),
        ("not", ["no"], True),
        ("not", ["maybe"], None),
    ],
    ids=[
        "all-true",
        "all-false",
        "all-false-beats-unknown",
        "all-unknown",
        "any-true",
        "any-true-beats-unknown",
        "any-false",
        "any-unknown",
        "not-true",
        "not-false",
        "not-unknown",
    ],
)
def test_all_any_and_not_combine_three_values(
    combine: str, parts: list[str], holds: bool | None
) -> None:
    written = [PARTS[p][1] for p in parts]
    condition = {combine: written[0] if combine == "not" else written}
    got = evaluate_condition(CONDITION.validate_python(condition), facts(profile(**KNOWN_FEATURES)))
    assert got == Trace(holds, combine, [PARTS[p][0] for p in parts])
