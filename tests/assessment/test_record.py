"""What an approval covers (content_hash), and when each answer last changed (answer_changes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea.assessment.load import load_assessment
from csea.assessment.record import AnswerChange, AnswerChanges, answer_changes, content_hash
from csea.models import Assessment, ServiceProfile
from tests.assessment.conftest import PROFILE
from tests.conftest import GitRepo

AS_OF = dt.date(2026, 12, 1)

FILE = """\
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
answers:
  BLOCK-01:
    status: planned   # until the vendor ships
    owner: Integrity
    due: 2027-01-31
  GROOM-01:
    status: implemented
    owner: Youth Safety
    evidence:
      - {title: Spec, path: specs/teen.md, collected: 2026-10-01}
"""


def _hash(text: str, profile: str = PROFILE, tmp: Path | None = None) -> str:
    assert tmp is not None
    (tmp / "profile.yaml").write_text(profile, encoding="utf-8")
    (tmp / "a.yaml").write_text(text, encoding="utf-8")
    loaded = load_assessment(tmp / "a.yaml")
    return content_hash(loaded.assessment, loaded.profile)


@pytest.mark.parametrize(
    ("text", "profile", "same"),
    [
        (FILE.replace("   # until the vendor ships", ""), PROFILE, True),
        (
            FILE.replace('{id: mini, version: "2026.11"}', "\n  id: mini\n  version: '2026.11'"),
            PROFILE,
            True,
        ),
        (
            FILE.replace("    owner: Integrity\n", "    owner: Integrity\n    notes: null\n"),
            PROFILE,
            True,
        ),
        (FILE.replace("due: 2027-01-31", "due: 2027-02-28"), PROFILE, False),
        (FILE.replace("GROOM-01", "GROOM-02"), PROFILE, False),
        (FILE, PROFILE.replace("GB: 250000", "GB: 260000"), False),
        (
            FILE + "approval:\n  by: Dana\n  role: Lead\n  approved_on: 2026-11-20\n"
            '  catalog: {id: mini, version: "2026.11"}\n  content_hash: sha256:' + "0" * 64 + "\n",
            PROFILE,
            True,
        ),
    ],
    ids=["comment", "layout", "explicit-default", "answer", "obligation", "profile", "approval"],
)
def test_the_hash_follows_what_the_file_says(
    tmp_path: Path, text: str, profile: str, same: bool
) -> None:
    assert (_hash(text, profile, tmp_path) == _hash(FILE, PROFILE, tmp_path)) is same


def test_the_hash_is_sha256_of_canonical_json() -> None:
    assessment = Assessment.model_validate(
        {"catalog": {"id": "mini", "version": "2026.11"}, "profile": "p.yaml"}
    )
    profile = ServiceProfile.model_validate(
        {
            "organisation": "O",
            "service": "S",
            "kinds": ["user_to_user"],
            "users": {"GB": 1},
            "established_in": ["GB"],
            "children_likely": False,
        }
    )
    assert content_hash(assessment, profile) == content_hash(assessment, profile)
    assert content_hash(assessment, profile).startswith("sha256:")
    assert len(content_hash(assessment, profile)) == len("sha256:") + 64


@pytest.fixture
def history(git_repo: GitRepo) -> GitRepo:
    """Commit 1 (2026-01-10): FILE; commit 2 (2026-02-11): GROOM-01 reviewed only;
    commit 3 (2026-03-12): BLOCK-01's due date moved."""
    git_repo.commit("one", **{"assessment.yaml": FILE, "profile.yaml": PROFILE})
    reviewed = FILE.replace(
        "    evidence:", "    reviewed_by: Priya\n    reviewed_on: 2026-02-11\n    evidence:"
    )
    git_repo.commit("two", **{"assessment.yaml": reviewed})
    git_repo.commit("three", **{"assessment.yaml": reviewed.replace("2027-01-31", "2027-02-28")})
    return git_repo


def _changes(repo: GitRepo, since: dt.date) -> AnswerChanges | None:
    return answer_changes(load_assessment(repo.root / "assessment.yaml"), since, AS_OF)


def test_a_committed_change_is_dated_by_its_commit(history: GitRepo) -> None:
    three = history.git("rev-parse", "HEAD")[:12]
    assert _changes(history, dt.date(2026, 1, 1)) == AnswerChanges(
        dt.date(2026, 1, 1),
        {"BLOCK-01": AnswerChange(dt.date(2026, 3, 12), three)},
    )


def test_a_change_not_committed_is_dated_as_of(history: GitRepo) -> None:
    path = history.root / "assessment.yaml"
    path.write_text(
        path.read_text("utf-8").replace("path: specs/teen.md", "path: specs/teen-v2.md"), "utf-8"
    )
    changes = _changes(history, dt.date(2026, 1, 1))
    assert changes is not None
    assert changes.last["GROOM-01"] == AnswerChange(AS_OF, None)


def test_review_fields_alone_are_not_a_change(history: GitRepo) -> None:
    four = history.commit("four", **{"assessment.yaml": FILE.replace("planned", "partial")})
    assert _changes(history, dt.date(2026, 4, 1)) == AnswerChanges(
        dt.date(2026, 4, 1),
        {"BLOCK-01": AnswerChange(dt.date(2026, 4, 13), four[:12])},
    )


def test_outside_git_nothing_is_known(tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(FILE, encoding="utf-8")
    assert answer_changes(load_assessment(tmp_path / "a.yaml"), dt.date(2026, 1, 1), AS_OF) is None


def test_a_file_never_committed_has_no_history(git_repo: GitRepo) -> None:
    git_repo.commit("profile only", **{"profile.yaml": PROFILE})
    (git_repo.root / "assessment.yaml").write_text(FILE, encoding="utf-8")
    assert _changes(git_repo, dt.date(2026, 1, 1)) is None
