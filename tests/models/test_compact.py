"""Models given the same fields share one field-set record, and nothing else changes."""

from __future__ import annotations

import copy

import pytest

from csea import load_catalog
from csea.catalog.cache import NO_CACHE_VARIABLE
from csea.models import Catalog, Citation
from csea.models.compact import FieldSets, share_field_sets


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The shipped catalogue read from its files (the cache, which also shares, is off)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(NO_CACHE_VARIABLE, "1")
        return load_catalog()


def _citations(catalog: Catalog) -> list[Citation]:
    return [c for ob in catalog.obligations for c in ob.citations]


def test_a_loaded_catalogue_shares_its_field_set_records(catalog: Catalog) -> None:
    citations = _citations(catalog)
    records = {id(c.model_fields_set) for c in citations}
    kinds = {frozenset(c.model_fields_set) for c in citations}
    assert len(records) == len(kinds) < len(citations) / 10


def test_sharing_keeps_every_value_and_every_record_s_content() -> None:
    fresh = load_catalog().model_copy(deep=True)
    before = [(c.model_dump(), set(c.model_fields_set)) for c in _citations(fresh)]
    share_field_sets(fresh)
    after = [(c.model_dump(), set(c.model_fields_set)) for c in _citations(fresh)]
    assert after == before


def test_a_copy_with_changes_gets_its_own_record(catalog: Catalog) -> None:
    first, second = _citations(catalog)[:2]
    shared = first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"note": "changed"})
    assert "note" in changed.model_fields_set
    assert changed.model_fields_set is not first.model_fields_set
    assert (first.model_fields_set is second.model_fields_set) == shared


def test_records_are_shared_across_calls_of_one_field_sets() -> None:
    one, two = (copy.deepcopy(_citations(load_catalog())[0]) for _ in range(2))
    sets = FieldSets()
    sets.share(one)
    sets.share(two)
    assert one.model_fields_set is two.model_fields_set
