"""Every loader (catalogue, profile, assessment) refuses every hostile file with a located problem.

The loaders never raise anything but ``InputError`` (``CatalogError`` for a catalogue), and
the first problem about the hostile file names it, its line and what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from csea.assessment.load import load_assessment, load_profile
from csea.catalog.loader import load_catalog
from csea.errors import CatalogError, InputError, Problem
from tests.hostile.cases import CASE_IDS, CASES, Case
from tests.hostile.conftest import Workspace


def _about(problems: list[Problem], name: str) -> tuple[str, int | None]:
    mine = [p for p in problems if p.file is not None and Path(p.file).name == name]
    return mine[0].code, mine[0].line


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_profile_loader(workspace: Workspace, case: Case) -> None:
    workspace.profile.write_bytes(case.content())
    with pytest.raises(InputError) as info:
        load_profile(workspace.profile)
    assert _about(info.value.problems, "profile.yaml") == (case.code, case.line)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_assessment_loader(workspace: Workspace, case: Case) -> None:
    workspace.assessment.write_bytes(case.content())
    with pytest.raises(InputError) as info:
        load_assessment(workspace.assessment)
    assert _about(info.value.problems, "assessment.yaml") == (case.code, case.line)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_assessment_with_a_hostile_profile(workspace: Workspace, case: Case) -> None:
    workspace.profile.write_bytes(case.content())
    with pytest.raises(InputError) as info:
        load_assessment(workspace.assessment)
    problems = info.value.problems
    assert (_about(problems, "assessment.yaml"), _about(problems, "profile.yaml")) == (
        ("profile-unusable", 3),
        (case.code, case.line),
    )


CATALOG_FILES: dict[str, Callable[[Path], Path]] = {
    "catalog-header": lambda root: root / "catalog.yaml",
    "sources": lambda root: root / "sources.yaml",
    "obligation": lambda root: root / "block" / "BLOCK-01.yaml",
}


@pytest.mark.parametrize("target", list(CATALOG_FILES), ids=list(CATALOG_FILES))
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_catalog_loader(workspace: Workspace, case: Case, target: str) -> None:
    path = CATALOG_FILES[target](workspace.catalog)
    path.write_bytes(case.content())
    with pytest.raises(CatalogError) as info:
        load_catalog(workspace.catalog)
    assert _about(info.value.problems, path.name) == (case.code, case.line)
