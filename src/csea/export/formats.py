"""What an export format is, what it is given and what it gives back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csea.evaluation.files import AssessedService
    from csea.models import Catalog

__all__ = ["ExportFormat", "ExportSubject", "Exported", "OutputKind"]


class OutputKind(StrEnum):
    """What ``-o`` names for a format."""

    FILE = "file"
    """One file."""
    FOLDER = "folder"
    """A folder of files (made when missing)."""


@dataclass(frozen=True)
class ExportSubject:
    """What every format is given: one evaluated assessment and how to show it."""

    catalog: Catalog
    """The catalogue it was evaluated against."""
    service: AssessedService
    """The evaluation (with its applicability verdicts), the answers, the file read."""
    assessment: Path
    """The assessment file as the user named it."""
    redact: bool = False
    """Remove owners, names, notes, justifications, evidence locations and labelled
    evidence, as ``csea report --redact`` does."""
    output: Path | None = None
    """Where it will be written, for a format whose suffix picks a variant (``.docx``, ``.md``)."""
    generated_at: str | None = None
    """A timestamp for formats that carry one (``--generated-at``); none by default."""


@dataclass(frozen=True)
class Exported:
    """What a format gives back: the bytes of a file, or a folder's files."""

    data: bytes | Mapping[str, bytes]
    """The file's bytes (a file format), or each file's bytes by path relative to the
    folder, with ``/`` separators (a folder format)."""
    note: str = ""
    """One line on what it holds, printed after the path written."""


@dataclass(frozen=True)
class ExportFormat:
    """One ``--format`` of ``csea export``."""

    name: str
    """Its ``--format`` name."""
    exporter: str
    """The function ``(ExportSubject) -> Exported``, as ``"module:function"``."""
    kind: OutputKind
    """Whether ``-o`` is a file or a folder."""
    suffixes: tuple[str, ...]
    """File suffixes (``.xlsx``) the format is inferred from; none for a folder."""
    summary: str
    """One line of help."""
