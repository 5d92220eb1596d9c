"""Evaluation of any valid assessment never crashes, and its roll-ups always add up.

Profiles, answers (any status, evidence of any age, due dates, indicator values, answers for
obligations the catalogue does not have), the as-of date and the evidence age limit are all
drawn at random; the catalogue is the extended mini catalogue of the evaluation tests.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csea.catalog.applicability import applicable_obligations
from csea.catalog.loader import load_catalog
from csea.evaluation.engine import evaluate
from csea.models import Assessment, Catalog, Feature, ServiceKind, ServiceProfile, Status
from csea.models.evaluation import Evaluation
from tests.evaluation.factories import catalog_dir
from tests.fuzz.strategies import FUZZ

_DATES = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))
_IDS = ["BLOCK-01", "BLOCK-02", "GROOM-01", "GROOM-02", "BLOCK-77", "LAW-01"]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = tmp_path_factory.mktemp("evaluation")

    def factory(**files: str | None) -> Path:
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(textwrap.dedent(text or ""), encoding="utf-8")
        return root

    from tests.conftest import BLOCK_01, GROOM_01  # the base files make_catalog would write

    factory(**{"block/BLOCK-01.yaml": BLOCK_01, "grooming/GROOM-01.yaml": GROOM_01})
    return load_catalog(catalog_dir(factory))


def _sorted(values: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.sets(values).map(lambda found: sorted(found, key=str))


profiles = st.builds(
    ServiceProfile,
    organisation=st.just("Example Ltd"),
    service=st.just("Pics"),
    kinds=_sorted(st.sampled_from(ServiceKind)).filter(bool),
    features=_sorted(st.sampled_from(Feature)),
    users=st.dictionaries(st.sampled_from(["GB", "US", "AU", "DE", "FR", "INT"]), st.integers(0, 10**9), min_size=1),
    established_in=_sorted(st.sampled_from(["GB", "US", "IE"])).filter(bool),
    children_likely=st.booleans(),
)  # fmt: skip

_evidence = st.fixed_dictionaries(
    {"title": st.just("Runbook"), "collected": _DATES},
    optional={"expires": _DATES, "sensitivity": st.sampled_from(["internal", "confidential"])},
).flatmap(
    lambda found: st.sampled_from(
        [
            found | {"url": "https://wiki.example.invalid/runbook"},
            found | {"path": "docs/runbook.md"},
        ]
    )
)
_indicator = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["reports-on-time", "hours-to-report", "not-in-catalogue"]),
        "value": st.floats(min_value=-1e6, max_value=1e6),
        "period": st.just("2026-Q3"),
    }
)
answers = st.fixed_dictionaries(
    {"status": st.sampled_from(Status)},
    optional={
        "owner": st.just("T&S"),
        "evidence": st.lists(_evidence, max_size=3),
        "due": _DATES,
        "accepted_by": st.just("Head of T&S"),
        "justification": st.sampled_from(["", "We have no uploads."]),
        "indicators": st.lists(_indicator, max_size=2),
    },
)
assessments = st.builds(
    lambda answered, profile: Assessment.model_validate(
        {"catalog": {"id": "mini", "version": "2026.11"}, "profile": profile, "answers": answered}
    ),
    st.dictionaries(st.sampled_from(_IDS), answers),
    profiles,
)


def _check_rollups(evaluation: Evaluation, applicable: int) -> None:
    total = evaluation.total
    assert sum(total.counts.values()) == len(evaluation.obligations) == applicable
    assert total.excluded + total.denominator == applicable
    assert sum(sum(p.counts.values()) for p in evaluation.pillars) == applicable
    assert sorted(i for p in evaluation.pillars for i in p.obligation_ids) == sorted(
        total.obligation_ids
    )
    assert all(set(s.obligation_ids) <= set(total.obligation_ids) for s in evaluation.sources)
    assert all(
        r.score is None or 0 <= r.score <= 100
        for r in [total, *evaluation.pillars, *evaluation.sources]
    )
    assert [g.rank for g in evaluation.gaps] == list(range(1, len(evaluation.gaps) + 1))


@FUZZ
@given(
    assessment=assessments,
    as_of=_DATES,
    max_age=st.integers(1, 2000),
    previous=st.none() | assessments,
)
def test_any_valid_assessment_evaluates_and_adds_up(
    catalog: Catalog,
    assessment: Assessment,
    as_of: dt.date,
    max_age: int,
    previous: Assessment | None,
) -> None:
    assert isinstance(assessment.profile, ServiceProfile)
    before = None if previous is None else evaluate(catalog, previous, as_of=as_of)
    evaluation = evaluate(
        catalog, assessment, as_of=as_of, max_evidence_age_days=max_age, previous=before
    )
    applicable = sum(v.applies for v in applicable_obligations(catalog, assessment.profile, as_of))
    _check_rollups(evaluation, applicable)
    assert (evaluation.progress is None) == (previous is None)
