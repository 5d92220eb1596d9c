"""Exporting an assessment end to end: evaluate it once, call the format, write what it gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePosixPath
from typing import cast

from csea.errors import WriteRefusedError
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.evaluation.files import assess_files
from csea.export.formats import Exported, ExportFormat, ExportSubject, OutputKind
from csea.export.registry import export_format
from csea.fileio import write_output
from csea.models import Catalog

__all__ = ["ExportResult", "export_assessment", "write_export"]


@dataclass(frozen=True)
class ExportResult:
    """What ``csea export`` wrote."""

    format: ExportFormat
    """The format used."""
    output: Path
    """The file or folder written."""
    note: str
    """One line on what it holds."""


def export_assessment(
    catalog: Catalog,
    assessment: Path,
    output: Path,
    *,
    fmt: str | None = None,
    as_of: dt.date,
    redact: bool = False,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    generated_at: str | None = None,
) -> ExportResult:
    """Evaluate an assessment and write it in one export format.

    Args:
        catalog: The catalogue.
        assessment: The assessment file.
        output: The file (or folder) to write.
        fmt: The format's name; by default, told by the suffix of ``output``.
        as_of: The day applicability, evidence age and due dates are judged on.
        redact: Remove what ``csea report --redact`` removes.
        max_evidence_age_days: Evidence collected longer ago than this is stale.
        generated_at: A timestamp for the formats that carry one (see
            ``parse_generated_at`` in ``csea.report.build``).

    Raises:
        InputError: An unknown format, or the assessment (or its profile) is unusable.
        WriteRefusedError: ``output`` is the assessment or its profile, a special file,
            or cannot be written; nothing is changed then.
    """
    chosen = export_format(fmt, output)
    services = assess_files(
        catalog, [assessment], as_of=as_of, max_evidence_age_days=max_evidence_age_days
    )
    subject = ExportSubject(catalog, services[0], assessment, redact, output, generated_at)
    exported = _exporter(chosen)(subject)
    write_export(chosen, output, exported, keep=_inputs(subject))
    return ExportResult(chosen, output, exported.note)


def write_export(
    chosen: ExportFormat, output: Path, exported: Exported, keep: tuple[Path, ...] = ()
) -> None:
    """Write what a format gave back: one file, or a folder's files (the folder made).

    Raises:
        WriteRefusedError: ``output`` is one of ``keep`` (the inputs), not a regular file
            (or, for a folder format, not a folder), or cannot be written.
    """
    if chosen.kind is OutputKind.FILE:
        _write_file(output, cast(bytes, exported.data), keep)
        return
    files = cast(Mapping[str, bytes], exported.data)
    for name in files:
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise WriteRefusedError(f"{chosen.name} wanted to write {name} outside {output}")
    if output.exists() and not output.is_dir():
        raise WriteRefusedError(f"could not write {output}: it is not a folder")
    for name, data in sorted(files.items()):
        _write_file(output / name, data, keep)


def _write_file(path: Path, data: bytes, keep: tuple[Path, ...]) -> None:
    write_output(path, data, inputs=keep)


def _inputs(subject: ExportSubject) -> tuple[Path, ...]:
    source = subject.service.source
    profile = source.profile_path if source else None
    return (subject.assessment, *([profile] if profile else []))


def _exporter(chosen: ExportFormat) -> Callable[[ExportSubject], Exported]:
    module, _, function = chosen.exporter.partition(":")
    return cast(Callable[[ExportSubject], Exported], getattr(import_module(module), function))
