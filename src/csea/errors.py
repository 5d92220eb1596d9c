"""Everything csea raises on purpose, and the problems it reports.

```
CseaError                 base of every error csea raises on purpose
├── InputError            input that cannot be used; carries every Problem found
│   └── CatalogError      a catalogue directory with problems
└── WriteRefusedError     csea refused to write a file (it would lose what the user wrote)
```

A [Problem][csea.Problem] says where (file, line, column, object id, field) and what
was expected. Errors carry all problems found, never only the first.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CatalogError",
    "CseaError",
    "InputError",
    "Problem",
    "Severity",
    "WriteRefusedError",
]


class Severity(StrEnum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


class Problem(BaseModel):
    """One problem in one input file, with where it is and what was expected."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    code: str
    """Stable machine-readable kind (``yaml-syntax``, ``unknown-field``, ``duplicate-id``)."""
    message: str
    """What is wrong and what was expected, in plain words."""
    file: str | None = None
    """The file, as the user named it (or relative to the catalogue root)."""
    line: int | None = None
    """1-based line."""
    column: int | None = None
    """1-based column."""
    object_id: str | None = None
    """The obligation, source or answer the problem is in."""
    field: str | None = None
    """Dotted path to the field (``citations.0.provision``)."""
    cell: str | None = None
    """In a workbook: the sheet and cell (``Answers!D17``), shown as ``file!Sheet!D17``."""
    severity: Severity = Severity.ERROR
    """Errors make input unusable; warnings do not."""

    def location(self) -> str:
        """``file:line:column`` (or ``file!Sheet!D17`` in a workbook) with the parts known."""
        if self.cell is not None:
            return f"{self.file or '<input>'}!{self.cell}"
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        subject = " ".join(part for part in (self.object_id, self.field) if part)
        subject = f"{subject}: " if subject else ""
        return f"{where}: {self.severity} [{self.code}] {subject}{self.message}"


class CseaError(Exception):
    """Base of every error csea raises on purpose."""


class InputError(CseaError):
    """Input that cannot be used. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem], summary: str | None = None) -> None:
        self.problems: list[Problem] = list(problems)
        self.summary = summary or f"{len(self.problems)} problem(s) found"
        super().__init__(self.summary)

    def __str__(self) -> str:
        return "\n".join([self.summary, *(str(p) for p in self.problems)])


class CatalogError(InputError):
    """A catalogue directory that could not be loaded or failed its checks."""


class WriteRefusedError(CseaError):
    """csea refused to write a file because doing so could lose what the user wrote."""
