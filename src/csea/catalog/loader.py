"""Loading a catalogue directory: read every file, validate it, run the cross-file checks.

```
obligations/
  catalog.yaml          header: id, title, version, pillars, change log
  sources.yaml          sources and their provisions (or a sources/ folder of such files)
  uncited.yaml          optional: provisions deliberately not cited, with reasons
  review-cycles.yaml    optional: how often sources ask for an assessment to be reviewed
  kinds.yaml            optional: kinds of service the law makes sub-kinds of others, cited
  regulators.yaml       optional: the regulators (issuers) readers know, and their sources
  <pillar id>/*.yaml    one obligation per file, named for its id (block/BLOCK-01.yaml)
```
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from csea.catalog.cache import Checked, active_cache
from csea.catalog.cycles import CYCLES_FILE
from csea.catalog.files import CatalogFiles, Loaded
from csea.codes import ProblemCode
from csea.errors import CatalogError, InputError, Problem, Severity
from csea.fileio import display_path
from csea.models import (
    Catalog,
    CatalogHeader,
    KindsFile,
    Obligation,
    RegulatorsFile,
    ReviewCyclesFile,
    Source,
    SourcesFile,
    UncitedFile,
)
from csea.yamlio.reader import DEFAULT_LIMITS, Limits, YamlDocument, read_yaml
from csea.yamlio.validation import validate_document, validate_value

__all__ = ["default_catalog_dir", "load_catalog", "validate_catalog"]

M = TypeVar("M", bound=BaseModel)
_YAML_SUFFIXES = (".yaml", ".yml")
_ROOT_FILES = {
    "catalog.yaml",
    "sources.yaml",
    "uncited.yaml",
    "kinds.yaml",
    "regulators.yaml",
    CYCLES_FILE,
}


def default_catalog_dir() -> Path:
    """The catalogue that ships inside the package."""
    return Path(str(resources.files("csea") / "obligations"))


def load_catalog(
    path: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> Catalog:
    """Load, validate and check a catalogue directory.

    Args:
        path: The catalogue directory; the shipped catalogue when ``None``.
        limits: Bounds on each file's size and alias expansion.

    Raises:
        CatalogError: With every problem found, each with file, line and id.
    """
    root = _root(path)
    checked = _checked(root, limits)
    if checked.catalog is None:
        errors = [p for p in checked.problems if p.severity is Severity.ERROR]
        raise CatalogError(
            checked.problems, f"{display_path(root)}: the catalogue has {len(errors)} error(s)"
        )
    return checked.catalog


def validate_catalog(
    path: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """Every problem in a catalogue directory (errors and warnings), in file order."""
    return _checked(_root(path), limits).problems


def _root(path: str | os.PathLike[str] | None) -> Path:
    return Path(path) if path is not None else default_catalog_dir()


def _checked(root: Path, limits: Limits) -> Checked:
    """Read, validate and check the catalogue at ``root``, or take it from the cache.

    Raises:
        CatalogError: The directory does not exist.
    """
    cache = active_cache()
    key, found = cache.load(root, limits) if cache and root.is_dir() else (None, None)
    if found is not None:
        return found
    files = read_catalog_files(root, limits=limits)
    problems = _all_problems(files)
    errors = any(p.severity is Severity.ERROR for p in problems)
    checked = Checked(problems, None if errors else files.to_catalog())
    if cache is not None and key is not None and not errors:
        cache.store(key, root, limits, checked)
    return checked


def _all_problems(files: CatalogFiles) -> list[Problem]:
    # Imported here: only a catalogue read from its files is checked (a cache hit skips it).
    from csea.catalog import (  # noqa: PLC0415
        cycle_checks,  # noqa: F401  (registers the review-cycles.yaml checks)
        kind_checks,  # noqa: F401  (registers the kinds.yaml checks)
        regulator_checks,  # noqa: F401  (registers its checks in CHECKS)
    )
    from csea.catalog.checks import CHECKS  # noqa: PLC0415

    problems = [*files.problems, *CHECKS.run(files)]
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0, p.code))


def read_catalog_files(
    path: str | os.PathLike[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> CatalogFiles:
    """Read and validate each file of a catalogue directory on its own (no cross-file checks).

    Raises:
        CatalogError: The directory does not exist.
    """
    root = _root(path)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a directory"
        problem = Problem(
            code=ProblemCode.CATALOG_NOT_FOUND,
            message=f"catalogue directory {what}",
            file=str(root),
        )
        raise CatalogError([problem], f"{root}: catalogue directory {what}")
    files = CatalogFiles(root=root)
    files.header = _read(files, root / "catalog.yaml", CatalogHeader, limits)
    _read_sources(files, limits)
    if (root / "uncited.yaml").exists():
        files.uncited = _read(files, root / "uncited.yaml", UncitedFile, limits)
    if (root / CYCLES_FILE).exists():
        files.cycles = _read(files, root / CYCLES_FILE, ReviewCyclesFile, limits)
    if (root / "kinds.yaml").exists():
        files.kinds = _read(files, root / "kinds.yaml", KindsFile, limits)
    if (root / "regulators.yaml").exists():
        files.regulators = _read(files, root / "regulators.yaml", RegulatorsFile, limits)
    _read_obligations(files, limits)
    return files


def _read(
    files: CatalogFiles, path: Path, model: type[M], limits: Limits, folder: str = ""
) -> Loaded[M] | None:
    try:
        doc = _read_doc(files, path, limits)
    except InputError as exc:
        files.problems.extend(exc.problems)
        return None
    value, problems = validate_document(model, doc)
    files.problems.extend(problems)
    if value is None:
        _remember_invalid(files, doc.data)
        return None
    doc.release()
    files.field_sets.share(value)
    return Loaded(value, doc, folder)


def _read_doc(files: CatalogFiles, path: Path, limits: Limits) -> YamlDocument:
    """One file of the catalogue; its positions are found only if a problem needs them."""
    display = display_path(path, resolved=files.within.resolve(path), cwd=files.cwd)
    return read_yaml(path, display=display, limits=limits, within=files.within, lazy_positions=True)


def _read_sources(files: CatalogFiles, limits: Limits) -> None:
    folder = files.root / "sources"
    paths = (
        sorted(p for p in folder.iterdir() if p.suffix in _YAML_SUFFIXES) if folder.is_dir() else []
    )
    if not folder.is_dir() or (files.root / "sources.yaml").exists():
        paths.insert(0, files.root / "sources.yaml")
    for path in paths:
        try:
            doc = _read_doc(files, path, limits)
        except InputError as exc:
            files.problems.extend(exc.problems)
            continue
        items = doc.value_at(("sources",)) if isinstance(doc.data, dict) else None
        if not isinstance(items, list) or set(doc.data) != {"sources"}:
            _, problems = validate_document(SourcesFile, doc)
            files.problems.extend(problems)
            continue
        for index in range(len(items)):
            source, problems = validate_value(Source, doc, ("sources", index))
            files.problems.extend(problems)
            if source is None:
                _remember_invalid(files, items[index])
            else:
                files.field_sets.share(source)
                files.sources.append(Loaded(source, doc, index=index))
        doc.release()


def _read_obligations(files: CatalogFiles, limits: Limits) -> None:
    for entry in sorted(files.root.iterdir()):
        if entry.name.startswith((".", "_")) or entry.name in ("sources",):
            continue
        if entry.is_dir():
            for path in sorted(p for p in entry.rglob("*") if p.suffix in _YAML_SUFFIXES):
                files.folders_with_files.add(entry.name)
                loaded = _read(files, path, Obligation, limits, folder=entry.name)
                if loaded is not None:
                    files.obligations.append(loaded)
        elif entry.suffix in _YAML_SUFFIXES and entry.name not in _ROOT_FILES:
            files.problems.append(
                Problem(
                    code=ProblemCode.UNEXPECTED_FILE,
                    message="ignored: obligations belong in a folder named for their pillar",
                    file=display_path(entry),
                    severity=ProblemCode.UNEXPECTED_FILE.severity,
                )
            )


def _remember_invalid(files: CatalogFiles, data: object) -> None:
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        files.invalid_ids.add(data["id"])
