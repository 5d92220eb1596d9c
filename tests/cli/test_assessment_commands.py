"""``csea init``, ``csea diff`` and ``csea migrate`` through the command line: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csea.render.escape import markdown as escape
from tests.assessment.conftest import ProfileWriter, Runner
from tests.assessment.test_diff import NEW, OLD
from tests.assessment.test_skeleton import SKELETON
from tests.assessment.versions import ASSESSMENT

DAY = ("--as-of", "2026-12-01")


@pytest.fixture
def pair(work: Path, write_profile: ProfileWriter) -> tuple[Path, Path]:
    write_profile()
    old, new = work / "old.yaml", work / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_init_writes_then_reports_up_to_date(
    run: Runner, catalog_dir: Path, write_profile: ProfileWriter, work: Path
) -> None:
    output = work / "assessment.yaml"
    args = ("init", write_profile(), "-o", output, "--catalog", catalog_dir, *DAY)
    assert run(*args) == (0, f"wrote {output}: 2 applicable obligation(s), all not_assessed\n", "")
    assert output.read_text(encoding="utf-8") == SKELETON
    assert run(*args) == (0, f"{output} is up to date: nothing to add or flag\n", "")


def test_init_reports_what_it_added_and_flagged(
    run: Runner, catalog_dir: Path, write_profile: ProfileWriter, work: Path
) -> None:
    output = work / "assessment.yaml"
    output.write_text(SKELETON, encoding="utf-8")
    profile = write_profile("[video_upload]")
    assert run("init", profile, "-o", output, "--catalog", catalog_dir, *DAY) == (
        0,
        f"updated {output}\n  added: 1 (BLOCK-02)\n"
        "  flagged for review (no longer applies): 1 (BLOCK-01)\n",
        "",
    )


def test_init_refuses_an_unreadable_assessment_and_leaves_it(
    run: Runner, catalog_dir: Path, write_profile: ProfileWriter, work: Path
) -> None:
    output = work / "assessment.yaml"
    broken = SKELETON.replace("status: not_assessed", "status: done", 1)
    output.write_text(broken, encoding="utf-8")
    code, out, err = run("init", write_profile(), "-o", output, "--catalog", catalog_dir, *DAY)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: refusing to write over {output}: it exists but could not be")
    assert f"{output}:24:5: error [unknown-value] assessment answers.BLOCK-01.status:" in err
    assert output.read_text(encoding="utf-8") == broken


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("missing.yaml",), "missing.yaml: error [file-not-found] file not found"),
        (("profile.yaml", "--as-of", "1 December"), "Invalid value for '--as-of'"),
    ],
    ids=["missing-profile", "bad-date"],
)
def test_init_unusable_input_exits_2(
    run: Runner,
    catalog_dir: Path,
    write_profile: ProfileWriter,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    expected: str,
) -> None:
    write_profile()
    monkeypatch.chdir(work)
    code, out, err = run("init", *args, "-o", "assessment.yaml", "--catalog", catalog_dir)
    assert (code, out, expected in err) == (2, "", True)
    assert not (work / "assessment.yaml").exists()


def test_diff_markdown(run: Runner, pair: tuple[Path, Path], catalog_dir: Path) -> None:
    code, out, err = run("diff", *pair, "--format", "md", "--catalog", catalog_dir, *DAY)
    assert (code, err) == (0, "")
    assert out.splitlines()[:5] == [
        "## Assessment changes: Clipshare (Example Ltd)",
        "",
        f"{escape(str(pair[0]))} (mini 2026.11) to {escape(str(pair[1]))} (mini 2026.11); evidence "
        "expiry judged on 2026-12-01.",
        "",
        "**Summary:** 1 added, 1 removed, 1 status up, 1 status down, 1 status changed, 1 "
        "evidence added, 1 evidence removed, 1 evidence updated, 1 evidence expired, 1 owner "
        "changed, 2 due changed, 1 accepted by changed, 1 accepted on changed, 1 justification "
        "changed, 1 notes changed.",
    ]
    assert out.splitlines()[6:9] == [
        "| Obligation | Title | Change | Old | New | Detail |",
        "|---|---|---|---|---|---|",
        "| BLOCK-01 | Hash-match known images | status up | partial | implemented |  |",
    ]
    assert len(out.splitlines()) == 24


def test_diff_json(run: Runner, pair: tuple[Path, Path], catalog_dir: Path) -> None:
    code, out, _ = run("diff", *pair, "--format", "json", "--catalog", catalog_dir, *DAY)
    data = json.loads(out)
    assert code == 0
    assert (data["service"], data["as_of"], data["counts"]["due_changed"]) == (
        "Clipshare",
        "2026-12-01",
        2,
    )
    assert data["changes"][-1] == {
        "obligation_id": "LIVE-01",
        "title": None,
        "kind": "notes_changed",
        "old": "Reviewed yearly.",
        "new": "Reviewed yearly by the board.",
        "detail": "",
    }


def test_diff_table(run: Runner, pair: tuple[Path, Path], catalog_dir: Path) -> None:
    code, out, _ = run("diff", *pair, "--catalog", catalog_dir, *DAY)
    assert code == 0
    assert out.splitlines()[-1] == (
        "1 added, 1 removed, 1 status up, 1 status down, 1 status changed, 1 evidence added, 1 "
        "evidence removed, 1 evidence updated, 1 evidence expired, 1 owner changed, 2 due changed, "
        "1 accepted by changed, 1 accepted on changed, 1 justification changed, 1 notes changed"
    )
    assert "BLOCK-01" in out


def test_diff_of_identical_files(run: Runner, pair: tuple[Path, Path], catalog_dir: Path) -> None:
    old = pair[0]
    assert run("diff", old, old, "--catalog", catalog_dir, *DAY) == (
        0,
        f"Clipshare (Example Ltd): {old} (mini 2026.11) -> {old} (mini 2026.11): no changes\n",
        "",
    )


@pytest.mark.parametrize(
    ("new_text", "code"),
    [(NEW, 1), (OLD.replace("status: partial", "status: implemented"), 0)],
    ids=["regression", "only-improvements"],
)
def test_diff_fail_on_regression(
    run: Runner, pair: tuple[Path, Path], catalog_dir: Path, new_text: str, code: int
) -> None:
    pair[1].write_text(new_text, encoding="utf-8")
    args = ("diff", *pair, "--format", "json", "--fail-on-regression", "--catalog", catalog_dir)
    assert run(*args, *DAY)[0] == code


def test_diff_of_different_services_exits_2(
    run: Runner, pair: tuple[Path, Path], catalog_dir: Path, work: Path
) -> None:
    (work / "other.yaml").write_text(
        (work / "profile.yaml").read_text(encoding="utf-8").replace("Clipshare", "Chatter"),
        encoding="utf-8",
    )
    pair[1].write_text(NEW.replace("profile.yaml", "other.yaml"), encoding="utf-8")
    code, out, err = run("diff", *pair, "--catalog", catalog_dir, *DAY)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{pair[0]}:2: error [different-service] profile: is an assessment of Clipshare "
        "(Example Ltd); both must assess the same service",
        f"{pair[1]}:2: error [different-service] profile: is an assessment of Chatter "
        "(Example Ltd); both must assess the same service",
        "cannot compare assessments of different services",
    ]


def test_diff_of_a_missing_file_exits_2(
    run: Runner, pair: tuple[Path, Path], catalog_dir: Path, work: Path
) -> None:
    code, _, err = run("diff", pair[0], work / "nope.yaml", "--catalog", catalog_dir)
    assert (code, err) == (2, f"{work / 'nope.yaml'}: error [file-not-found] file not found\n")


@pytest.fixture
def answered(work: Path, write_profile: ProfileWriter) -> Path:
    """An assessment made against catalogue version 2026.11."""
    write_profile()
    path = work / "assessment.yaml"
    path.write_text(ASSESSMENT, encoding="utf-8")
    return path


def test_migrate_prints_what_moved(
    run: Runner, catalogs: tuple[Path, Path], answered: Path
) -> None:
    code, out, err = run("migrate", answered, "--catalog", catalogs[1], "--as-of", "2027-01-15")
    assert (code, err) == (0, "")
    assert out == (
        "2027.01 changed BLOCK-01\n"
        "  BLOCK-01: flagged for review\n"
        "2027.01 merged BLOCK-02, BLOCK-03 -> BLOCK-04\n"
        "  BLOCK-02 (implemented), BLOCK-03 (partial): combined into BLOCK-04 (status partial), "
        "flagged\n"
        "2027.01 split GROOM-01 -> GROOM-02, GROOM-03\n"
        "  GROOM-01: answer copied to GROOM-02, GROOM-03 and flagged for review\n"
        "2027.01 retired GROOM-09\n"
        "  GROOM-09: flagged for review\n"
        "2027.01 added BLOCK-05, BLOCK-06\n"
        "  BLOCK-05: added as not_assessed\n"
        "  BLOCK-06: does not apply to this service\n"
        f"wrote {answered}: catalogue version 2026.11 -> 2027.01\n"
    )
    assert run("migrate", answered, "--catalog", catalogs[1]) == (
        0,
        f"{answered} already follows catalogue version 2027.01; nothing to migrate\n",
        "",
    )


def test_migrate_to_another_file(run: Runner, catalogs: tuple[Path, Path], answered: Path) -> None:
    target = answered.with_name("migrated.yaml")
    code, out, _ = run("migrate", answered, "-o", target, "--catalog", catalogs[1])
    assert (code, out.splitlines()[-1]) == (
        0,
        f"wrote {target}: catalogue version 2026.11 -> 2027.01",
    )
    assert answered.read_text(encoding="utf-8") == ASSESSMENT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ASSESSMENT.replace('"2026.11"', '"2027.09"'), ":4:3: error [catalog-version]"),
        (ASSESSMENT.replace("status: planned", "status: soon"), ":36:5: error [unknown-value]"),
        (ASSESSMENT.replace("  BLOCK-01:", "  BLOCK-01: ["), ":11:13: error [yaml-syntax]"),
    ],
    ids=["newer-catalogue", "unknown-status", "broken-yaml"],
)
def test_migrate_unusable_input_exits_2_and_writes_nothing(
    run: Runner, catalogs: tuple[Path, Path], answered: Path, text: str, message: str
) -> None:
    answered.write_text(text, encoding="utf-8")
    code, out, err = run("migrate", answered, "--catalog", catalogs[1])
    assert (code, out, f"{answered}{message}" in err) == (2, "", True)
    assert answered.read_text(encoding="utf-8") == text


def test_migrate_refuses_an_unreadable_output(
    run: Runner, catalogs: tuple[Path, Path], answered: Path
) -> None:
    target = answered.with_name("migrated.yaml")
    target.write_text("catalog: [\n", encoding="utf-8")
    code, _, err = run("migrate", answered, "-o", target, "--catalog", catalogs[1])
    assert (code, err.startswith(f"error: refusing to write over {target}")) == (2, True)
    assert target.read_text(encoding="utf-8") == "catalog: [\n"
