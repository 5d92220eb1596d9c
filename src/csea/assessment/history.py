"""Earlier versions of an assessment, read from git with the profile they named then.

An assessment lives in git, so its history is git's: ``csea diff --since REF`` and
``csea report --previous REF`` read the earlier version themselves rather than asking for a
copy (a copy taken out of git with ``git show`` has no profile beside it).

```python
import csea

then = csea.load_assessment_at("assessment.yaml", "HEAD~2")     # a LoadedAssessment
for version in csea.assessment_history("assessment.yaml", limit=5):
    print(version.revision.commit[:12], version.revision.committed.date())
    loaded = version.load()                                     # read on demand
```

A version's ``profile:`` is resolved the same way as the current file's: a path relative to
the assessment file, read **from the same commit** (a profile inline in the file needs
nothing more). Findings and messages name a version as ``REF:path`` (``HEAD~2:assessment.yaml``),
which ``git show`` accepts as it is. Every failure is an
[InputError][csea.errors.InputError] naming the file and the revision: git missing, not a
repository, an unknown revision (a shallow clone is said so), the assessment or its profile
not in that commit, or a version that is not a valid assessment. How git is run (a fixed
environment, no network) is described in [csea.assessment.git][].
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from csea.assessment.git import (
    GitFile,
    Revision,
    commits_of,
    is_ancestor,
    locate_in_git,
    read_at,
    resolve_revision,
)
from csea.assessment.load import LoadedAssessment, load_assessment, profile_unusable
from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Assessment, ServiceProfile
from csea.yamlio.reader import DEFAULT_LIMITS, YamlDocument, parse_yaml_bytes
from csea.yamlio.validation import validate_document

__all__ = [
    "AssessmentVersion",
    "Revision",
    "assessment_history",
    "load_assessment_at",
    "load_previous",
]


@dataclass(frozen=True)
class AssessmentVersion:
    """One commit that changed an assessment file; ``load()`` reads it."""

    revision: Revision
    """The commit (its ``ref`` is the commit hash)."""
    path: str
    """The file's path from the repository's top in that commit (renames are followed)."""
    _file: GitFile

    def load(self) -> LoadedAssessment:
        """The assessment as it was in this commit, with the profile it named then.

        Raises:
            InputError: It (or its profile) is not a valid file of its kind in that commit.
        """
        return _load(replace(self._file, path=self.path), self.revision)

    def data(self) -> Any:
        """The file in this commit as plain data, not validated (cheaper than ``load``).

        Raises:
            InputError: It is not in the commit, too large, not UTF-8 or not valid YAML.
        """
        return _read(replace(self._file, path=self.path), self.revision, self.path).data


def load_assessment_at(path: str | os.PathLike[str], ref: str) -> LoadedAssessment:
    """Read the assessment at ``path`` as it was in git revision ``ref``, with its profile.

    Args:
        path: The assessment file in a git work tree (it need not exist there any more).
        ref: Any revision git understands: ``HEAD~2``, a branch, a tag, a commit hash.

    Returns:
        The earlier version; its ``name`` is ``REF:path`` and its ``revision`` the commit.

    Raises:
        InputError: git is missing, the file is not in a repository, no commit is named
            ``ref``, the file or its profile is not in that commit, or either is invalid.
    """
    file = locate_in_git(path)
    revision = resolve_revision(file, ref)
    return _load(replace(file, path=_path_then(file, revision)), revision)


def assessment_history(
    path: str | os.PathLike[str], *, limit: int | None = None, ref: str = "HEAD"
) -> list[AssessmentVersion]:
    """The commits up to ``ref`` that changed an assessment file, newest first.

    Nothing is read until a version's ``load()`` is called, so a caller can skip a
    version that does not load (made against an older model, say) and carry on.

    Args:
        path: The assessment file in a git work tree.
        limit: At most this many versions (the newest); None for all.
        ref: Where history ends (default ``HEAD``; uncommitted changes are not a version).

    Raises:
        InputError: git is missing, the file is not in a repository, or ``ref`` is unknown.
        ValueError: ``limit`` is below 1.
    """
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    file = locate_in_git(path)
    return [
        AssessmentVersion(revision, at_path, file)
        for revision, at_path in commits_of(file, ref, limit)
    ]


def load_previous(
    spec: str | os.PathLike[str], current: str | os.PathLike[str]
) -> LoadedAssessment:
    """An earlier version of the assessment at ``current``: a file, or a git revision of it.

    ``spec`` is a file when it exists or ends in ``.yaml`` or ``.yml`` (a missing one is
    reported as missing); anything else is a revision of ``current`` (``HEAD~1``,
    ``main``, a tag).

    Raises:
        InputError: ``spec`` is neither a file nor a revision of ``current``, or what it
            names is not a usable assessment.
    """
    if Path(spec).exists() or Path(spec).suffix in (".yaml", ".yml"):
        return load_assessment(spec)
    try:
        return load_assessment_at(current, str(spec))
    except InputError as error:
        if not {p.code for p in error.problems} & _NOT_A_REVISION:
            raise
        message = (
            f"'{spec}' is neither an assessment file nor a git revision of {current} "
            f"(git: {error.problems[0].message})"
        )
        problem = Problem(code=ProblemCode.BAD_PREVIOUS, message=message, file=str(current))
        raise InputError([problem], message) from None


_NOT_A_REVISION = {ProblemCode.UNKNOWN_REVISION, ProblemCode.NOT_A_REPOSITORY}


def _path_then(file: GitFile, revision: Revision) -> str:
    """The file's path in ``revision``: its path now, or the name it had then if renamed since."""
    for commit, path in commits_of(file, "HEAD", None):
        if is_ancestor(file, commit.commit, revision.commit):
            return path
    return file.path


