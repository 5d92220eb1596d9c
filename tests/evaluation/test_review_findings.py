"""Review and sign-off findings: self-review, changed after review, approval stale or overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from csea.assessment.record import AnswerChange, AnswerChanges, content_hash
from csea.catalog.loader import load_catalog
from csea.evaluation.engine import evaluate
from csea.models import Catalog
from tests.catalog.test_cycles import CYCLES
from tests.conftest import CatalogFactory
from tests.evaluation.factories import AS_OF, PROFILE, assessment, catalog_dir, clean_answers, done


@pytest.fixture
def catalog(make_catalog: CatalogFactory) -> Catalog:
    """The extended mini catalogue with two review cycles (12 months for GB, 24 voluntary)."""
    root = catalog_dir(make_catalog)
    (root / "review-cycles.yaml").write_text(CYCLES, encoding="utf-8")
    return load_catalog(root)


def _codes(
    catalog: Catalog, answers: dict[str, Any], **options: Any
) -> list[tuple[str | None, str, str]]:
    extra = options.pop("extra", {})
    evaluation = evaluate(catalog, assessment(answers, **extra), as_of=AS_OF, **options)
    return [(f.obligation_id, f.code, f.level.value) for f in evaluation.findings]


REVIEWED = {"reviewed_by": "Priya Natarajan", "reviewed_on": "2026-11-01"}


@pytest.mark.parametrize(
    ("reviewer", "expected"),
    [
        ("Priya Natarajan", []),
        ("T&S", [("GROOM-01", "self-review", "warning")]),
        ("  t&s ", [("GROOM-01", "self-review", "warning")]),
    ],
    ids=["someone-else", "the-owner", "the-owner-spelt-loosely"],
)
def test_a_reviewer_who_owns_the_answer_is_a_self_review(
    catalog: Catalog, reviewer: str, expected: list[tuple[str, str, str]]
) -> None:
    answers = clean_answers() | {"GROOM-01": done(reviewed_by=reviewer, reviewed_on="2026-11-01")}
    assert _codes(catalog, answers) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (None, []),
        (AnswerChange(dt.date(2026, 11, 1), "abc123"), []),
        (
            AnswerChange(dt.date(2026, 11, 2), "abc123"),
            [("GROOM-01", "changed-after-review", "warning")],
        ),
        (AnswerChange(AS_OF, None), [("GROOM-01", "changed-after-review", "warning")]),
    ],
    ids=["no-change-known", "on-the-review-day", "a-day-after", "not-committed"],
)
def test_an_answer_changed_after_its_review(
    catalog: Catalog, change: AnswerChange | None, expected: list[tuple[str, str, str]]
) -> None:
    answers = clean_answers() | {"GROOM-01": done(**REVIEWED)}
    changes = AnswerChanges(dt.date(2026, 11, 1), {"GROOM-01": change} if change else {})
    assert _codes(catalog, answers, changes=changes) == expected


def test_the_message_names_the_commit_and_the_reviewer(catalog: Catalog) -> None:
    answers = clean_answers() | {"BLOCK-01": done(**REVIEWED)}
    changes = AnswerChanges(
        dt.date(2026, 11, 1), {"BLOCK-01": AnswerChange(dt.date(2026, 11, 5), "abc123")}
    )
    evaluation = evaluate(catalog, assessment(answers), as_of=AS_OF, changes=changes)
    assert [f.message for f in evaluation.findings] == [
        "BLOCK-01 (a legal duty for this service) changed in commit abc123 on 2026-11-05, after "
        "Priya Natarajan reviewed it on 2026-11-01; have it reviewed again and update 'reviewed_on'"
    ]


def _approval(catalog: Catalog, on: str, answers: dict[str, Any]) -> dict[str, Any]:
    """An approval of ``answers`` (with the inline profile) made on ``on``."""
    approved = assessment(answers)
    return {
        "by": "Dana Lee",
        "role": "Head of Trust & Safety",
        "approved_on": on,
        "catalog": {"id": "mini", "version": catalog.version},
        "content_hash": content_hash(approved, approved.profile),  # type: ignore[arg-type]
    }


@pytest.mark.parametrize(
    ("on", "edit", "expected"),
    [
        ("2026-06-01", {}, []),
        ("2025-11-20", {}, []),
        ("2025-11-19", {}, [(None, "approval-overdue", "warning")]),
        (
            "2026-06-01",
            {"GROOM-01": done(owner="Youth Safety")},
            [(None, "changed-after-approval", "warning")],
        ),
    ],
    ids=["fresh", "exactly-twelve-months", "a-day-over", "edited-since"],
)
def test_approval_findings(
    catalog: Catalog, on: str, edit: dict[str, Any], expected: list[tuple[None, str, str]]
) -> None:
    approval = _approval(catalog, on, clean_answers())
    assert _codes(catalog, clean_answers() | edit, extra={"approval": approval}) == expected


def test_the_overdue_message_cites_the_cycle(catalog: Catalog) -> None:
    approval = _approval(catalog, "2025-01-31", clean_answers())
    evaluation = evaluate(catalog, assessment(clean_answers(), approval=approval), as_of=AS_OF)
    assert [f.message for f in evaluation.findings] == [
        "approved on 2025-01-31, more than 12 months before 2026-11-20; keep the risk assessment "
        "up to date: review it at least every 12 months (uk.osa2023 s10; the period: A regulator, "
        'A guidance page, section "Reviews"), then approve it again'
    ]


def test_no_cycle_no_overdue(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(catalog_dir(make_catalog))
    approval = _approval(catalog, "2020-01-01", clean_answers())
    assert _codes(catalog, clean_answers(), extra={"approval": approval}) == []


def test_the_profile_is_part_of_what_was_approved(catalog: Catalog) -> None:
    approval = _approval(catalog, "2026-06-01", clean_answers())
    moved = assessment(clean_answers(), PROFILE | {"users": {"GB": 2000}}, approval=approval)
    evaluation = evaluate(catalog, moved, as_of=AS_OF)
    assert [f.code for f in evaluation.findings] == ["changed-after-approval"]
