"""What a workbook cell means: each kind of column read, checked and given its value.

A cell of only spaces is empty. Text keeps its exact characters (any line break made a
newline), so a cell nobody touched reads back as exactly what was exported; numbers and
dates typed into a text column become their text. A date may be a date cell or text:
``2026-12-01``, or ``01/12/2026`` read day first or month first as the import is told
(without being told, only a date that can be read one way is accepted). Statuses and
sensitivity labels are matched without regard to case, spaces or hyphens
(``Not implemented`` is ``not_implemented``); anything else is refused with the closest
value. A formula is never evaluated: it is refused, with its cell.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from csea.codes import ProblemCode
from csea.errors import Problem
from csea.models import Sensitivity, Status
from csea.workbook.columns import Column, Kind
from csea.workbook.read import Cell

__all__ = ["CellReader", "Read", "bad_url", "location_fields"]

Read = str | dt.date | Status | Sensitivity | None
"""A cell's value for an answer: text, a date, a status, a sensitivity, or nothing."""

_MAX_TEXT = 32_767
_URL = ("http://", "https://")
_URL_FORM = re.compile(r"https?://[^\s]{1,2040}")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class _Bad(Exception):
    def __init__(self, code: ProblemCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class CellReader:
    """Reads cells for one import."""

    file: str
    """The workbook, as the user named it (for messages)."""
    day_first: bool | None = None
    """How to read ``01/12/2026``: day first (True), month first (False), or only when
    it can be read one way (None)."""

    def read(self, cell: Cell, column: Column) -> tuple[Read, Problem | None]:
        """The cell's value for ``column``, or the problem with it."""
        try:
            if cell.formula:
                raise _Bad(
                    ProblemCode.FORMULA_IN_CELL,
                    f"a formula ({_shown(cell.value)}); type the value itself: csea reads "
                    "values, never formulas",
                )
            return self._value(cell.value, column), None
        except _Bad as bad:
            return None, self.problem(cell.ref, bad.code, bad.message)

    def problem(self, ref: str, code: ProblemCode, message: str) -> Problem:
        """A problem at a cell (``file!Sheet!A1``)."""
        return Problem(code=code, message=message, file=self.file, cell=ref)

    def _value(self, value: object, column: Column) -> Read:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        match column.kind:
            case Kind.DATE:
                return self._date(value)
            case Kind.STATUS:
                return _choice(value, Status, "a status")
            case Kind.SENSITIVITY:
                return _choice(value, Sensitivity, "a sensitivity label")
            case Kind.OBLIGATION | Kind.ID:
                return _text(value).strip().upper()
            case _:
                return _text(value)

    def _date(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            if value.time() != dt.time():
                raise _Bad(
                    ProblemCode.BAD_DATE,
                    f"{value.isoformat(' ')} has a time of day; "
                    "give the date only, for example 2026-12-01",
                )
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, bool) or not isinstance(value, str):
            raise _Bad(
                ProblemCode.BAD_DATE,
                f"{_shown(value)} is not a date; format the cell as "
                "a date or type it as 2026-12-01",
            )
        return self._date_text(value.strip())

    def _date_text(self, text: str) -> dt.date:
        iso = _ISO.match(text)
        if iso:
            return _day(text, int(iso[1]), int(iso[2]), int(iso[3]))
        numeric = _NUMERIC.match(text)
        if not numeric:
            raise _Bad(ProblemCode.BAD_DATE, f"'{text}' is not a date; type it as 2026-12-01")
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        day_first = self.day_first
        if day_first is None:
            day_first = _only_reading(text, first, second, year)
        day, month = (first, second) if day_first else (second, first)
        return _day(text, year, month, day)


def _only_reading(text: str, first: int, second: int, year: int) -> bool:
    """Whether ``first/second/year``, read the one way it can be, is day first."""
    if first == second or first > 12:
        return True
    if second > 12:
        return False
    raise _Bad(
        ProblemCode.BAD_DATE,
        f"'{text}' could be {first} {_MONTHS[second - 1]} or {second} {_MONTHS[first - 1]} "
        f"{year}; type {year}-{second:02}-{first:02} or {year}-{first:02}-{second:02}, or "
        "import with --day-first or --month-first",
    )


def _day(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Bad(ProblemCode.BAD_DATE, f"'{text}' is not a date (no such day)") from None


def _text(value: object) -> str:
    if isinstance(value, str):
        if len(value) > _MAX_TEXT:
            raise _Bad(ProblemCode.INVALID_VALUE, f"{len(value)} characters; at most {_MAX_TEXT}")
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        raise _Bad(ProblemCode.WRONG_TYPE, f"{_shown(value)} is a true/false value; type text")
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise _Bad(ProblemCode.WRONG_TYPE, f"{_shown(value)} is not text")


def _choice(value: object, kind: type[StrEnum], what: str) -> StrEnum:
    text = value if isinstance(value, str) else _shown(value)
    key = re.sub(r"[\s\-]+", "_", text.strip().lower())
    values = [member.value for member in kind]
    if key in values:
        return kind(key)
    close = difflib.get_close_matches(key, values, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"one of {', '.join(values)}"
    raise _Bad(ProblemCode.UNKNOWN_VALUE, f"'{text}' is not {what} ({hint})")


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def location_fields(location: str) -> dict[str, str | None]:
    """A location cell as evidence fields: a URL (``http(s)://``) or a path."""
    if location.startswith(_URL):
        return {"url": location, "path": None}
    return {"url": None, "path": location}


def bad_url(location: str) -> str:
    """Why a location that starts like a URL is not one (empty when it is, or is a path)."""
    if location.startswith(_URL) and not _URL_FORM.fullmatch(location):
        return f"'{location}' is not a URL: one line, no spaces, at most 2048 characters"
    return ""
