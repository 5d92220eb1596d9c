"""Thresholds as their sources word them: the comparisons, the evaluation at the boundary,
and the catalogue check that holds a threshold to the words its note quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from csea import ServiceProfile, validate_catalog
from csea.catalog.conditions import evaluate_condition
from csea.catalog.facts import ProfileFacts
from csea.catalog.thresholds import Quote, quoted_user_thresholds
from csea.errors import Severity
from csea.models.conditions import Condition, UserThreshold
from tests.conftest import BLOCK_01, CatalogFactory

CONDITION = TypeAdapter(Condition)
SCHEMA = Path(__file__).parents[2] / "schema" / "obligation.schema.json"
CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")


def _profile(**changes: Any) -> ServiceProfile:
    base: dict[str, Any] = {
        "organisation": "Example Org",
        "service": "Example",
        "kinds": ["user_to_user"],
        "users": {"GB": 1},
        "not_offered_in": "all others",
        "established_in": ["GB"],
        "children_likely": True,
    }
    return ServiceProfile.model_validate(base | changes)


def _holds(condition: dict[str, Any], profile: ServiceProfile) -> bool | None:
    return evaluate_condition(CONDITION.validate_python(condition), ProfileFacts(profile)).holds


@pytest.mark.parametrize(
    ("comparison", "expected"),
    [("more_than", [False, False, True]), ("at_least", [False, True, True])],
    ids=["more-than-excludes-the-number", "at-least-includes-it"],
)
def test_a_user_threshold_below_at_and_above_its_number(
    comparison: str, expected: list[bool]
) -> None:
    condition = {"users": {"jurisdiction": "GB", comparison: 700_000}}
    profiles = [_profile(users={"GB": n}) for n in (699_999, 700_000, 700_001)]
    assert [_holds(condition, profile) for profile in profiles] == expected


@pytest.mark.parametrize(
    ("threshold", "words"),
    [
        (
            {"jurisdiction": "GB", "more_than": 7_000_000},
            "the service has 1 monthly users in GB, not more than 7,000,000",
        ),
        (
            {"jurisdiction": "EU", "at_least": 45_000_000},
            "the service has 0 monthly users in EU, not at least 45,000,000",
        ),
        (
            {"jurisdiction": "global", "more_than": 0},
            "the service has 1 monthly users worldwide, more than 0",
        ),
    ],
    ids=["more-than", "at-least", "worldwide"],
)
def test_the_reason_says_the_comparison(threshold: dict[str, Any], words: str) -> None:
    trace = evaluate_condition(
        CONDITION.validate_python({"users": threshold}), ProfileFacts(_profile())
    )
    assert trace.text == words


@pytest.mark.parametrize(
    ("condition", "profiles", "expected"),
    [
        (
            {"users": {"jurisdiction": "GB", "more_than": 7_000_000}},
            [{"users": {"GB": n}} for n in (6_999_999, 7_000_000, 7_000_001)],
            [False, False, True],
        ),
        (
            {"users": {"jurisdiction": "GB", "at_least": 700_000}},
            [{"users": {"GB": n}} for n in (699_999, 700_000, 700_001)],
            [False, True, True],
        ),
        (
            {"users": {"jurisdiction": "EU", "at_least": 45_000_000}},
            [{"users": {"EU": 44_000_000, "IE": n}} for n in (999_999, 1_000_000, 1_000_001)],
            [False, True, True],
        ),
        (
            {"users": {"jurisdiction": "global", "more_than": 100}},
            [{"users": {"GB": 1}, "users_worldwide": n} for n in (99, 100, 101)],
            [False, False, True],
        ),
        (
            {"risk": {"harm": "grooming", "at_least": "medium"}},
            [{"risk": {}}, *({"risk": {"grooming": level}} for level in ("low", "medium", "high"))],
            [None, False, True, True],
        ),
        (
            {"risk": {"harm": "csam_image", "at_least": "high"}},
            [{"risk": {"csam_image": level}} for level in ("low", "medium", "high")],
            [False, False, True],
        ),
        (
            {"enterprise_size": {"at_least": "medium"}},
            [{}, *({"enterprise_size": size} for size in ("micro", "small", "medium", "large"))],
            [None, False, False, True, True],
        ),
    ],
    ids=[
        "uk-large-service",
        "users-at-least",
        "eu-member-states-count",
        "worldwide",
        "risk-medium-or-high",
        "risk-high",
        "not-micro-or-small",
    ],
)
def test_conditions_at_their_thresholds(
    condition: dict[str, Any], profiles: list[dict[str, Any]], expected: list[bool]
) -> None:
    assert [_holds(condition, _profile(**p)) for p in profiles] == expected


@pytest.mark.parametrize(
    ("threshold", "message"),
    [
        ({"jurisdiction": "GB"}, "needs its comparison"),
        ({"jurisdiction": "GB", "more_than": 1, "at_least": 1}, "this one has both"),
    ],
    ids=["neither", "both"],
)
def test_a_user_threshold_has_exactly_one_comparison(
    threshold: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        UserThreshold.model_validate(threshold)


@pytest.mark.parametrize(
    ("threshold", "valid"),
    [
        ("jurisdiction: GB, more_than: 1", True),
        ("jurisdiction: GB, at_least: 1", True),
        ("jurisdiction: GB", False),
        ("jurisdiction: GB, more_than: 1, at_least: 1", False),
        ("jurisdiction: GB, more_than: null", False),
    ],
    ids=["more-than", "at-least", "neither", "both", "null"],
)
def test_the_schema_asks_for_exactly_one_comparison_too(
    tmp_path: Path, threshold: str, valid: bool
) -> None:
    text = _with_threshold(threshold, "A note.")
    obligation = tmp_path / "BLOCK-01.yaml"
    obligation.write_text(text, encoding="utf-8")
    checked = subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(SCHEMA), str(obligation)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (checked.returncode == 0) is valid, checked.stdout


@pytest.mark.parametrize(
    ("note", "quotes"),
    [
        (
            "either more than 700,000 monthly active UK users or a file-storage service",
            [Quote("more_than", 700_000, "more than 700,000 monthly active UK users")],
        ),
        (
            'a "large service" has "more than 7 million" average monthly active UK users',
            [Quote("more_than", 7_000_000, "more than 7 million average monthly active UK users")],
        ),
        (
            "45 million or more average monthly active recipients in the Union",
            [Quote("at_least", 45_000_000, "45 million or more average monthly active recipients")],
        ),
        (
            "active recipients of the service in the Union equal to or higher than 45 million",
            [
                Quote(
                    "at_least",
                    45_000_000,
                    "recipients of the service in the Union equal to or higher than 45 million",
                )
            ],
        ),
        (
            "over 1.5 million users; at least 2,000 users",
            [
                Quote("more_than", 1_500_000, "over 1.5 million users"),
                Quote("at_least", 2_000, "at least 2,000 users"),
            ],
        ),
        ("the package has more than 40 measures; reviewed at least every 12 months", []),
        ("more than 7 million (secondary) monthly UK users", []),
    ],
    ids=[
        "more-than-figures",
        "quoted-million",
        "or-more",
        "users-named-first",
        "two-in-order",
        "not-about-users",
        "users-then-punctuation",
    ],
)
def test_the_user_thresholds_a_note_quotes(note: str, quotes: list[Quote]) -> None:
    assert quoted_user_thresholds(note) == quotes


def _with_threshold(condition: str, note: str) -> str:
    return BLOCK_01.replace(
        "    provision: s10\n    relationship: part_of\n    verification: secondary\n",
        "    provision: s10\n    relationship: part_of\n    verification: secondary\n"
        f"    applies_when:\n      users: {{{condition}}}\n    note: {note}\n",
    )


@pytest.mark.parametrize(
    ("condition", "note", "found"),
    [
        (
            "jurisdiction: GB, more_than: 700000",
            "Services with more than 700,000 monthly UK users.",
            [],
        ),
        (
            "jurisdiction: GB, at_least: 45000000",
            "45 million or more monthly active recipients.",
            [],
        ),
        ("jurisdiction: GB, more_than: 700000", "Large services only.", []),
        (
            "jurisdiction: GB, at_least: 700000",
            "Services with more than 700,000 monthly UK users.",
            [
                (
                    16,
                    "the note quotes 'more than 700,000 monthly UK users' but the condition says "
                    "at_least: 700000 (at least 700,000); write more_than: 700000",
                )
            ],
        ),
        (
            "jurisdiction: GB, more_than: 45000000",
            "45 million or more monthly active recipients.",
            [
                (
                    16,
                    "the note quotes '45 million or more monthly active recipients' but the "
                    "condition says more_than: 45000000 (more than 45,000,000); write "
                    "at_least: 45000000",
                )
            ],
        ),
        (
            "jurisdiction: GB, more_than: 7000000",
            "Services with more than 700,000 monthly UK users.",
            [
                (
                    17,
                    "the note quotes 'more than 700,000 monthly UK users' but the condition has "
                    "more than 7,000,000",
                )
            ],
        ),
    ],
    ids=[
        "agree-more-than",
        "agree-at-least",
        "note-quotes-nothing",
        "note-more-than-condition-at-least",
        "note-or-more-condition-more-than",
        "numbers-differ",
    ],
)
def test_a_threshold_is_held_to_the_words_its_note_quotes(
    make_catalog: CatalogFactory, condition: str, note: str, found: list[tuple[int, str]]
) -> None:
    root = make_catalog(**{"block/BLOCK-01.yaml": _with_threshold(condition, note)})
    assert [
        (p.code, p.severity, Path(p.file or "").name, p.object_id, p.line, p.message)
        for p in validate_catalog(root)
    ] == [
        ("threshold-contradicts-note", Severity.WARNING, "BLOCK-01.yaml", "BLOCK-01", line, text)
        for line, text in found
    ]
