"""Earlier versions of an assessment read from git, with the profile they named then."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from csea.assessment.diff import compare_assessments, compare_since
from csea.assessment.history import assessment_history, load_assessment_at, load_previous
from csea.assessment.load import load_assessment
from csea.catalog.loader import load_catalog
from csea.errors import InputError
from tests.assessment.conftest import AS_OF, PROFILE
from tests.conftest import GitRepo

ASSESSMENT = """\
catalog: {{id: mini, version: "2026.11"}}
profile: {profile}
answers:
  BLOCK-01:
    status: {status}
"""


def assessment(status: str = "planned", profile: str = "profile.yaml") -> str:
    return ASSESSMENT.format(status=status, profile=profile)


@pytest.fixture
def repo(git_repo: GitRepo) -> GitRepo:
    """Three commits: planned, partial, then implemented with a profile that lost a feature."""
    git_repo.commit("one", **{"assessment.yaml": assessment(), "profile.yaml": PROFILE})
    git_repo.commit("two", **{"assessment.yaml": assessment("partial")})
    git_repo.commit(
        "three",
        **{
            "assessment.yaml": assessment("implemented"),
            "profile.yaml": PROFILE.replace("[image_upload, direct_messages]", "[image_upload]"),
        },
    )
    return git_repo


def test_a_version_is_read_with_the_profile_of_the_same_commit(repo: GitRepo) -> None:
    then = load_assessment_at(repo.root / "assessment.yaml", "HEAD~2")
    assert (
        then.name,
        then.assessment.answers["BLOCK-01"].status.value,
        then.profile.present("features"),
        then.revision and then.revision.subject,
        then.revision and then.revision.commit == repo.git("rev-parse", "HEAD~2"),
    ) == ("HEAD~2:assessment.yaml", "planned", ["image_upload", "direct_messages"], "one", True)


def test_a_version_in_a_subfolder_resolves_its_profile_there(git_repo: GitRepo) -> None:
    git_repo.commit(
        "one",
        **{
            "services/clip/assessment.yaml": assessment(profile="../profiles/clip.yaml"),
            "services/profiles/clip.yaml": PROFILE,
        },
    )
    then = load_assessment_at(git_repo.root / "services/clip/assessment.yaml", "HEAD")
    assert (then.name, then.profile.service) == ("HEAD:services/clip/assessment.yaml", "Clipshare")


def test_an_inline_profile_needs_nothing_more(git_repo: GitRepo) -> None:
    inline = "\n".join("  " + line for line in PROFILE.splitlines())
    git_repo.commit("one", **{"a.yaml": assessment(profile="\n" + inline)})
    assert load_assessment_at(git_repo.root / "a.yaml", "HEAD").profile.service == "Clipshare"


def test_a_renamed_file_is_found_under_its_old_name(repo: GitRepo) -> None:
    repo.git("mv", "assessment.yaml", "clipshare.yaml")
    repo.commit("renamed")
    then = load_assessment_at(repo.root / "clipshare.yaml", "HEAD~3")
    assert (then.name, then.assessment.answers["BLOCK-01"].status.value) == (
        "HEAD~3:assessment.yaml",
        "planned",
    )


def test_history_lists_the_commits_that_changed_the_file_newest_first(repo: GitRepo) -> None:
    repo.commit("unrelated", **{"notes.md": "nothing to see"})
    versions = assessment_history(repo.root / "assessment.yaml")
    assert [(v.revision.subject, v.path, v.revision.ref) for v in versions] == [
        ("three", "assessment.yaml", repo.git("rev-parse", "HEAD~1")[:12]),
        ("two", "assessment.yaml", repo.git("rev-parse", "HEAD~2")[:12]),
        ("one", "assessment.yaml", repo.git("rev-parse", "HEAD~3")[:12]),
    ]
    assert [len(v.load().profile.present("features")) for v in versions] == [1, 2, 2]


def test_history_is_limited_to_the_newest_and_follows_renames(repo: GitRepo) -> None:
    repo.git("mv", "assessment.yaml", "clipshare.yaml")
    repo.commit("renamed")
    versions = assessment_history(repo.root / "clipshare.yaml", limit=2)
    assert [(v.revision.subject, v.path) for v in versions] == [
        ("renamed", "clipshare.yaml"),
        ("three", "assessment.yaml"),
    ]
    assert versions[1].load().name == f"{versions[1].revision.ref}:assessment.yaml"


def test_history_dates_and_authors_come_from_git(repo: GitRepo) -> None:
    newest = assessment_history(repo.root / "assessment.yaml", limit=1)[0].revision
    assert (newest.committed, newest.author) == (
        dt.datetime(2026, 3, 12, 10, 0, tzinfo=dt.UTC),
        "Ana Analyst",
    )


def test_history_refuses_a_limit_below_one(repo: GitRepo) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        assessment_history(repo.root / "assessment.yaml", limit=0)


def _problems(call: object) -> list[tuple[str, str | None, str]]:
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    return [(p.code, p.file, p.message) for p in caught.value.problems]


def test_an_unknown_revision_is_named(repo: GitRepo) -> None:
    found = _problems(lambda: load_assessment_at(repo.root / "assessment.yaml", "HEAD~7"))
    assert found == [
        (
            "unknown-revision",
            str(repo.root / "assessment.yaml"),
            f"no commit is named 'HEAD~7' in the repository at {repo.root}",
        )
    ]


def test_an_option_is_not_taken_for_a_revision(repo: GitRepo) -> None:
    found = _problems(lambda: load_assessment_at(repo.root / "assessment.yaml", "--all"))
    assert [code for code, _, _ in found] == ["unknown-revision"]


def test_a_shallow_clone_says_how_to_fetch_history(repo: GitRepo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    [(code, _, message)] = _problems(
        lambda: load_assessment_at(clone / "assessment.yaml", "HEAD~1")
    )
    assert (code, "shallow" in message, "fetch-depth: 0" in message) == (
        "unknown-revision",
        True,
        True,
    )


def test_a_copy_has_no_history_of_its_own_before_it_was_made(repo: GitRepo) -> None:
    repo.commit("new service", **{"other.yaml": assessment("implemented")})
    versions = assessment_history(repo.root / "other.yaml")
    assert [v.revision.subject for v in versions] == ["new service"]


def test_a_file_not_in_that_commit_is_named_with_the_revision(repo: GitRepo) -> None:
    repo.commit("new service", **{"other.yaml": assessment("implemented")})
    [(code, file, _)] = _problems(lambda: load_assessment_at(repo.root / "other.yaml", "HEAD~1"))
    assert (code, file) == ("not-in-revision", "HEAD~1:other.yaml")


def test_a_profile_missing_from_that_commit_points_at_the_profile_line(git_repo: GitRepo) -> None:
    git_repo.commit("one", **{"a.yaml": assessment(profile="missing.yaml")})
    found = _problems(lambda: load_assessment_at(git_repo.root / "a.yaml", "HEAD"))
    assert [(code, file) for code, file, _ in found] == [
        ("profile-unusable", "HEAD:a.yaml"),
        ("not-in-revision", "HEAD:missing.yaml"),
    ]


def test_a_profile_outside_the_repository_is_refused(git_repo: GitRepo) -> None:
    git_repo.commit("one", **{"a.yaml": assessment(profile="../elsewhere/profile.yaml")})
    found = _problems(lambda: load_assessment_at(git_repo.root / "a.yaml", "HEAD"))
    assert [code for code, _, _ in found] == ["profile-unusable", "not-in-revision"]
    assert "outside the repository" in found[1][2]


def test_an_invalid_version_is_reported_with_its_revision_and_line(repo: GitRepo) -> None:
    repo.commit("broken", **{"assessment.yaml": assessment("finished")})
    found = _problems(lambda: load_assessment_at(repo.root / "assessment.yaml", "HEAD"))
    assert [(code, file) for code, file, _ in found] == [("unknown-value", "HEAD:assessment.yaml")]


def test_outside_a_repository_git_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(assessment(), encoding="utf-8")
    [(code, _, message)] = _problems(lambda: load_assessment_at(tmp_path / "a.yaml", "HEAD"))
    assert (code, "not a git repository" in message) == ("not-a-repository", True)


def test_without_git_the_error_says_git_is_needed(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo.root / "no-programs-here"))
    found = _problems(lambda: load_assessment_at(repo.root / "assessment.yaml", "HEAD"))
    assert found == [
        (
            "git-unavailable",
            str(repo.root / "assessment.yaml"),
            "git is not installed (or not on PATH)",
        )
    ]


def test_a_git_hook_environment_does_not_redirect_git(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "index"))
    then = load_assessment_at(repo.root / "assessment.yaml", "HEAD~1")
    assert then.assessment.answers["BLOCK-01"].status.value == "partial"


def test_previous_is_a_file_when_it_exists_or_looks_like_one(repo: GitRepo) -> None:
    current = repo.root / "assessment.yaml"
    assert load_previous(current, current).name == str(current)
    found = _problems(lambda: load_previous(repo.root / "gone.yaml", current))
    assert [code for code, _, _ in found] == ["file-not-found"]


def test_previous_is_otherwise_a_revision(repo: GitRepo) -> None:
    current = repo.root / "assessment.yaml"
    assert load_previous("HEAD~1", current).name == "HEAD~1:assessment.yaml"
    [(code, file, message)] = _problems(lambda: load_previous("v9", current))
    assert (code, file, message.startswith("'v9' is neither an assessment file nor a git")) == (
        "bad-previous",
        str(current),
        True,
    )


def test_compare_since_reads_the_old_side_from_git(repo: GitRepo, catalog_dir: Path) -> None:
    diff = compare_since("HEAD~2", repo.root / "assessment.yaml", load_catalog(catalog_dir), AS_OF)
    assert (diff.old_file, diff.new_file, [(c.kind.value, c.old, c.new) for c in diff.changes]) == (
        "HEAD~2:assessment.yaml",
        str(repo.root / "assessment.yaml"),
        [("status_up", "planned", "implemented")],
    )


def test_compare_since_reports_both_sides_problems_together(repo: GitRepo) -> None:
    (repo.root / "assessment.yaml").write_text("answers: [", encoding="utf-8")
    found = _problems(lambda: compare_since("HEAD~9", repo.root / "assessment.yaml", None, AS_OF))
    assert [code for code, _, _ in found] == ["unknown-revision", "yaml-syntax"]


def test_a_copy_taken_out_of_git_says_how_its_profile_is_read(
    repo: GitRepo, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / "prev.yaml"
    copy.parent.mkdir()
    copy.write_text(repo.git("show", "HEAD~1:assessment.yaml") + "\n", encoding="utf-8")
    found = _problems(lambda: load_assessment(copy))
    assert [code for code, _, _ in found] == ["profile-unusable", "file-not-found"]
    assert f"read relative to this file, as {copy.parent / 'profile.yaml'}" in found[0][2]
    assert "csea diff --since REF ASSESSMENT" in found[0][2]


def test_each_file_of_a_plain_diff_has_its_own_profile(tmp_path: Path) -> None:
    features = {"old": "[image_upload]", "new": "[image_upload, direct_messages]"}
    for name, listed in features.items():
        (tmp_path / name).mkdir()
        profile = PROFILE.replace("[image_upload, direct_messages]", listed)
        (tmp_path / name / "profile.yaml").write_text(profile, encoding="utf-8")
        (tmp_path / name / "a.yaml").write_text(assessment(), encoding="utf-8")
    diff = compare_assessments(tmp_path / "old/a.yaml", tmp_path / "new/a.yaml", None, AS_OF)
    loaded = [load_assessment(tmp_path / name / "a.yaml") for name in features]
    assert (diff.changes, [x.profile.present("features") for x in loaded]) == (
        [],
        [["image_upload"], ["image_upload", "direct_messages"]],
    )
