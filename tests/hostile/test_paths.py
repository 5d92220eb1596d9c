"""Symbolic links and paths outside the working directory: the policy, as tests.

- A catalogue reads only files inside its directory. A file or pillar folder that is a
  symbolic link resolving outside it is refused (``outside-directory``), so a catalogue
  cannot pull in a file nobody reviewed with it. Links that stay inside are followed.
- Files the user names (on the command line, or the profile an assessment names) are the
  user's choice and may be anywhere, including outside the working directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csea.assessment.load import load_assessment
from csea.catalog.loader import load_catalog
from csea.errors import CatalogError
from tests.conftest import BLOCK_01
from tests.hostile.conftest import PROFILE, Csea, Workspace


def _codes(catalog: Path) -> list[tuple[str, str]]:
    with pytest.raises(CatalogError) as info:
        load_catalog(catalog)
    return [
        (p.code, Path(p.file or "").name)
        for p in info.value.problems
        if p.code == "outside-directory"
    ]


def test_an_obligation_linked_from_outside_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "BLOCK-01.yaml"
    outside.parent.mkdir()
    outside.write_text(BLOCK_01, encoding="utf-8")
    link = workspace.catalog / "block" / "BLOCK-01.yaml"
    link.unlink()
    link.symlink_to(outside)
    assert _codes(workspace.catalog) == [("outside-directory", "BLOCK-01.yaml")]


def test_a_pillar_folder_linked_from_outside_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    (workspace.catalog / "block").rename(outside)
    (workspace.catalog / "block").symlink_to(outside, target_is_directory=True)
    assert _codes(workspace.catalog) == [("outside-directory", "BLOCK-01.yaml")]


def test_links_inside_the_catalogue_are_followed(workspace: Workspace) -> None:
    shared = workspace.catalog / "_shared" / "BLOCK-01.yaml"
    shared.parent.mkdir()
    link = workspace.catalog / "block" / "BLOCK-01.yaml"
    link.rename(shared)
    link.symlink_to(Path("..") / "_shared" / "BLOCK-01.yaml")
    assert [o.id for o in load_catalog(workspace.catalog).obligations] == ["BLOCK-01", "GROOM-01"]


def test_a_profile_outside_the_working_directory_may_be_named(
    workspace: Workspace, tmp_path: Path
) -> None:
    profile = tmp_path / "profiles" / "pics.yaml"
    profile.parent.mkdir()
    profile.write_text(PROFILE, encoding="utf-8")
    text = workspace.assessment.read_text(encoding="utf-8").replace(
        "profile: profile.yaml", f"profile: {profile}"
    )
    workspace.assessment.write_text(text, encoding="utf-8")
    assert load_assessment(workspace.assessment).profile_path == profile


def test_files_outside_the_working_directory_work_from_the_command_line(
    workspace: Workspace, run_csea: Csea, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    result = run_csea(
        "check",
        workspace.assessment,
        "--catalog",
        workspace.catalog,
        "--format",
        "json",
        cwd=elsewhere,
    )
    assert (result.returncode, result.stderr) == (0, "")
