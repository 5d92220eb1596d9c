"""A profile's mistakes are said in words, once each: what was expected, never a pattern or a
validator's jargon, and never one mistake reported twice (issue 12)."""

from __future__ import annotations

import pytest

from csea.models import ServiceProfile
from csea.yamlio.reader import parse_yaml
from csea.yamlio.validation import validate_document

BASE = """\
organisation: Fictional Org
service: Huddle
users: {GB: 2000000}
established_in: [GB]
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "features: {present: [voice_chat], absent: everything}",
            "features.absent: 'everything' is not an accepted value; expected one of: 'all others'",
        ),
        (
            "features: {present: [voice_chat], absent: 3}",
            "features.absent: expected a list of values, or 'all others'",
        ),
        (
            "not_offered_in: US",
            "not_offered_in: 'US' is not an accepted value; expected one of: 'all others'",
        ),
        (
            "not_offered_in: {US: 1}",
            "not_offered_in: expected a list of country codes such as [US, CA], or 'all others'",
        ),
        ("minimum_age: -1", "minimum_age: expected a number of at least 0, found -1"),
    ],
    ids=["absent-word", "absent-number", "not-offered-word", "not-offered-mapping", "negative"],
)
def test_each_mistake_is_one_message_in_words(extra: str, expected: str) -> None:
    _, problems = validate_document(ServiceProfile, parse_yaml(BASE + extra + "\n", "p.yaml"))
    assert [f"{p.field}: {p.message}" for p in problems] == [expected]


def test_a_single_value_where_a_list_is_expected_says_how_to_write_it() -> None:
    text = BASE.replace("established_in: [GB]", "established_in: GB")
    _, problems = validate_document(ServiceProfile, parse_yaml(text, "p.yaml"))
    assert [f"{p.field}: {p.message}" for p in problems] == [
        "established_in: expected a list, found the text 'GB': write it as [GB]"
    ]
