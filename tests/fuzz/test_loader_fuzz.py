"""The loaders on mutated files: a model or a csea error whose every problem says where.

Each example starts from a valid profile, assessment or obligation and replaces, removes or
adds fields with arbitrary values (wrong types, nested lists, unknown keys, huge numbers).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from csea.assessment.load import load_assessment, load_profile
from csea.catalog.loader import load_catalog
from csea.errors import CatalogError, InputError, Problem
from csea.models import Catalog, ServiceProfile
from tests.conftest import BLOCK_01, CATALOG_YAML, GROOM_01, SOURCES_YAML
from tests.fuzz.strategies import FUZZ, plain_values
from tests.hostile.conftest import ASSESSMENT, PROFILE

Edit = tuple[str, str, Any]


def _edits(fields: list[str]) -> st.SearchStrategy[list[Edit]]:
    field = st.sampled_from([*fields, "unknown_field", "Status", "id "])
    edit = st.tuples(st.sampled_from(["set", "delete"]), field, plain_values)
    return st.lists(edit, min_size=1, max_size=4)


def _apply(base: dict[str, Any], edits: list[Edit]) -> dict[str, Any]:
    data = dict(base)
    for action, field, value in edits:
        data.pop(field, None)
        data |= {field: value} if action == "set" else {}
    return data


def _assert_located(problems: list[Problem]) -> None:
    assert problems
    assert all(p.file and p.line is not None and p.line >= 1 for p in problems), problems


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    files = {
        "catalog/catalog.yaml": CATALOG_YAML,
        "catalog/sources.yaml": SOURCES_YAML,
        "catalog/block/BLOCK-01.yaml": BLOCK_01,
        "catalog/grooming/GROOM-01.yaml": GROOM_01,
        "profile.yaml": PROFILE,
        "assessment.yaml": ASSESSMENT,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


_PROFILE = yaml.safe_load(PROFILE)
_ASSESSMENT = yaml.safe_load(ASSESSMENT)
_BLOCK_01 = yaml.safe_load(BLOCK_01)


@FUZZ
@given(edits=_edits(list(_PROFILE)))
def test_mutated_profile(root: Path, edits: list[Edit]) -> None:
    path = root / "fuzzed-profile.yaml"
    path.write_text(yaml.safe_dump(_apply(_PROFILE, edits)), encoding="utf-8")
    try:
        assert isinstance(load_profile(path), ServiceProfile)
    except InputError as error:
        _assert_located(error.problems)


@FUZZ
@given(edits=_edits(list(_ASSESSMENT)), inline=st.booleans())
def test_mutated_assessment(root: Path, edits: list[Edit], inline: bool) -> None:
    base = _ASSESSMENT | ({"profile": _PROFILE} if inline else {})
    path = root / "fuzzed-assessment.yaml"
    path.write_text(yaml.safe_dump(_apply(base, edits)), encoding="utf-8")
    try:
        assert load_assessment(path).path == path
    except InputError as error:
        _assert_located(error.problems)


@FUZZ
@given(edits=_edits(list(_BLOCK_01)))
def test_mutated_obligation(root: Path, edits: list[Edit]) -> None:
    path = root / "catalog" / "block" / "BLOCK-01.yaml"
    path.write_text(yaml.safe_dump(_apply(_BLOCK_01, edits)), encoding="utf-8")
    try:
        assert isinstance(load_catalog(root / "catalog"), Catalog)
    except CatalogError as error:
        _assert_located([p for p in error.problems if p.file and p.file.endswith("BLOCK-01.yaml")])
