"""The layout of the assessment workbook, declared once: its sheets, their columns, its metadata.

The writer lays the workbook out from these declarations and the reader finds its
columns by them (by header, so a column moved by hand is still found), so the two cannot
disagree. A column says what kind of value it holds, whether a person may edit it, and
whether ``--redact`` removes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ANSWERS",
    "EVIDENCE",
    "FORMAT",
    "LISTS",
    "META",
    "SUMMARY",
    "Column",
    "Kind",
    "MetaKey",
    "Sheet",
    "Value",
]

FORMAT = "csea-workbook/1"
"""The version of this layout, kept in the workbook's metadata."""

Value = str | dt.date | None
"""What a cell of the workbook holds, as csea reads and writes it."""


class Kind(StrEnum):
    """What a column holds."""

    TEXT = "text"
    """Free text (kept by ``--redact`` unless its column is secret)."""
    ID = "id"
    """An id csea wrote (an obligation id, a row key)."""
    LABEL = "label"
    """A label csea wrote (a force, whether it applies)."""
    DATE = "date"
    """A date (``YYYY-MM-DD``)."""
    STATUS = "status"
    """One of the statuses (a drop-down)."""
    SENSITIVITY = "sensitivity"
    """One of the sensitivity labels, or empty (a drop-down)."""
    OBLIGATION = "obligation"
    """The id of an obligation that applies to the service (a drop-down)."""


@dataclass(frozen=True)
class Column:
    """One column of a sheet."""

    key: str
    """The field it holds (an answer's or a piece of evidence's field, or a read-only fact)."""
    header: str
    """The header a person sees in row 1."""
    width: float
    """Its width, in characters."""
    kind: Kind = Kind.TEXT
    """What it holds."""
    editable: bool = False
    """Whether a person fills it in (unlocked); read-only columns are locked and shaded."""
    secret: bool = False
    """Whether ``--redact`` removes it (owners, names, notes, justifications, locations)."""
    wrap: bool = False
    """Whether long text wraps inside the cell."""
    prompt: str = ""
    """The hint shown when a person selects an editable cell."""


@dataclass(frozen=True)
class Sheet:
    """A sheet of the workbook and its columns, in order."""

    title: str
    """The sheet's name (its tab)."""
    columns: tuple[Column, ...]
    """Its columns, left to right."""

    def column(self, key: str) -> Column:
        """The column that holds ``key``."""
        return next(c for c in self.columns if c.key == key)

    @property
    def editable(self) -> tuple[Column, ...]:
        """The columns a person fills in."""
        return tuple(c for c in self.columns if c.editable)


ANSWERS = Sheet(
    "Answers",
    (
        Column("id", "ID", 11, Kind.ID),
        Column("pillar", "Pillar", 18, wrap=True),
        Column("title", "Obligation", 34, wrap=True),
        Column("force", "Force for this service", 15, Kind.LABEL, wrap=True),
        Column("applies", "Applies", 11, Kind.LABEL, wrap=True),
        Column(
            "status",
            "Status",
            16,
            Kind.STATUS,
            editable=True,
            prompt="Pick a status. not_applicable needs a justification; planned and partial "
            "need a due date.",
        ),
        Column("owner", "Owner", 22, editable=True, secret=True, wrap=True),
        Column(
            "due",
            "Due",
            12,
            Kind.DATE,
            editable=True,
            prompt="For planned and partial: YYYY-MM-DD.",
        ),
        Column("notes", "Notes", 40, editable=True, secret=True, wrap=True),
        Column(
            "justification",
            "Why not applicable",
            36,
            editable=True,
            secret=True,
            wrap=True,
            prompt="Required with status not_applicable: why it does not apply to this service.",
        ),
        Column(
            "accepted_by",
            "Risk accepted by",
            20,
            editable=True,
            secret=True,
            wrap=True,
            prompt="For not_implemented: who accepted the risk.",
        ),
        Column(
            "accepted_on",
            "Risk accepted on",
            12,
            Kind.DATE,
            editable=True,
            prompt="When the risk was accepted: YYYY-MM-DD.",
        ),
        Column("statement", "What it asks", 60, wrap=True),
        Column("why", "Why it applies", 48, wrap=True),
        Column("questions", "Questions to ask", 60, wrap=True),
        Column("expected", "Evidence that would show it", 52, wrap=True),
        Column("findings", "Findings today", 52, wrap=True),
    ),
)
"""One row per obligation that applies to the service, in catalogue (pillar) order."""

EVIDENCE = Sheet(
    "Evidence",
    (
        Column("ref", "Row key (leave empty on new rows)", 14, Kind.ID),
        Column(
            "obligation",
            "Obligation ID",
            13,
            Kind.OBLIGATION,
            editable=True,
            prompt="The obligation this evidence shows (pick from the list).",
        ),
        Column(
            "title", "Title", 44, editable=True, wrap=True, prompt="What it is (a document, ...)."
        ),
        Column(
            "location",
            "URL or path",
            52,
            editable=True,
            secret=True,
            wrap=True,
            prompt="Where it is: an https:// link, or a path in a repository or document store. "
            "A reference only: never the material itself.",
        ),
        Column(
            "collected",
            "Collected",
            12,
            Kind.DATE,
            editable=True,
            prompt="When it was collected or last checked: YYYY-MM-DD.",
        ),
        Column(
            "expires",
            "Expires",
            12,
            Kind.DATE,
            editable=True,
            prompt="When it stops being valid, if it does: YYYY-MM-DD.",
        ),
        Column(
            "sensitivity",
            "Sensitivity",
            24,
            Kind.SENSITIVITY,
            editable=True,
            prompt="Leave empty, or pick a label for evidence that must not leave the company.",
        ),
    ),
)
"""One row per piece of evidence; people add rows at the bottom."""

SUMMARY = "Summary"
"""The sheet with the scores, per pillar and per source, as csea computes them."""

LISTS = "Lists"
"""The hidden sheet with the values of the drop-downs."""

META = "csea"
"""The very hidden sheet with what the import needs (see [MetaKey][csea.workbook.columns.MetaKey])."""


class MetaKey(StrEnum):
    """The keys of the metadata sheet, one row each (the snapshot may take several rows)."""

    FORMAT = "format"
    """The layout version (``csea-workbook/1``)."""
    CATALOG_ID = "catalog_id"
    """The catalogue id."""
    CATALOG_VERSION = "catalog_version"
    """The catalogue version the answers were made against."""
    ASSESSMENT = "assessment"
    """The assessment file, as named to ``csea export``."""
    ORGANISATION = "organisation"
    """The provider."""
    SERVICE = "service"
    """The service."""
    AS_OF = "as_of"
    """The day applicability was judged on."""
    DIGEST = "digest"
    """``sha256:`` of the assessment file and its profile file at the export."""
    REDACTED = "redacted"
    """``yes`` when exported with ``--redact`` (such a workbook cannot be imported)."""
    SNAPSHOT = "snapshot"
    """The exported answers and evidence as JSON (what ``import --force`` merges against)."""
