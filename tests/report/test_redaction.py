"""``--redact``: nothing internal survives in any format, and the report says it was redacted."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from csea.cli import app
from csea.evaluation.files import AssessedService
from csea.models import Catalog
from csea.report.build import ReportOptions, build_report
from csea.report.redaction import REDACTED
from tests.report.conftest import CATALOG_DIR

SECRETS = {
    "assessed_by": "Assessor Zq7 Name",
    "owner": "Owner Team Zq7",
    "url": "https://wiki.example.invalid/secret-zq7/design",
    "path": "vault/zq7/contract.pdf",
    "labelled_title": "Board minutes Zq7",
    "notes": "Internal note Zq7: vendor renewal at risk",
    "accepted_by": "Risk Acceptor Zq7",
    "justification": "Justified Zq7 because of the parent's programme",
    "second_owner": "Second Owner Zq7",
}

ASSESSMENT: dict[str, Any] = {
    "catalog": {"id": "fixture", "version": "2026.11"},
    "profile": {
        "organisation": "Example Media Ltd",
        "service": "Pebble Video",
        "kinds": ["user_to_user"],
        "features": ["image_upload", "link_sharing", "stranger_discovery"],
        "users": {"GB": 1200000, "EU": 10000},
        "established_in": ["GB"],
        "children_likely": True,
    },
    "assessed_by": SECRETS["assessed_by"],
    "assessed_on": "2026-11-20",
    "answers": {
        "BLOCK-01": {
            "status": "implemented",
            "owner": SECRETS["owner"],
            "evidence": [
                {"title": "Public design note", "url": SECRETS["url"], "collected": "2026-10-02"},
                {
                    "title": SECRETS["labelled_title"],
                    "path": SECRETS["path"],
                    "collected": "2024-01-02",
                    "sensitivity": "confidential",
                },
            ],
            "notes": SECRETS["notes"],
        },
        "BLOCK-02": {"status": "planned", "owner": SECRETS["second_owner"], "due": "2026-01-31"},
        "GROOM-02": {"status": "not_implemented", "accepted_by": SECRETS["accepted_by"]},
        "TRANS-02": {"status": "not_applicable", "justification": SECRETS["justification"]},
    },
}
FORMATS = ["terminal", "md", "html", "json", "csv", "junit"]


def report(tmp_path: Path, fmt: str, *options: str) -> str:
    source = tmp_path / "assessment.yaml"
    source.write_text(json.dumps(ASSESSMENT), encoding="utf-8")
    args = ["report", str(source), "--catalog", str(CATALOG_DIR), "--as-of", "2026-12-01"]
    result = CliRunner().invoke(app, [*args, "--format", fmt, *options])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("view", ["pillar", "source:fx.act", "source:fx.vp"], ids=str)
@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_no_secret_survives_redaction(tmp_path: Path, fmt: str, view: str) -> None:
    text = report(tmp_path, fmt, "--redact", "--view", view)
    found = [n for n, secret in SECRETS.items() if secret in text or escape(secret) in text]
    assert found == []


@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_without_redaction_the_secrets_are_there(tmp_path: Path, fmt: str) -> None:
    """The test above can fail: unredacted, the same strings are in the report."""
    text = report(tmp_path, fmt)
    assert "Owner Team Zq7" in text


def test_labelled_evidence_is_withheld_and_counted(tmp_path: Path) -> None:
    data = json.loads(report(tmp_path, "json", "--redact"))
    [service] = data["reports"]
    block = next(o for o in service["obligations"] if o["id"] == "BLOCK-01")
    assert (data["redacted"], block["evidence"], block["evidence_withheld"]) == (
        True,
        [
            {
                "title": "Public design note",
                "location": None,
                "collected": "2026-10-02",
                "expires": None,
                "sensitivity": None,
            }
        ],
        1,
    )


def test_finding_messages_quoting_a_secret_are_scrubbed(tmp_path: Path) -> None:
    data = json.loads(report(tmp_path, "json", "--redact"))
    messages = [f["message"] for f in data["reports"][0]["findings"]]
    stale = [m for m in messages if m.startswith("evidence ")]
    assert stale == [
        f"evidence '{REDACTED}' for BLOCK-01 was collected on 2024-01-02, more than 365 days "
        "before 2026-12-01; check it again"
    ]


def test_catalogue_text_holding_a_redacted_word_is_kept(tmp_path: Path) -> None:
    """Redaction removes fields: an owner called "known" leaves catalogue titles whole."""
    ASSESSMENT["answers"]["BLOCK-02"]["owner"] = "known"
    try:
        text = report(tmp_path, "md", "--redact")
    finally:
        ASSESSMENT["answers"]["BLOCK-02"]["owner"] = SECRETS["second_owner"]
    assert ("Block links to known abuse sites" in text, REDACTED in text) == (True, False)


def test_a_review_note_is_redacted_in_its_finding(tmp_path: Path) -> None:
    review = {"reason": "catalog_changed", "note": "Ask Zq7 about it", "raised": "2026-11-01"}
    ASSESSMENT["answers"]["BLOCK-02"]["review"] = review
    try:
        data = json.loads(report(tmp_path, "json", "--redact"))
    finally:
        del ASSESSMENT["answers"]["BLOCK-02"]["review"]
    messages = [f["message"] for f in data["reports"][0]["findings"]]
    assert [m for m in messages if "re-review" in m] == [
        f"BLOCK-02 needs a re-review (catalog_changed, raised 2026-11-01): {REDACTED}; "
        "delete 'review' once done"
    ]


def test_redaction_keeps_the_document_valid(catalog: Catalog, pebble: AssessedService) -> None:
    document = build_report(catalog, [pebble], ReportOptions(redact=True))
    assert document == type(document).model_validate(document.model_dump(mode="json"))
