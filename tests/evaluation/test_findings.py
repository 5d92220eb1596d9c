"""Each finding kind, its level, and where it points (csea.evaluation.findings through evaluate)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from csea.evaluation.engine import evaluate
from csea.models.evaluation import Finding, FindingLevel
from tests.conftest import CatalogFactory
from tests.evaluation.factories import (
    AS_OF,
    PROFILE,
    assessment,
    clean_answers,
    done,
    evidence,
    load,
    mini_catalog,
    run,
    write_service,
)

E, W, INFO = FindingLevel.ERROR, FindingLevel.WARNING, FindingLevel.INFO

# Each case changes the clean answers (BLOCK-01 and BLOCK-02 are legal duties for the
# profile, GROOM-01 a voluntary principle) and lists the findings expected.
CASES: list[tuple[str, dict[str, Any], list[tuple[str, FindingLevel, str]]]] = [
    ("clean", {}, []),
    ("unanswered-legal", {"BLOCK-01": None}, [("unanswered", E, "BLOCK-01")]),
    ("unanswered-voluntary", {"GROOM-01": None}, [("unanswered", W, "GROOM-01")]),
    (
        "not-assessed",
        {"GROOM-01": {"status": "not_assessed"}},
        [("not-assessed", W, "GROOM-01")],
    ),
    (
        "not-assessed-legal",
        {"BLOCK-02": {}},
        [("not-assessed", E, "BLOCK-02")],
    ),
    (
        "missing-evidence-legal",
        {"BLOCK-01": {"status": "implemented"}},
        [("missing-evidence", E, "BLOCK-01")],
    ),
    (
        "missing-evidence-partial",
        {"GROOM-01": {"status": "partial", "due": "2027-01-31"}},
        [("missing-evidence", W, "GROOM-01")],
    ),
    (
        "stale-evidence",
        {"BLOCK-01": done(evidence=[evidence("2025-11-19")])},
        [("stale-evidence", W, "BLOCK-01")],
    ),
    (
        "evidence-exactly-max-age",
        {"BLOCK-01": done(evidence=[evidence("2025-11-20")])},
        [],
    ),
    (
        "expired-evidence-legal",
        {"BLOCK-01": done(evidence=[evidence(expires="2026-11-19")])},
        [("expired-evidence", E, "BLOCK-01")],
    ),
    (
        "expired-evidence-voluntary",
        {"GROOM-01": done(evidence=[evidence("2024-01-01", expires="2026-01-01")])},
        [("expired-evidence", W, "GROOM-01")],
    ),
    (
        "expires-today-is-valid",
        {"BLOCK-01": done(evidence=[evidence(expires="2026-11-20")])},
        [],
    ),
    (
        "future-evidence",
        {"GROOM-01": done(evidence=[evidence("2027-01-01")])},
        [("future-evidence", W, "GROOM-01")],
    ),
    (
        "na-without-justification",
        {"GROOM-01": {"status": "not_applicable"}},
        [("na-without-justification", E, "GROOM-01")],
    ),
    (
        "na-blank-justification",
        {"GROOM-01": {"status": "not_applicable", "justification": "  "}},
        [("na-without-justification", E, "GROOM-01")],
    ),
    (
        "na-justified",
        {"GROOM-01": {"status": "not_applicable", "justification": "No child accounts."}},
        [],
    ),
    (
        "na-on-legal-duty",
        {"BLOCK-01": {"status": "not_applicable", "justification": "We think not."}},
        [("na-on-legal-duty", E, "BLOCK-01")],
    ),
    (
        "na-on-legal-duty-unjustified",
        {"BLOCK-01": {"status": "not_applicable"}},
        [("na-without-justification", E, "BLOCK-01"), ("na-on-legal-duty", E, "BLOCK-01")],
    ),
    (
        "planned-overdue-legal",
        {"BLOCK-01": {"status": "planned", "due": "2026-11-19"}},
        [("overdue", E, "BLOCK-01")],
    ),
    (
        "partial-overdue-voluntary",
        {"GROOM-01": done(status="partial", due="2026-06-30")},
        [("overdue", W, "GROOM-01")],
    ),
    (
        "planned-due-today",
        {"GROOM-01": {"status": "planned", "due": "2026-11-20"}},
        [],
    ),
    (
        "planned-no-due",
        {"GROOM-01": {"status": "planned"}},
        [("no-due-date", W, "GROOM-01")],
    ),
    (
        "not-implemented-unaccepted-legal",
        {"BLOCK-01": {"status": "not_implemented"}},
        [("risk-not-accepted", E, "BLOCK-01")],
    ),
    (
        "not-implemented-accepted",
        {"GROOM-01": {"status": "not_implemented", "accepted_by": "CTO, 2026-09-01"}},
        [],
    ),
    (
        "needs-review",
        {
            "GROOM-01": done(
                review={"reason": "split", "note": "From BLOCK-09", "raised": "2026-11-02"}
            )
        },
        [("needs-review", W, "GROOM-01")],
    ),
    (
        "unknown-indicator",
        {"BLOCK-02": done(indicators=[{"id": "speed", "value": 3, "period": "2026-Q3"}])},
        [("unknown-indicator", W, "BLOCK-02")],
    ),
    (
        "indicator-off-target",
        {
            "BLOCK-02": done(
                indicators=[{"id": "hours-to-report", "value": 30, "period": "2026-Q3"}]
            )
        },
        [("indicator-off-target", W, "BLOCK-02")],
    ),
    (
        "indicator-on-target",
        {
            "BLOCK-02": done(
                indicators=[{"id": "reports-on-time", "value": 97, "period": "2026-Q3"}]
            )
        },
        [],
    ),
    ("unknown-obligation", {"BLOCK-77": done()}, [("unknown-obligation", E, "BLOCK-77")]),
    ("retired-obligation", {"BLOCK-09": done()}, [("retired-obligation", W, "BLOCK-09")]),
    ("does-not-apply", {"GROOM-02": done()}, [("does-not-apply", INFO, "GROOM-02")]),
]


@pytest.mark.parametrize(("changes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_finding_kinds(
    make_catalog: CatalogFactory,
    changes: dict[str, Any],
    expected: list[tuple[str, FindingLevel, str]],
) -> None:
    answers = {
        ob_id: answer for ob_id, answer in (clean_answers() | changes).items() if answer is not None
    }
    evaluation = run(mini_catalog(make_catalog), answers)
    assert [(f.code, f.level, f.obligation_id) for f in evaluation.findings] == expected


def test_max_evidence_age_is_configurable(make_catalog: CatalogFactory) -> None:
    answers = clean_answers() | {"GROOM-01": done(evidence=[evidence("2026-08-01")])}
    evaluation = run(mini_catalog(make_catalog), answers, max_evidence_age_days=90)
    assert [(f.code, f.obligation_id) for f in evaluation.findings] == [
        ("stale-evidence", "GROOM-01")
    ]


def test_findings_are_attached_to_their_obligation(make_catalog: CatalogFactory) -> None:
    answers = clean_answers() | {"GROOM-01": {"status": "planned"}, "BLOCK-77": done()}
    evaluation = run(mini_catalog(make_catalog), answers)
    by_id = {r.id: [f.code for f in r.findings] for r in evaluation.obligations}
    assert by_id == {"BLOCK-01": [], "BLOCK-02": [], "GROOM-01": ["no-due-date"]}


def test_catalogue_version_mismatch_is_an_error_finding(make_catalog: CatalogFactory) -> None:
    old = assessment(clean_answers(), catalog={"id": "mini", "version": "2026.05"})
    evaluation = evaluate(mini_catalog(make_catalog), old, as_of=AS_OF)
    assert [(f.code, f.level) for f in evaluation.findings] == [("catalog-version", E)]


ANSWERS_YAML = """\
BLOCK-01:
  status: implemented
  evidence:
    - title: Hash-matching runbook
      path: docs/runbooks/hash-matching.md
      collected: 2026-10-01
    - title: Vendor contract
      url: https://contracts.example.invalid/hash-vendor
      collected: 2026-01-02
      expires: 2026-06-30
