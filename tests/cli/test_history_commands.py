"""``csea diff --since REF`` and ``csea report --previous REF``: earlier versions read from git."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.assessment.conftest import PROFILE, Runner
from tests.assessment.test_diff import NEW, OLD
from tests.conftest import GitRepo

DAY = ("--as-of", "2026-12-01")


@pytest.fixture
def history(git_repo: GitRepo) -> Path:
    """OLD committed, then NEW: ``assessment.yaml`` with one commit of history behind it."""
    git_repo.commit("old", **{"assessment.yaml": OLD, "profile.yaml": PROFILE})
    git_repo.commit("new", **{"assessment.yaml": NEW})
    return git_repo.root / "assessment.yaml"


def test_diff_since_a_revision_equals_the_diff_of_the_two_files(
    run: Runner, history: Path, catalog_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    args = ("--format", "json", "--catalog", catalog_dir, *DAY)
    code, out, err = run("diff", "--since", "HEAD~1", history, *args)
    _, files_out, _ = run("diff", tmp_path / "old.yaml", history, *args)
    since, files = json.loads(out), json.loads(files_out)
    assert (code, err, since["old_file"]) == (0, "", "HEAD~1:assessment.yaml")
    assert {**since, "old_file": None} == {**files, "old_file": None}


def test_diff_since_fails_on_a_regression(run: Runner, history: Path, catalog_dir: Path) -> None:
    args = ("diff", "--since", "HEAD~1", history, "--fail-on-regression", "--catalog", catalog_dir)
    assert run(*args, *DAY)[0] == 1


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (2, "give one file (NEW) with --since"),
        (0, "Missing argument"),
    ],
    ids=["two-files", "no-file"],
)
def test_diff_since_takes_one_file(
    run: Runner, history: Path, catalog_dir: Path, files: int, message: str
) -> None:
    code, out, err = run("diff", "--since", "HEAD~1", *[history] * files, "--catalog", catalog_dir)
    assert (code, out, message in " ".join(err.split())) == (2, "", True)


def test_diff_without_since_takes_two_files(run: Runner, history: Path, catalog_dir: Path) -> None:
    code, _, err = run("diff", history, "--catalog", catalog_dir)
    assert (code, "give two files, OLD and NEW" in " ".join(err.split())) == (2, True)


def test_diff_since_an_unknown_revision_exits_2(
    run: Runner, history: Path, catalog_dir: Path
) -> None:
    code, out, err = run("diff", "--since", "v9", history, "--catalog", catalog_dir, *DAY)
    assert (code, out, err.splitlines()[0]) == (
        2,
        "",
        f"{history}: error [unknown-revision] no commit is named 'v9' in the repository at "
        f"{history.parent}",
    )


def test_report_previous_reads_a_revision(run: Runner, history: Path, catalog_dir: Path) -> None:
    args = ("report", history, "--format", "json", "--catalog", catalog_dir, *DAY)
    code, out, err = run(*args, "--previous", "HEAD~1")
    changes = json.loads(out)["reports"][0]["changes"]
    assert (
        code,
        err,
        [(m["obligation_id"], m["before"], m["after"]) for m in changes["moves"]],
    ) == (
        0,
        "",
        [("BLOCK-01", "partial", "implemented"), ("GROOM-01", "not_applicable", "not_assessed")],
    )


def test_report_previous_that_is_neither_file_nor_revision_exits_2(
    run: Runner, history: Path, catalog_dir: Path
) -> None:
    code, out, err = run("report", history, "--previous", "v9", "--catalog", catalog_dir, *DAY)
    assert (code, out, err.split(" (git:")[0]) == (
        2,
        "",
        f"{history}: error [bad-previous] 'v9' is neither an assessment file nor a git "
        f"revision of {history}",
    )
