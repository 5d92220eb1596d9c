"""Sharing applicability work changes no answer.

For one profile, each distinct citation and condition of the catalogue is judged once and
the result shared by every obligation that has it; across a run, profiles that differ only
in their names share their verdicts ([Verdicts][csea.catalog.applicability.Verdicts]). These
tests hold the shared answers to the ones decided afresh, obligation by obligation, for the
example services and for every threshold boundary profile the catalogue generates (profiles
exactly at, just below and just above each threshold, where a mix-up between ``more_than``
and ``at_least`` would show).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from csea import load_catalog
from csea.assessment.load import load_profile
from csea.catalog.applicability import (
    Verdicts,
    _shape,
    applicability,
    applicable_obligations,
)
from csea.catalog.harms import obligation_harms
from csea.evaluation.engine import evaluate
from csea.models import Assessment, ServiceProfile
from csea.models.conditions import AllOf, AnyOf, Condition, NotCondition
from tests.catalog.boundaries import boundaries

CATALOG = load_catalog()
CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)
AS_OF = CATALOG.header.date
EXAMPLES = sorted(Path(__file__).parents[2].joinpath("examples").glob("*/profile.yaml"))
BOUNDARY_PROFILES = [
    ServiceProfile.model_validate(profile)
    for boundary in boundaries(CATALOG)
    for profile in boundary.profiles.values()
]


def _afresh(profile: ServiceProfile, as_of: dt.date = AS_OF) -> list[Any]:
    """Every obligation decided on its own, with nothing shared between obligations."""
    return [applicability(CATALOG, ob, profile, as_of) for ob in CATALOG.obligations]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("as_of", [dt.date(2024, 1, 1), AS_OF, dt.date(2027, 6, 1)])
def test_shared_work_gives_the_answers_decided_afresh_for_the_examples(
    path: Path, as_of: dt.date
) -> None:
    profile = load_profile(path)
    assert applicable_obligations(CATALOG, profile, as_of) == _afresh(profile, as_of)


def test_shared_work_gives_the_answers_decided_afresh_at_every_threshold() -> None:
    """Alone, and in one run over every profile (sharing bindings and verdicts between them)."""
    assert BOUNDARY_PROFILES
    verdicts = Verdicts(CATALOG, AS_OF)
    for profile in BOUNDARY_PROFILES:
        expected = _afresh(profile)
        assert applicable_obligations(CATALOG, profile, AS_OF) == expected
        assert verdicts.of(profile) == expected


def _conditions() -> list[Any]:
    found = [ob.applies_when for ob in CATALOG.obligations]
    found += [c.applies_when for ob in CATALOG.obligations for c in ob.citations]
    return [c for c in found if c is not None]


def _leaves(condition: Any) -> list[Any]:
    match condition:
        case AllOf(all=parts) | AnyOf(any=parts):
            return [leaf for part in parts for leaf in _leaves(part)]
        case NotCondition(not_=inner):
            return _leaves(inner)
    return [condition]


def test_equal_conditions_share_a_shape_and_different_ones_do_not() -> None:
    conditions = _conditions()
    by_shape: dict[Any, str] = {}
    for condition in conditions:
        text = condition.model_dump_json(by_alias=True)
        assert by_shape.setdefault(_shape(condition), text) == text
    assert len(by_shape) < len(conditions), "the shipped catalogue repeats conditions"
    assert {type(leaf).__name__ for c in conditions for leaf in _leaves(c)} >= {
        "HasFeature",
        "HasKind",
        "UsersAtLeast",
        "RiskAtLeast",
    }


def test_more_than_and_at_least_the_same_number_are_different_conditions() -> None:
    more, least = (
        AnyOf.model_validate({"any": [{"users": {"jurisdiction": "GB", word: 700_000}}]})
        for word in ("more_than", "at_least")
    )
    assert _shape(more) != _shape(least)
    assert _shape(more) == _shape(AnyOf.model_validate(more.model_dump(by_alias=True)))


def _renamed(profile: ServiceProfile, **changes: Any) -> ServiceProfile:
    return ServiceProfile.model_validate(profile.model_dump(by_alias=True) | changes)


def test_profiles_that_differ_only_in_their_names_share_their_verdicts() -> None:
    vidora = load_profile(EXAMPLES[-1])
    twin = _renamed(vidora, organisation="Another Org", service="Twin", description="Other.")
    verdicts = Verdicts(CATALOG, AS_OF)
    first, second = verdicts.of(vidora), verdicts.of(twin)
    assert first == second == _afresh(vidora)
    assert all(a is b for a, b in zip(first, second, strict=True)), "decided once"
    assert first is not second, "each caller gets its own list"


def test_any_other_difference_is_decided_on_its_own() -> None:
    vidora = load_profile(EXAMPLES[-1])
    fewer = _renamed(vidora, users=dict.fromkeys(vidora.users, 0))
    verdicts = Verdicts(CATALOG, AS_OF)
    assert verdicts.of(vidora) == _afresh(vidora)
    assert verdicts.of(fewer) == _afresh(fewer)
    assert verdicts.of(fewer) != verdicts.of(vidora)


def test_shared_verdicts_must_be_for_the_catalogue_and_date_evaluated() -> None:
    profile = load_profile(EXAMPLES[-1])
    assessment = Assessment.model_validate(
        {
            "catalog": {"id": CATALOG.header.id, "version": CATALOG.version},
            "profile": "profile.yaml",
            "assessed_by": "Trust and Safety",
            "assessed_on": AS_OF.isoformat(),
            "answers": {},
        }
    )
    other_day = Verdicts(CATALOG, AS_OF + dt.timedelta(days=1))
    with pytest.raises(
        ValueError, match=r"^the shared verdicts are for another catalogue or date$"
    ):
        evaluate(CATALOG, assessment, profile, as_of=AS_OF, verdicts=other_day)
    shared = evaluate(CATALOG, assessment, profile, as_of=AS_OF, verdicts=Verdicts(CATALOG, AS_OF))
    alone = evaluate(CATALOG, assessment, profile, as_of=AS_OF)
    assert shared == alone


def test_the_harms_of_each_obligation_are_the_catalogue_s() -> None:
    verdicts = Verdicts(CATALOG, AS_OF)
    for obligation in CATALOG.obligations:
        expected = obligation_harms(CATALOG, obligation)
        assert verdicts.harms(obligation) == expected
        assert verdicts.harms(obligation) is verdicts.harms(obligation)


def test_all_any_and_not_of_the_same_parts_have_different_shapes() -> None:
    parts = [{"feature": "image_upload"}, {"feature": "live_streaming"}]
    made = [
        CONDITION.validate_python(data)
        for data in (
            {"all": parts},
            {"any": parts},
            {"not": {"all": parts}},
            {"not": {"any": parts}},
            {"not": {"feature": "image_upload"}},
        )
    ]
    assert len({_shape(c) for c in made}) == len(made)
    again = CONDITION.validate_python({"not": {"any": parts}})
    assert _shape(again) == _shape(made[3])


@pytest.mark.parametrize("as_of", [dt.date(2024, 1, 1), AS_OF, dt.date(2027, 6, 1)])
def test_one_run_over_the_examples_gives_each_the_answers_decided_afresh(as_of: dt.date) -> None:
    verdicts = Verdicts(CATALOG, as_of)
    for path in EXAMPLES:
        profile = load_profile(path)
        assert verdicts.of(profile) == _afresh(profile, as_of)


def _features_read(obligation: Any) -> set[str]:
    conditions = [obligation.applies_when, *(c.applies_when for c in obligation.citations)]
    return {
        leaf.feature.value
        for condition in conditions
        if condition is not None
        for leaf in _leaves(condition)
        if hasattr(leaf, "feature")
    }


def test_profiles_share_the_verdicts_that_do_not_turn_on_where_they_differ() -> None:
    base = load_profile(EXAMPLES[-1]).model_dump(by_alias=True)
    closed = {"present": [], "absent": "all others"}
    without = ServiceProfile.model_validate(base | {"features": closed})
    verdicts = Verdicts(CATALOG, AS_OF)
    first = verdicts.of(without)
    assert first == _afresh(without)
    deciding = 0
    for feature in sorted({f for ob in CATALOG.obligations for f in _features_read(ob)}):
        with_it = ServiceProfile.model_validate(
            base | {"features": {**closed, "present": [feature]}}
        )
        second = verdicts.of(with_it)
        assert second == _afresh(with_it)
        for obligation, a, b in zip(CATALOG.obligations, first, second, strict=True):
            if feature not in _features_read(obligation):
                assert a is b, f"{obligation.id} does not read {feature}: worked out once"
            elif a != b:
                deciding += 1
                assert a is not b
    assert deciding, "some feature changes some verdict"
