"""Assessment files in, evaluated services out: the one way every command evaluates.

[assess_files][csea.evaluation.files.assess_files] loads every assessment with its
profile, refuses one made against another catalogue version (the problems of every file
are reported together), evaluates each once and rolls them up per organisation.
``csea check`` reads the portfolio, ``csea report`` builds its document from the same
services (their evaluations, the verdicts kept in them, and their answers), and the Python
API's [evaluate_files][csea.evaluation.files.evaluate_files] returns the portfolio.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, overload

from csea.assessment.load import LoadedAssessment, load_assessments
from csea.assessment.record import AnswerChanges, answer_changes
from csea.catalog.applicability import Verdicts
from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS, evaluate
from csea.evaluation.portfolio import evaluate_portfolio
from csea.evaluation.selection import FindingSelection
from csea.models import Answer, Catalog, Evaluation, Portfolio

__all__ = ["AssessedFiles", "AssessedService", "assess_files", "evaluate_files", "rolled_up"]


@dataclass(frozen=True)
class AssessedService:
    """One service's evaluation, with the answers it came from (for evidence and notes)."""

    evaluation: Evaluation
    """The evaluation (it also keeps the applicability verdicts it was computed from)."""
    answers: Mapping[str, Answer] = field(default_factory=dict)
    """The assessment's answers by obligation id."""
    source: LoadedAssessment | None = None
    """The assessment file it was read from (with its profile), when it was read from one."""
    history: Sequence[Evaluation] = ()
    """Evaluations of earlier assessments of the same service (``--previous``), oldest first."""


class AssessedFiles(Sequence[AssessedService]):
    """The services of a set of assessment files, evaluated, and their portfolio roll-up."""

    def __init__(self, services: Sequence[AssessedService], portfolio: Portfolio) -> None:
        self._services = list(services)
        self.portfolio = portfolio
        """The services rolled up per organisation."""

    @overload
    def __getitem__(self, index: int) -> AssessedService: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[AssessedService]: ...
    def __getitem__(self, index: int | slice) -> AssessedService | Sequence[AssessedService]:
        return self._services[index]

    def __len__(self) -> int:
        return len(self._services)

    def __iter__(self) -> Iterator[AssessedService]:
        return iter(self._services)

    def files(self) -> list[Path]:
        """Every file the services were read from: the assessments and their profiles."""
        sources = [s.source for s in self._services if s.source is not None]
        return [p for s in sources for p in (s.path, s.profile_path) if p is not None]


def assess_files(
    catalog: Catalog,
    paths: Sequence[str | os.PathLike[str]],
    *,
    as_of: dt.date,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    previous: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    history: int | None = None,
) -> AssessedFiles:
    """Load, check and evaluate assessment files (one per service), then roll them up.

    Args:
        catalog: The catalogue.
        paths: Assessment files, one per service.
        as_of: The date to judge on.
        max_evidence_age_days: Evidence collected longer ago than this is stale.
        previous: One or several earlier assessments of the same service (only with a
            single assessment), for the trend and for what changed since the latest of
            them: files, or git revisions of the assessment (``HEAD~1``, ``main``; see
            [load_previous][csea.assessment.history.load_previous]). Each is judged on its
            own ``assessed_on`` date, else its commit's date, else ``as_of``; they are put in
            that order, oldest first.
        history: Also the last ``history`` committed versions of the assessment file in
            git (only with a single assessment; a version the same as the file now is left
            out), for the trend.

    An assessment with reviews or an approval that is in a git work tree has its history
    read, to find answers changed after their review
    ([answer_changes][csea.assessment.record.answer_changes]).

    Raises:
        InputError: A file (or the profile it names) is missing or invalid, was made against
            another catalogue version, assesses a service another file already assesses,
            or ``previous`` or ``history`` does not fit (another service, several
            assessments, a file not in git); the problems of every file are reported together.
    """
    loaded = load_assessments(paths, catalog)
    earlier = _Earlier(_paths(previous), history or 0, max_evidence_age_days, as_of)
    before = _history(catalog, loaded, earlier)
    shared = Verdicts(catalog, as_of)
    services = [
        AssessedService(
            evaluate(
                catalog,
                one,
                as_of=as_of,
                max_evidence_age_days=max_evidence_age_days,
                previous=before[-1] if before else None,
                changes=_changes(one, as_of),
                verdicts=shared,
            ),
            one.assessment.answers,
            one,
            before,
        )
        for one in loaded
    ]
    return AssessedFiles(services, evaluate_portfolio(catalog, [s.evaluation for s in services]))


