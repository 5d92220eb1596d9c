"""Reading the files a team writes: a service profile, and an assessment with its profile.

The profile of an assessment is either inline or a path relative to the assessment file.
The reader keeps the parsed document so later steps (evaluation findings, ``init``) can
point at the line of each answer.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.fileio import display_path
from csea.models import Assessment, Catalog, ServiceProfile
from csea.yamlio.reader import YamlDocument, read_yaml
from csea.yamlio.validation import validate_document

if TYPE_CHECKING:
    from csea.assessment.git import Revision

__all__ = [
    "LoadedAssessment",
    "check_catalog_version",
    "load_assessment",
    "load_assessments",
    "load_profile",
    "profile_unusable",
    "with_profile",
]


def load_profile(path: str | os.PathLike[str]) -> ServiceProfile:
    """Read and validate a service profile.

    Raises:
        InputError: The file is missing or unreadable, or breaks the profile model; every
            problem is listed with its line (an unknown feature lists the accepted values).
    """
    doc = read_yaml(Path(path), display=str(path))
    profile, problems = validate_document(ServiceProfile, doc, object_id="profile")
    if profile is None:
        raise InputError(problems, f"{path}: not a usable service profile")
    return profile


@dataclass(frozen=True)
class LoadedAssessment:
    """An assessment, its resolved profile, and where each part is in the file."""

    path: Path
    """The assessment file."""
    assessment: Assessment
    """The answers."""
    profile: ServiceProfile
    """The profile (inline, or read from the path the assessment names)."""
    doc: YamlDocument
    """The parsed file, for line numbers."""
    profile_path: Path | None = None
    """The profile file, when the profile is not inline (and was read from disk)."""
    revision: Revision | None = None
    """The git commit it was read from, for an earlier version; None for a file on disk."""

    @property
    def name(self) -> str:
        """How messages and findings name it: the path as given, or ``REF:path`` from git."""
        return self.doc.file


def load_assessment(path: str | os.PathLike[str]) -> LoadedAssessment:
    """Read and validate an assessment and the profile it names.

    Raises:
        InputError: The file or its profile is missing, unreadable or invalid; every
            problem is listed with file and line.
    """
    file = Path(path)
    doc = read_yaml(file, display=str(file))
    assessment, problems = validate_document(Assessment, doc, object_id="assessment")
    if assessment is None:
        raise InputError(problems, f"{path}: not a usable assessment")
    return with_profile(file, assessment, doc)


def load_assessments(
    paths: Sequence[str | os.PathLike[str]],
    catalog: Catalog | None = None,
    *,
    summary: str | None = None,
) -> list[LoadedAssessment]:
    """Read several assessments, each with its profile, reporting every file's problems together.

    Args:
        paths: The assessment files.
        catalog: When given, also refuse an assessment made against another catalogue or
            version of it (see [check_catalog_version][csea.assessment.load.check_catalog_version]).
        summary: The error's summary line (default: how many problems were found).

    Raises:
        InputError: A file or its profile is missing, unreadable or invalid (or made against
            another catalogue version); the problems of every file are listed together.
    """
    problems: list[Problem] = []
    loaded: list[LoadedAssessment] = []
    for path in paths:
        try:
            one = load_assessment(path)
            if catalog is not None:
                check_catalog_version(one, catalog)
            loaded.append(one)
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems, summary or f"{len(problems)} problem(s) in the assessment files")
    return loaded


def with_profile(file: Path, assessment: Assessment, doc: YamlDocument) -> LoadedAssessment:
    """An assessment already read from ``file`` (as ``doc``), with the profile it names.

    Raises:
        InputError: The profile it names is missing, unreadable or invalid; the first
            problem points at the assessment's ``profile`` line.
    """
    if isinstance(assessment.profile, ServiceProfile):
        return LoadedAssessment(file, assessment, assessment.profile, doc)
    profile_path = (file.parent / assessment.profile).resolve()
    try:
        profile = load_profile(display_path(profile_path))
    except InputError as error:
        hint = _missing_hint(profile_path, error)
        raise profile_unusable(doc, assessment.profile, error, hint) from None
    return LoadedAssessment(file, assessment, profile, doc, profile_path)


def profile_unusable(
    doc: YamlDocument, named: str, error: InputError, hint: str = ""
) -> InputError:
    """The error for an assessment whose profile cannot be used: its ``profile`` line first."""
    line, column = doc.locate(["profile"])
    where = Problem(
        code=ProblemCode.PROFILE_UNUSABLE,
        message=f"the profile '{named}' named here could not be used{hint}",
        file=doc.file,
        line=line,
        column=column,
        field="profile",
    )
    return InputError([where, *error.problems], f"{doc.file}: its profile is not usable")


def _missing_hint(profile_path: Path, error: InputError) -> str:
    """Say how a relative profile path is read, when the file it leads to is missing."""
    if not any(p.code == ProblemCode.FILE_NOT_FOUND for p in error.problems):
        return ""
    return (
        f" (read relative to this file, as {display_path(profile_path)}); for an earlier "
        "version kept in git, let csea read it and its profile from git: 'csea diff --since "
        "REF ASSESSMENT' or 'csea report --previous REF'"
    )


def check_catalog_version(loaded: LoadedAssessment, catalog: Catalog) -> None:
    """Refuse an assessment made against another catalogue or version.

    Raises:
        InputError: The catalogue id or version differs; the message says how to migrate.
    """
    ref = loaded.assessment.catalog
    if (ref.id, ref.version) == (catalog.header.id, catalog.version):
        return
    line, column = loaded.doc.locate(["catalog", "version"])
    message = (
        f"made against catalogue {ref.id} {ref.version}, but the catalogue in use is "
        f"{catalog.header.id} {catalog.version}; run 'csea migrate {loaded.path}' to carry the "
        "answers forward"
    )
    problem = Problem(
        code=ProblemCode.CATALOG_VERSION,
        message=message,
        file=loaded.name,
        line=line,
        column=column,
    )
    raise InputError([problem], f"{loaded.name}: {message}")
