"""Reading what a report is made from: assessment files, a previous assessment, a timestamp.

[assess_files][csea.render.report.inputs.assess_files] loads and evaluates every
assessment (reporting the problems of all files at once) and keeps each file's answers,
which a report needs for evidence and notes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import NoReturn

from csea.assessment import LoadedAssessment, check_catalog_version, load_assessment
from csea.errors import InputError, Problem
from csea.evaluation import DEFAULT_MAX_EVIDENCE_AGE_DAYS, evaluate
from csea.models import Catalog
from csea.models.evaluation import Evaluation
from csea.render.report.build import AssessedService

__all__ = ["assess_files", "parse_generated_at"]


def assess_files(
    catalog: Catalog,
    paths: Sequence[str | os.PathLike[str]],
    *,
    as_of: dt.date,
    previous: str | os.PathLike[str] | None = None,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
) -> list[AssessedService]:
    """Load, check and evaluate assessment files for a report.

    Args:
        catalog: The catalogue.
        paths: Assessment files, one per service.
        as_of: The date to judge on.
        previous: An earlier assessment of the same service, to show what changed
            (only with a single assessment). It is judged on its own ``assessed_on`` date.
        max_evidence_age_days: Evidence collected longer ago than this is stale.

    Raises:
        InputError: A file is missing or invalid, was made against another catalogue
            version, or ``previous`` does not fit; every problem of every file is listed.
    """
    problems: list[Problem] = []
    loaded: list[LoadedAssessment] = []
    for path in paths:
        try:
            one = load_assessment(path)
            check_catalog_version(one, catalog)
            loaded.append(one)
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems, f"{len(problems)} problem(s) in the assessment files")
    before = _previous(catalog, loaded, previous, max_evidence_age_days, as_of)
    return [
        AssessedService(
            evaluate(
                catalog,
                one,
                as_of=as_of,
                max_evidence_age_days=max_evidence_age_days,
                previous=before,
            ),
            one.assessment.answers,
        )
        for one in loaded
    ]


def _previous(
    catalog: Catalog,
    loaded: list[LoadedAssessment],
    path: str | os.PathLike[str] | None,
    max_age: int,
    as_of: dt.date,
) -> Evaluation | None:
    if path is None:
        return None
    if len(loaded) != 1:
        _refuse("--previous compares one service with its earlier assessment; give one assessment")
    earlier = load_assessment(path)
    now = loaded[0].profile
    then = earlier.profile
    if (then.organisation, then.service) != (now.organisation, now.service):
        _refuse(
            f"{path} assesses {then.service} ({then.organisation}), not {now.service} "
            f"({now.organisation}); give an earlier assessment of the same service",
            str(path),
        )
    day = earlier.assessment.assessed_on or as_of
    return evaluate(catalog, earlier, as_of=day, max_evidence_age_days=max_age)


def _refuse(message: str, file: str | None = None) -> NoReturn:
    raise InputError([Problem(code="bad-previous", message=message, file=file)], message)


def parse_generated_at(value: str | None, now: dt.datetime | None = None) -> str | None:
    """The timestamp to print: an ISO 8601 date or date-time as given, or ``now`` in UTC.

    Raises:
        InputError: Neither ``now`` nor an ISO 8601 date or date-time.
    """
    if value is None:
        return None
    if value.strip().lower() == "now":
        moment = now or dt.datetime.now(dt.UTC)
        return moment.replace(microsecond=0).isoformat()
    text = value.strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        message = (
            f"--generated-at is '{value}'; expected 'now' or an ISO 8601 date or date-time "
            "such as 2026-11-20 or 2026-11-20T09:30:00+00:00"
        )
        raise InputError([Problem(code="bad-timestamp", message=message)], message) from None