def _load(file: GitFile, revision: Revision) -> LoadedAssessment:
    doc = _read(file, revision, file.path)
    assessment, problems = validate_document(Assessment, doc, object_id="assessment")
    if assessment is None:
        raise InputError(problems, f"{doc.file}: not a usable assessment")
    profile = assessment.profile
    if not isinstance(profile, ServiceProfile):
        profile = _profile_at(file, revision, doc, profile)
    return LoadedAssessment(Path(file.name), assessment, profile, doc, revision=revision)


def _profile_at(file: GitFile, revision: Revision, doc: YamlDocument, named: str) -> ServiceProfile:
    """The profile ``named`` (relative to the assessment) as it was in the same commit."""
    try:
        path = _profile_path(file, named)
        profile_doc = _read(file, revision, path)
        profile, problems = validate_document(ServiceProfile, profile_doc, object_id="profile")
        if profile is None:
            raise InputError(problems, f"{profile_doc.file}: not a usable service profile")
    except InputError as error:
        raise profile_unusable(doc, named, error, f" in commit {revision.commit[:12]}") from None
    return profile


def _profile_path(file: GitFile, named: str) -> str:
    """The repository path of the profile an assessment names (relative to its folder)."""
    found: str | None = None
    if not Path(named).is_absolute():
        found = file.sibling(Path(named).as_posix())
    elif Path(named).resolve().is_relative_to(file.root.resolve()):
        found = Path(named).resolve().relative_to(file.root.resolve()).as_posix()
    if found is None:
        message = f"names a profile outside the repository at {file.root} ({named})"
        problem = Problem(code=ProblemCode.NOT_IN_REVISION, message=message, file=file.name)
        raise InputError([problem], f"{file.name}: {message}")
    return found


def _read(file: GitFile, revision: Revision, path: str) -> YamlDocument:
    raw = read_at(file, revision, path, DEFAULT_LIMITS.max_bytes)
    return parse_yaml_bytes(raw, f"{revision.ref}:{path}")