def evaluate_files(
    catalog: Catalog,
    paths: Sequence[str | os.PathLike[str]],
    *,
    as_of: dt.date,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    selection: FindingSelection | None = None,
) -> Portfolio:
    """Load, check and evaluate several assessment files, then roll them up.

    The portfolio of [assess_files][csea.evaluation.files.assess_files], with only the
    findings ``selection`` keeps (``csea check --only``, ``--code``; default: all).

    Raises:
        InputError: Any file (or the profile it names) is missing or invalid, was made
            against another catalogue version, or assesses a service another file
            already assesses; the problems of every file are reported together.
    """
    portfolio = assess_files(
        catalog, paths, as_of=as_of, max_evidence_age_days=max_evidence_age_days
    ).portfolio
    return (selection or FindingSelection()).apply(portfolio)


def rolled_up(catalog: Catalog, services: Sequence[AssessedService]) -> Portfolio:
    """The portfolio of evaluated services: the one already rolled up, or rolled up now.

    Raises:
        InputError: Two evaluations are of the same service.
        ValueError: No service was given, or they were judged on different dates.
    """
    if isinstance(services, AssessedFiles):
        return services.portfolio
    return evaluate_portfolio(catalog, [s.evaluation for s in services])


def _changes(loaded: LoadedAssessment, as_of: dt.date) -> AnswerChanges | None:
    """When its answers last changed, read from git only if it has reviews or an approval."""
    assessment = loaded.assessment
    days = [a.reviewed_on for a in assessment.answers.values() if a.reviewed_on is not None]
    days += [assessment.approval.approved_on] if assessment.approval is not None else []
    if not days or loaded.revision is not None:
        return None
    return answer_changes(loaded, min(days), as_of)


def _paths(
    previous: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None,
) -> list[str | os.PathLike[str]]:
    if previous is None:
        return []
    if isinstance(previous, str | os.PathLike):
        return [previous]
    return list(previous)


@dataclass(frozen=True)
class _Earlier:
    """Which earlier assessments to evaluate, and how."""

    paths: list[str | os.PathLike[str]]
    versions: int
    max_age: int
    as_of: dt.date


def _history(
    catalog: Catalog, loaded: list[LoadedAssessment], asked: _Earlier
) -> tuple[Evaluation, ...]:
    """The earlier assessments evaluated, oldest first."""
    if not asked.paths and not asked.versions:
        return ()
    if len(loaded) != 1:
        _refuse("--previous compares one service with its earlier assessments; give one assessment")
    # Imported here: only a comparison with earlier versions reads them (faster start otherwise).
    from csea.assessment.history import load_previous  # noqa: PLC0415

    current = loaded[0]
    earlier = [load_previous(p, current.path) for p in asked.paths]
    earlier += _committed(current, asked.versions)
    evaluations = [_earlier(catalog, current, one, asked.max_age, asked.as_of) for one in earlier]
    return tuple(sorted(evaluations, key=lambda e: e.as_of))


def _committed(current: LoadedAssessment, count: int) -> list[LoadedAssessment]:
    """The last ``count`` committed versions of the file but one the same as now, oldest first.

    Oldest first, so versions of one day keep their commit order in the trend.
    """
    if not count:
        return []
    from csea.assessment.history import assessment_history  # noqa: PLC0415 - as in _history

    versions = [v.load() for v in assessment_history(current.path, limit=count + 1)]
    now = (current.assessment, current.profile)
    same = next((i for i, v in enumerate(versions) if (v.assessment, v.profile) == now), None)
    return [v for i, v in enumerate(versions) if i != same][:count][::-1]


def _earlier(
    catalog: Catalog,
    current: LoadedAssessment,
    earlier: LoadedAssessment,
    max_age: int,
    as_of: dt.date,
) -> Evaluation:
    now = current.profile
    then = earlier.profile
    if (then.organisation, then.service) != (now.organisation, now.service):
        _refuse(
            f"{earlier.name} assesses {then.service} ({then.organisation}), not {now.service} "
            f"({now.organisation}); give an earlier assessment of the same service",
            earlier.name,
        )
    committed = earlier.revision.committed.date() if earlier.revision else None
    day = earlier.assessment.assessed_on or committed or as_of
    return evaluate(catalog, earlier, as_of=day, max_evidence_age_days=max_age)


def _refuse(message: str, file: str | None = None) -> NoReturn:
    raise InputError([Problem(code=ProblemCode.BAD_PREVIOUS, message=message, file=file)], message)
