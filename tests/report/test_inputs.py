"""Reading a report's inputs: assessment files, --previous and --generated-at."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from csea.errors import InputError
from csea.models import Catalog
from csea.render.report.inputs import assess_files, parse_generated_at
from tests.report.conftest import AS_OF, FIXTURES


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2026-11-20", "2026-11-20"),
        ("2026-11-20T09:30:00+00:00", "2026-11-20T09:30:00+00:00"),
        (" 2026-11-20T09:30 ", "2026-11-20T09:30:00"),
        ("20261120", "2026-11-20"),
        ("now", "2026-11-20T09:30:05+00:00"),
        ("NOW", "2026-11-20T09:30:05+00:00"),
    ],
    ids=["none", "date", "datetime-tz", "datetime-naive", "basic-date", "now", "now-upper"],
)
def test_generated_at(value: str | None, expected: str | None) -> None:
    now = dt.datetime(2026, 11, 20, 9, 30, 5, 123456, tzinfo=dt.UTC)
    assert parse_generated_at(value, now=now) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-11-20 25:00"], ids=str)
def test_generated_at_refuses_other_text(value: str) -> None:
    with pytest.raises(InputError, match="expected 'now' or an ISO 8601 date"):
        parse_generated_at(value)


def test_previous_is_judged_on_its_own_date(catalog: Catalog) -> None:
    [service] = assess_files(
        catalog, [FIXTURES / "assessment.yaml"], as_of=AS_OF, previous=FIXTURES / "previous.yaml"
    )
    progress = service.evaluation.progress
    assert progress is not None
    assert (progress.previous_assessed_on, progress.previous_score) == (
        dt.date(2026, 5, 14),
        21.4,
    )


def test_previous_needs_exactly_one_assessment(catalog: Catalog) -> None:
    with pytest.raises(InputError, match="give one assessment"):
        assess_files(
            catalog,
            [FIXTURES / "assessment.yaml", FIXTURES / "previous.yaml"],
            as_of=AS_OF,
            previous=FIXTURES / "previous.yaml",
        )


def test_previous_of_another_service_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    profile = (FIXTURES / "profile.yaml").read_text(encoding="utf-8")
    (tmp_path / "profile.yaml").write_text(
        profile.replace("service: Pebble Video", "service: Other Video"), encoding="utf-8"
    )
    earlier = tmp_path / "previous.yaml"
    shutil.copy(FIXTURES / "previous.yaml", earlier)
    with pytest.raises(InputError, match=r"assesses Other Video .* not Pebble Video"):
        assess_files(catalog, [FIXTURES / "assessment.yaml"], as_of=AS_OF, previous=earlier)


def test_problems_of_every_file_are_reported_together(catalog: Catalog, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("catalog: [\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        assess_files(catalog, [tmp_path / "missing.yaml", broken], as_of=AS_OF)
    assert [p.file for p in raised.value.problems] == [
        str(tmp_path / "missing.yaml"),
        str(broken),
    ]
