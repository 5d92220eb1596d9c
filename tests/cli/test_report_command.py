"""``csea report`` through typer's runner: exit codes, -o, and nothing written on bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.conftest import GitRepo
from tests.report.conftest import CATALOG_DIR, FIXTURES

ASSESSMENT = str(FIXTURES / "assessment.yaml")
COMMON = ("--catalog", str(CATALOG_DIR), "--as-of", "2026-12-01")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_writes_the_file_atomically_and_says_where(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    code, out, err = run(ASSESSMENT, *COMMON, "--format", "html", "-o", str(target))
    assert (code, out, err) == (0, "", f"wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_terminal_is_the_default(tmp_path: Path) -> None:
    code, out, _ = run(ASSESSMENT, *COMMON)
    assert (code, out.splitlines()[:2]) == (
        0,
        [
            "CONFIDENTIAL",
            "Catalogue: Report test catalogue (fixture) version 2026.11 of 2026-11-01",
        ],
    )


def test_classification_heads_the_report() -> None:
    code, out, _ = run(ASSESSMENT, *COMMON, "--format", "md", "--classification", "Internal")
    assert (code, out.splitlines()[2]) == (0, "**INTERNAL**")


def test_several_previous_assessments_make_the_trend() -> None:
    older, previous = str(FIXTURES / "older.yaml"), str(FIXTURES / "previous.yaml")
    code, out, _ = run(
        ASSESSMENT, *COMMON, "--previous", previous, "--previous", older, "--format", "md"
    )
    trend = out.split("#### Trend\n\n")[1].splitlines()[0]
    assert (code, trend) == (
        0,
        "Since 2025-11-20 (2 earlier assessments): weighted score 3.3% to 47.5%, unweighted 7.1% "
        "to 41.7%; legal duties not met 3 to 2; gaps 7 to 4.",
    )


def test_without_previous_there_is_no_trend_number() -> None:
    code, out, _ = run(ASSESSMENT, *COMMON, "--format", "md")
    trend = out.split("#### Trend\n\n")[1].splitlines()[0]
    assert (code, trend) == (
        0,
        "No earlier assessment was given, so there is no trend yet (csea report --previous).",
    )


def test_nothing_assessed_shows_no_score_rather_than_zero(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.yaml"
    profile = (FIXTURES / "profile.yaml").as_posix()
    fresh.write_text(
        f'catalog: {{id: fixture, version: "2026.11"}}\nprofile: {profile}\nanswers: {{}}\n',
        encoding="utf-8",
    )
    code, out, _ = run(str(fresh), *COMMON, "--format", "md")
    assert (code, "0.0%" in out, "| not measured | not measured |" in out) == (0, False, True)


def test_findings_do_not_change_the_exit_code() -> None:
    code, _, _ = run(ASSESSMENT, *COMMON, "--format", "junit")
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--view", "source:nope"), "no source 'nope' in catalogue 2026.11"),
        (("--view", "pillars"), "unknown view 'pillars'"),
        (("--generated-at", "soon"), "--generated-at is 'soon'"),
        (("--previous", str(FIXTURES / "missing.yaml")), "missing.yaml: error [file-not-found]"),
    ],
    ids=["unknown-source", "unknown-view", "bad-timestamp", "missing-previous"],
)
def test_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "report.md"
    code, out, err = run(ASSESSMENT, *COMMON, "--format", "md", "-o", str(target), *args)
    assert (code, out, message in err, target.exists()) == (2, "", True, False)


def test_an_existing_report_survives_a_failed_run(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("last quarter's report\n", encoding="utf-8")
    code, _, _ = run(str(tmp_path / "missing.yaml"), *COMMON, "--format", "md", "-o", str(target))
    assert (code, target.read_text(encoding="utf-8")) == (2, "last quarter's report\n")


def test_an_assessment_against_another_catalogue_version_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "assessment.yaml").read_text(encoding="utf-8")
    moved = tmp_path / "assessment.yaml"
    moved.write_text(
        text.replace('"2026.11"', '"2025.01"').replace(
            "profile: profile.yaml", f"profile: {FIXTURES / 'profile.yaml'}"
        ),
        encoding="utf-8",
    )
    code, _, err = run(str(moved), *COMMON)
    assert (code, "run 'csea migrate" in err) == (2, True)


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run(ASSESSMENT, *COMMON, "--format", "pdf")
    assert (code, "'pdf' is not one of" in err) == (2, True)


def test_an_output_folder_that_cannot_be_made_is_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    target = blocker / "report.md"
    code, out, err = run(ASSESSMENT, *COMMON, "--format", "md", "-o", str(target))
    assert (code, out, err.startswith(f"error: could not write {target}: cannot create")) == (
        2,
        "",
        True,
    )


def test_history_adds_the_committed_versions_to_the_trend(git_repo: GitRepo) -> None:
    files = {
        name: (FIXTURES / name).read_text(encoding="utf-8")
        for name in ("older.yaml", "previous.yaml", "assessment.yaml", "profile.yaml")
    }
    git_repo.commit(
        "older", **{"assessment.yaml": files["older.yaml"], "profile.yaml": files["profile.yaml"]}
    )
    git_repo.commit("previous", **{"assessment.yaml": files["previous.yaml"]})
    git_repo.commit("now", **{"assessment.yaml": files["assessment.yaml"]})
    target = str(git_repo.root / "assessment.yaml")
    code, out, err = run(target, *COMMON, "--history", "5", "--format", "md")
    trend = out.split("#### Trend\n\n")[1].splitlines()[0]
    assert (code, err, trend) == (
        0,
        "",
        "Since 2025-11-20 (2 earlier assessments): weighted score 3.3% to 47.5%, unweighted 7.1% "
        "to 41.7%; legal duties not met 3 to 2; gaps 7 to 4.",
    )


def test_history_of_one_day_runs_in_commit_order(git_repo: GitRepo) -> None:
    def dated(name: str) -> str:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        return re.sub(r"(?m)^assessed_on: .*$", "assessed_on: 2026-11-20", text)

    profile = (FIXTURES / "profile.yaml").read_text(encoding="utf-8")
    git_repo.commit("older", **{"assessment.yaml": dated("older.yaml"), "profile.yaml": profile})
    git_repo.commit("previous", **{"assessment.yaml": dated("previous.yaml")})
    git_repo.commit("now", **{"assessment.yaml": dated("assessment.yaml")})
    code, out, _ = run(str(git_repo.root / "assessment.yaml"), *COMMON, "--history", "5")
    trend = " ".join(out.split("Trend: ")[1].split("\n\n")[0].split())
    assert (code, trend) == (
        0,
        "Since 2026-11-20 (2 earlier assessments): weighted score 3.3% to 47.5%, unweighted 7.1% "
        "to 41.7%; legal duties not met 3 to 2; gaps 7 to 4.",
    )


def test_history_outside_git_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    for name in ("assessment.yaml", "profile.yaml"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    code, out, err = run(str(tmp_path / "assessment.yaml"), *COMMON, "--history", "2")
    assert (code, out, "Traceback" in err, "git" in err) == (2, "", False, True)
