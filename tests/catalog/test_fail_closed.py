"""Applicability fails closed: taking facts out of a profile never makes fewer obligations apply.

The property the design rests on: a fact the profile does not declare is unknown, and an
obligation that turns on an unknown fact is assumed to apply. So removing any optional fact
from a shipped example (a kind, a feature, a designation, a country's user count, a risk level,
the enterprise size, children-likely, multi-risk, worldwide users, or a list's "all others")
never shrinks the set of applicable obligations, and never weakens the force of one.

Removing a value listed as present from a list closed with ``all others`` would turn it into
"absent", which is a different fact, not a missing one; so removing it removes the closure
too (the closure is a statement about every value not listed). The same holds for a country
under ``users`` when ``not_offered_in`` is ``all others``. ``established_in`` is required and
no condition reads it, so it is left as it is.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from csea import Catalog, ServiceProfile, load_catalog
from csea.catalog.applicability import applicable_obligations

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*/profile.yaml"))
DAY = dt.date(2026, 12, 1)
LISTS = ("kinds", "features", "designations")
SCALARS = (
    "children_likely",
    "enterprise_size",
    "multi_risk",
    "users_worldwide",
    "minimum_age",
    "description",
)


@dataclass(frozen=True)
class Removal:
    """One optional fact to take out: ``(field, value)``; value "" for a whole scalar field."""

    field: str
    value: str = ""


def removals(data: dict[str, Any]) -> list[Removal]:
    """Every optional fact the profile declares."""
    found = [Removal(name) for name in SCALARS if name in data]
    found += [Removal("risk", harm) for harm in data.get("risk", {})]
    found += [Removal("users", code) for code in data["users"]]
    if "not_offered_in" in data:
        found.append(Removal("not_offered_in"))
    for name in LISTS:
        value = data.get(name, [])
        present = value if isinstance(value, list) else value.get("present", [])
        found += [Removal(name, item) for item in present]
        absent = [] if isinstance(value, list) else value.get("absent", [])
        if isinstance(absent, str):
            found.append(Removal(f"{name}.absent"))
        else:
            found += [Removal(f"{name}.absent", item) for item in absent]
    return found


def without(data: dict[str, Any], chosen: list[Removal]) -> dict[str, Any]:
    """The profile with the chosen facts removed (closures go with a removed present value)."""
    out = copy.deepcopy(data)
    for removal in chosen:
        _remove(out, removal)
    if len(out["users"]) == 0:  # the model needs one country: keep the first, unknown elsewhere
        first = next(iter(data["users"]))
        out["users"] = {first: data["users"][first]}
    return out


def _remove(out: dict[str, Any], removal: Removal) -> None:
    name, value = removal.field, removal.value
    if name in SCALARS or name == "not_offered_in":
        out.pop(name, None)
    elif name == "risk":
        out["risk"].pop(value, None)
    elif name == "users":
        out["users"].pop(value, None)
        if out.get("not_offered_in") == "all others":
            out.pop("not_offered_in")
    elif name.endswith(".absent"):
        _remove_absent(out, name.removesuffix(".absent"), value)
    else:
        _remove_present(out, name, value)


def _remove_present(out: dict[str, Any], name: str, value: str) -> None:
    listed = out.get(name, [])
    if isinstance(listed, list):
        out[name] = [v for v in listed if v != value]
        return
    listed["present"] = [v for v in listed.get("present", []) if v != value]
    if listed.get("absent") == "all others":
        listed["absent"] = []


def _remove_absent(out: dict[str, Any], name: str, value: str) -> None:
    listed = out.get(name, [])
    if isinstance(listed, list):
        return
    if not value:
        listed["absent"] = []
    elif isinstance(listed.get("absent"), list):
        listed["absent"] = [v for v in listed["absent"] if v != value]


def applying(catalog: Catalog, data: dict[str, Any]) -> dict[str, int]:
    """Applicable obligation id -> the rank of its force (0 strongest); assumed ones count."""
    profile = ServiceProfile.model_validate(data)
    return {
        v.obligation_id: v.force.rank if v.force else 99
        for v in applicable_obligations(catalog, profile, DAY)
        if v.applies
    }


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_the_examples_are_there() -> None:
    assert [p.parent.name for p in EXAMPLES] == ["hush", "loco-lines", "vidora"]


def _never_fewer(catalog: Catalog, data: dict[str, Any], chosen: list[Removal]) -> None:
    full, reduced = applying(catalog, data), applying(catalog, without(data, chosen))
    lost = sorted(set(full) - set(reduced))
    weaker = sorted(i for i in full if i in reduced and reduced[i] > full[i])
    assert (lost, weaker) == ([], []), f"removed {chosen}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_every_optional_fact_removed_applies_at_least_as_much(catalog: Catalog, path: Path) -> None:
    data = _load(path)
    _never_fewer(catalog, data, removals(data))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_removing_any_optional_facts_never_reduces_what_applies(
    catalog: Catalog, path: Path, data: st.DataObject
) -> None:
    profile = _load(path)
    every = removals(profile)
    chosen = data.draw(st.lists(st.sampled_from(every), unique=True, max_size=6))
    _never_fewer(catalog, profile, chosen)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_each_fact_removed_alone_never_reduces_what_applies(catalog: Catalog, path: Path) -> None:
    data = _load(path)
    for removal in removals(data):
        _never_fewer(catalog, data, [removal])
