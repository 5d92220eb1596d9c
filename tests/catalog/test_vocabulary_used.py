"""Every profile term decides something: a feature, kind, harm or designation that no
obligation or citation condition of the shipped catalogue reads would be a question with no
effect, so a term is added only with a condition that uses it (issue 12)."""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import Any

import pytest
import yaml

from csea.catalog.loader import default_catalog_dir
from csea.models.vocabulary import Designation, Feature, Harm, ServiceKind

# Kinds a profile could name before this rule, which no condition reads yet.
OLDER_UNUSED_KINDS = {"dating", "forum", "marketplace"}


def _read(value: Any, key: str) -> set[str]:
    """Every string under ``key`` anywhere in a parsed YAML document."""
    if isinstance(value, dict):
        found = {v for k, v in value.items() if k == key and isinstance(v, str)}
        return found.union(*(_read(v, key) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_read(v, key) for v in value))
    return set()


@functools.cache
def _documents() -> list[Any]:
    files = sorted(default_catalog_dir().rglob("*.yaml"))
    return [yaml.load(p.read_text("utf-8"), Loader=yaml.CSafeLoader) for p in files]


def _used(key: str) -> set[str]:
    return set().union(*(_read(document, key) for document in _documents()))


@pytest.mark.parametrize(
    ("key", "vocabulary", "unused_allowed"),
    [
        ("feature", Feature, set()),
        ("harm", Harm, set()),
        ("designation", Designation, set()),
        ("kind", ServiceKind, OLDER_UNUSED_KINDS),
    ],
    ids=["features", "harms", "designations", "kinds"],
)
def test_every_term_is_read_by_a_condition(
    key: str, vocabulary: type[StrEnum], unused_allowed: set[str]
) -> None:
    used = _used(key) | (_used("is_also") if key == "kind" else set())
    assert {v.value for v in vocabulary} - used == unused_allowed
