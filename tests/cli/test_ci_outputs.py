"""``csea check`` for CI: the table, JSON, JUnit and SARIF count the same findings."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from junitparser import Failure, JUnitXml, Skipped
from typer.testing import CliRunner

from csea.cli import app
from tests.readers import SARIF_SCHEMA, check_jsonschema, junit_failures, sarif_errors

VIDORA = Path(__file__).resolve().parents[2] / "examples" / "vidora" / "assessment.yaml"
runner = CliRunner()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSEA_TODAY", "2026-11-20")
    monkeypatch.delenv("CSEA_CATALOG", raising=False)


def check(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", str(VIDORA), *[str(a) for a in args]])
    return result.exit_code, result.stdout, result.stderr


def outputs(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any], str, dict[str, Any]]:
    """One run: JSON on stdout, JUnit and SARIF beside it."""
    junit, sarif = tmp_path / "out" / "csea-junit.xml", tmp_path / "out" / "csea.sarif"
    code, out, _ = check("--format", "json", "--junit-xml", junit, "--sarif", sarif, *args)
    return code, json.loads(out), junit.read_text("utf-8"), json.loads(sarif.read_text("utf-8"))


def test_every_format_counts_the_same_findings(tmp_path: Path) -> None:
    code, data, junit, sarif = outputs(tmp_path)
    [service] = data["services"]
    table = Counter(f["code"] for f in service["findings"] if f["level"] != "info")
    failures = junit_failures(junit)
    legal = failures.pop("legal-duty-unmet")
    results = sarif["runs"][0]["results"]
    assert (code, failures, legal) == (1, table, service["legal_duties_unmet"])
    assert Counter(r["ruleId"] for r in results) == Counter(f["code"] for f in service["findings"])
    assert Counter(r["level"] for r in results) == Counter(
        {
            "error": service["finding_counts"]["error"],
            "warning": service["finding_counts"]["warning"],
        }
    )


def test_vidora_shows_its_stale_and_expired_evidence_in_junit(tmp_path: Path) -> None:
    _, _, junit, _ = outputs(tmp_path)
    assert sorted(junit_failures(junit).elements()) == [
        "expired-evidence",
        "legal-duty-unmet",
        "legal-duty-unmet",
        "legal-duty-unmet",
        "not-assessed",
        "overdue",
        "overdue",
        "stale-evidence",
    ]


def test_sarif_is_valid_and_points_at_file_and_line(tmp_path: Path) -> None:
    _, data, _, sarif = outputs(tmp_path)
    located = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in sarif["runs"][0]["results"]
    ]
    findings = data["services"][0]["findings"]
    assert sarif_errors(sarif) == []
    assert sorted(located) == sorted((VIDORA.as_uri(), f["line"]) for f in findings)


def test_check_jsonschema_accepts_the_sarif_log(tmp_path: Path) -> None:
    outputs(tmp_path)
    assert check_jsonschema(SARIF_SCHEMA, tmp_path / "out" / "csea.sarif", tmp_path)[0] == 0


def test_a_relative_path_stays_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(VIDORA.parents[2])
    result = runner.invoke(app, ["check", "examples/vidora/assessment.yaml", "--format", "sarif"])
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {"examples/vidora/assessment.yaml"}


def test_the_same_run_gives_the_same_bytes(tmp_path: Path) -> None:
    first = [check("--format", fmt)[1] for fmt in ("junit", "sarif")]
    assert [check("--format", fmt)[1] for fmt in ("junit", "sarif")] == first


@pytest.mark.parametrize(
    ("args", "codes", "exit_code"),
    [
        (("--only", "error"), ["overdue"], 1),
        (
            ("--only", "warning"),
            ["overdue", "stale-evidence", "expired-evidence", "not-assessed"],
            0,
        ),
        (
            ("--code", "stale-evidence", "--code", "expired-evidence"),
            ["stale-evidence", "expired-evidence"],
            0,
        ),
        (("--only", "warning", "--code", "overdue"), ["overdue"], 0),
    ],
    ids=["only-error", "only-warning", "two-codes", "level-and-code"],
)
def test_selection_narrows_every_output_and_the_exit_code(
    tmp_path: Path, args: tuple[str, ...], codes: list[str], exit_code: int
) -> None:
    code, data, junit, sarif = outputs(tmp_path, *args)
    found = [f["code"] for f in data["services"][0]["findings"]]
    failures = junit_failures(junit)
    failures.pop("legal-duty-unmet")
    assert (code, sorted(found), sorted(failures.elements())) == (
        exit_code,
        sorted(codes),
        sorted(codes),
    )
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == sorted(codes)


def test_the_table_lists_errors_first() -> None:
    _, out, _ = check()
    levels = [line.split("│")[2].strip() for line in out.splitlines() if line.startswith("│ ")]
    levels = [level for level in levels if level]
    assert levels == ["error", "warning", "warning", "warning", "warning"]


def _cases(junit: str, kind: type, result_type: str | None = None) -> set[str]:
    return {
        case.name
        for suite in JUnitXml.fromstring(junit.encode())
        for case in suite
        for result in case.result
        if isinstance(result, kind)
        and (result_type is None or result.type == result_type)
        and not (result.message or "").startswith("not applicable")
    }


def test_junit_gaps_chooses_skipped_or_failure(tmp_path: Path) -> None:
    _, _, skipped, _ = outputs(tmp_path)
    _, _, failing, _ = outputs(tmp_path, "--junit-gaps", "failure")
    gaps = _cases(skipped, Skipped)
    assert (len(gaps), _cases(failing, Failure, "gap"), _cases(failing, Skipped)) == (
        4,
        gaps,
        set(),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--only", "error,fatal"), "--only 'fatal' is not one of: error, warning, info"),
        (("--code", "overdew"), "--code 'overdew' is not one of:"),
    ],
    ids=["level", "code"],
)
def test_an_unknown_level_or_code_exits_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = check(*args)
    assert (code, out, err.startswith(f"<input>: error [bad-selection] {message}")) == (2, "", True)
