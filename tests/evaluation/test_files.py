"""Assessment files loaded, checked and evaluated once: every file's problems together, --previous."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from csea.errors import InputError
from csea.evaluation.files import assess_files
from csea.models import Catalog
from tests.report.conftest import AS_OF, FIXTURES


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
