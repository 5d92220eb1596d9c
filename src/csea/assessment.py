"""Reading an assessment (``assessment.yaml``) together with its profile.

The profile is either inline or a path relative to the assessment file. The reader
keeps the parsed document so later steps (evaluation findings, ``init``) can point at
the line of each answer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from csea.errors import InputError, Problem
from csea.fileio import display_path
from csea.models import Assessment, Catalog, ServiceProfile
from csea.profile import load_profile
from csea.validation import validate_document
from csea.yamlio import YamlDocument, read_yaml

__all__ = ["LoadedAssessment", "check_catalog_version", "load_assessment", "with_profile"]


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
    """The profile file, when the profile is not inline."""

    def line_of(self, obligation_id: str) -> int | None:
        """The line of the answer for an obligation, or of ``answers`` when it has none."""
        return self.doc.locate(["answers", obligation_id])[0]


def load_assessment(path: str | os.PathLike[str]) -> LoadedAssessment:
    """Read and validate an assessment and the profile it names.

    Raises:
        InputError: The file or its profile is missing, unreadable or invalid; every
            problem is listed with file and line.
    """
    file = Path(path)
    doc = read_yaml(file, display=str(path))
    assessment, problems = validate_document(Assessment, doc, object_id="assessment")
    if assessment is None:
        raise InputError(problems, f"{path}: not a usable assessment")
    return with_profile(file, assessment, doc)


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
        line, column = doc.locate(["profile"])
        where = Problem(
            code="profile-unusable",
            message=f"the profile '{assessment.profile}' named here could not be used",
            file=doc.file,
            line=line,
            column=column,
            field="profile",
        )
        raise InputError(
            [where, *error.problems], f"{doc.file}: its profile is not usable"
        ) from None
    return LoadedAssessment(file, assessment, profile, doc, profile_path)


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
        code="catalog-version", message=message, file=str(loaded.path), line=line, column=column
    )
    raise InputError([problem], f"{loaded.path}: {message}")