GROOM-01:
  status: planned
  owner: Youth safety
  due: 2026-09-30
BLOCK-09:
  status: implemented
"""


def test_findings_point_at_file_and_line(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    path = write_service(tmp_path / "svc", ANSWERS_YAML)
    evaluation = evaluate(mini_catalog(make_catalog), load(path), as_of=AS_OF)
    file = str(path)
    assert evaluation.assessment_file == file
    assert [f.model_copy(update={"message": ""}) for f in evaluation.findings] == [
        Finding(
            code="expired-evidence",
            level=E,
            message="",
            obligation_id="BLOCK-01",
            file=file,
            line=10,
        ),
        Finding(
            code="unanswered", level=E, message="", obligation_id="BLOCK-02", file=file, line=3
        ),
        Finding(code="overdue", level=W, message="", obligation_id="GROOM-01", file=file, line=17),
        Finding(
            code="retired-obligation",
            level=W,
            message="",
            obligation_id="BLOCK-09",
            file=file,
            line=18,
        ),
    ]


def test_messages_name_legal_duties(make_catalog: CatalogFactory) -> None:
    answers = {"BLOCK-02": done(), "GROOM-01": done(), "BLOCK-01": {"status": "not_implemented"}}
    evaluation = run(mini_catalog(make_catalog), answers)
    assert [f.message for f in evaluation.findings] == [
        "BLOCK-01 (a legal duty for this service) is not_implemented and nobody has accepted "
        "the risk; plan it (status planned, due) or record who accepted it ('accepted_by')"
    ]


def test_messages_say_what_to_do(make_catalog: CatalogFactory) -> None:
    answers = clean_answers() | {"BLOCK-09": done(), "BLOCK-77": done(), "GROOM-02": done()}
    evaluation = run(mini_catalog(make_catalog), answers, as_of=dt.date(2026, 11, 20))
    assert [f.message for f in evaluation.findings] == [
        "BLOCK-09 was split into BLOCK-01, BLOCK-02 in catalogue 2026.11 (Images and reporting "
        "are assessed separately.); run 'csea migrate ASSESSMENT' to carry the answer forward",
        "BLOCK-77 is not an obligation in catalogue 2026.11; did you mean BLOCK-02, BLOCK-01?",
        "GROOM-02 does not apply to this service (none of its sources applies to this service "
        "on 2026-11-20); its answer is kept but not scored",
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"features": ["image_upload"]},
            [],
        ),
        (
            {"features": []},
            [
                (
                    "undeclared-fact",
                    E,
                    "the profile does not declare features: image_upload (list image_upload "
                    "under features, as present or absent); until it does, BLOCK-01 is assumed to apply",
                )
            ],
        ),
        (
            {"users": {"FR": 10}, "not_offered_in": ["GB"]},
            [
                (
                    "undeclared-fact",
                    W,
                    f"the profile does not declare users: {code} (give the monthly users in "
                    f"{code}, or list it under not_offered_in); until it does, GROOM-01 is "
                    "assumed to apply",
                )
                for code in ("AU", "CA", "NZ", "US")
            ],
        ),
    ],
    ids=["declared", "feature-legal-duty", "countries-voluntary"],
)
def test_a_fact_left_out_is_a_finding_naming_what_it_decides(
    make_catalog: CatalogFactory,
    changes: dict[str, Any],
    expected: list[tuple[str, FindingLevel, str]],
) -> None:
    profile = PROFILE | changes
    evaluation = evaluate(
        mini_catalog(make_catalog), assessment(clean_answers(), profile), as_of=AS_OF
    )
    found = [f for f in evaluation.findings if f.code == "undeclared-fact"]
    assert [(f.code, f.level, f.message) for f in found] == expected
