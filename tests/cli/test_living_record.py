"""The issue's test: the Vidora example in git with three commits of history, end to end.

``diff --since HEAD~2`` reads the oldest version from git; ``approve`` then an edit raises
``changed-after-approval``; ``due --format ics`` imports into icalendar with every due
item; ``check --format sarif`` validates against the SARIF schema and counts what the
table and the JUnit count.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from csea.cli import app
from tests.conftest import GitRepo
from tests.readers import junit_failures, sarif_errors

VIDORA = Path(__file__).resolve().parents[2] / "examples" / "vidora"
runner = CliRunner()


@pytest.fixture
def vidora(git_repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """Vidora as shipped, then BLOCK-10 moved to partial, then LAW-04's plan moved on."""
    monkeypatch.setenv("CSEA_TODAY", "2026-11-20")
    monkeypatch.delenv("CSEA_CATALOG", raising=False)
    monkeypatch.chdir(git_repo.root)
    text = (VIDORA / "assessment.yaml").read_text(encoding="utf-8")
    profile = (VIDORA / "profile.yaml").read_text(encoding="utf-8")
    git_repo.commit(
        "Vidora: first assessment", **{"assessment.yaml": text, "profile.yaml": profile}
    )
    block_10 = _answer(text, "BLOCK-10").replace("status: planned", "status: partial", 1)
    text = text.replace(_answer(text, "BLOCK-10"), block_10)
    git_repo.commit("Vidora: BLOCK-10 partly in place", **{"assessment.yaml": text})
    law_04 = _answer(text, "LAW-04").replace("due: 2026-10-31", "due: 2027-03-31", 1)
    git_repo.commit(
        "Vidora: LAW-04 plan moved",
        **{"assessment.yaml": text.replace(_answer(text, "LAW-04"), law_04)},
    )
    return git_repo


def _answer(text: str, oid: str) -> str:
    found = re.search(rf"^  {oid}:\n(?:(?:    .*)?\n)*", text, re.MULTILINE)
    assert found, oid
    return found.group(0)


def csea(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_diff_since_two_commits_ago(vidora: GitRepo) -> None:
    code, out, err = csea("diff", "--since", "HEAD~2", "assessment.yaml", "--format", "json")
    changes = [
        (c["obligation_id"], c["kind"], c["old"], c["new"]) for c in json.loads(out)["changes"]
    ]
    assert (code, err, json.loads(out)["old_file"]) == (0, "", "HEAD~2:assessment.yaml")
    assert ("BLOCK-10", "status_up", "planned", "partial") in changes
    assert ("LAW-04", "due_changed", "2026-10-31", "2027-03-31") in changes


def test_approve_then_an_edit_raises_changed_after_approval(vidora: GitRepo) -> None:
    approved = csea("approve", "assessment.yaml", "--by", "Dana Lee", "--role", "Head of T&S")
    vidora.commit("Vidora: approved")
    clean = csea("check", "assessment.yaml", "--code", "changed-after-approval")
    path = vidora.root / "assessment.yaml"
    law_04 = _answer(path.read_text("utf-8"), "LAW-04")
    path.write_text(
        path.read_text("utf-8").replace(law_04, law_04.replace("2027-03-31", "2027-06-30")), "utf-8"
    )
    code, out, _ = csea(
        "check", "assessment.yaml", "--code", "changed-after-approval", "--format", "json"
    )
    [finding] = json.loads(out)["services"][0]["findings"]
    assert (approved[0], clean[0], "Findings" in clean[1], code) == (0, 0, False, 0)
    assert (finding["code"], "(LAW-04 changed since)" in finding["message"]) == (
        "changed-after-approval",
        True,
    )


def test_due_as_a_calendar_lists_every_due_item(vidora: GitRepo) -> None:
    code, out, _ = csea("due", "assessment.yaml", "--within", "365d", "--format", "json")
    items = json.loads(out)["items"]
    csea("due", "assessment.yaml", "--within", "365d", "--format", "ics", "-o", "due.ics")
    calendar = Calendar.from_ical((vidora.root / "due.ics").read_bytes())
    events = sorted((str(e["LOCATION"]), e.start.isoformat()) for e in calendar.events)
    assert (code, len(items) > 5, [c.errors for c in calendar.walk()]) == (
        0,
        True,
        [[]] * (len(items) + 1),
    )
    assert events == sorted((f"assessment.yaml:{i['line']}", i["due"]) for i in items)
    assert len({str(e["UID"]) for e in calendar.events}) == len(items)


def test_sarif_validates_and_counts_what_the_table_and_junit_count(vidora: GitRepo) -> None:
    code, out, _ = csea(
        "check", "assessment.yaml", "--format", "json", "--junit-xml", "j.xml", "--sarif", "s.sarif"
    )
    _, table, _ = csea("check", "assessment.yaml")
    findings = json.loads(out)["services"][0]["findings"]
    sarif = json.loads((vidora.root / "s.sarif").read_text("utf-8"))
    failures = junit_failures((vidora.root / "j.xml").read_text("utf-8"))
    failures.pop("legal-duty-unmet")
    rows = len([line for line in table.splitlines() if re.match(r"^│ assessment\.yaml:", line)])
    assert sarif_errors(sarif) == []
    assert (code, rows, sum(failures.values()), len(sarif["runs"][0]["results"])) == (
        0,
        len(findings),
        len(findings),
        len(findings),
    )
    assert Counter(r["ruleId"] for r in sarif["runs"][0]["results"]) == Counter(failures)
