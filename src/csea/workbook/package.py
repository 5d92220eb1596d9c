"""Checks on a workbook file before anything parses it: is it a safe, bounded ``.xlsx`` package?

An ``.xlsx`` file is a zip package of XML parts. Before openpyxl reads a byte of XML,
[check_package][csea.workbook.package.check_package] refuses, with a clear reason:

- anything that is not a zip package (an old ``.xls``, an encrypted workbook, a CSV or
  any other file renamed to ``.xlsx``), and a zip package that is not a spreadsheet;
- a package over the limits: the file's size, the number of parts, each part's and all
  parts' unpacked size, and the compression ratio of large parts (a zip bomb is refused
  from the sizes its directory declares; reading a part never unpacks more than declared);
- anything that could run or fetch: macros (``vbaProject.bin``, a macro-enabled content
  type, whatever the file is named), links to other workbooks, data connections and
  external queries, embedded objects and ActiveX controls, and any XML with a DTD
  (``<!DOCTYPE``, ``<!ENTITY``: entity expansion and external entities).

Nothing in the workbook is ever executed, evaluated or fetched: formulas are refused
where csea reads values (see [csea.workbook.read][]), and no link is followed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from csea.codes import ProblemCode
from csea.errors import InputError, Problem

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PARTS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "check_package",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest workbook file csea opens (20 MiB; an exported one is a few hundred KiB)."""
MAX_PARTS = 1_000
"""The most parts (zip entries) a workbook may have."""
MAX_PART_BYTES = 64 * 1024 * 1024
"""The largest unpacked size of one part."""
MAX_TOTAL_BYTES = 128 * 1024 * 1024
"""The largest unpacked size of all parts together."""
MAX_RATIO = 100
"""The highest compression ratio of a part larger than 1 MiB unpacked (a zip bomb's is far higher)."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPREADSHEET = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_MACRO_TYPES = (b"macroEnabled", b"vbaProject", b"ms-office.vbaProject")
_UNSAFE_PARTS = (
    ("vbaproject.bin", "macros (a macro-enabled workbook, whatever its name)"),
    ("vbadata.xml", "macros (a macro-enabled workbook, whatever its name)"),
    ("xl/externallinks/", "links to other workbooks"),
    ("xl/connections.xml", "data connections to other sources"),
    ("xl/querytables/", "external data queries"),
    ("xl/embeddings/", "embedded objects"),
    ("xl/activex/", "ActiveX controls"),
    ("customui/", "a custom ribbon (it calls macros)"),
)
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 1024 * 1024


def check_package(path: Path, display: str) -> None:
    """Refuse a file that is not a safe, bounded ``.xlsx`` package (see the module's docstring).

    Raises:
        InputError: Why it is refused; the file is not read any further.
    """
    head = _head(path, display)
    if not head.startswith(_ZIP):
        raise _refused(display, ProblemCode.NOT_A_WORKBOOK, _not_a_zip(head))
    try:
        with zipfile.ZipFile(path) as package:
            problems = list(_package_problems(package, display))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise _refused(
            display, ProblemCode.NOT_A_WORKBOOK, f"a damaged zip package ({error}); save it again"
        ) from None
    if problems:
        raise InputError(problems, f"{display}: refused, nothing in it was read or run")


def _head(path: Path, display: str) -> bytes:
    try:
        if not path.exists():
            raise _refused(display, ProblemCode.FILE_NOT_FOUND, "file not found")
        if not path.is_file():
            raise _refused(display, ProblemCode.NOT_A_FILE, "not a regular file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"{size} bytes; csea opens workbooks of at most {MAX_FILE_BYTES} bytes"
            raise _refused(display, ProblemCode.FILE_TOO_LARGE, message)
        with path.open("rb") as stream:
            return stream.read(8)
    except OSError as error:
        reason = error.strerror or str(error)
        raise _refused(display, ProblemCode.FILE_UNREADABLE, reason) from None


def _not_a_zip(head: bytes) -> str:
    if head.startswith(_OLE):
        return (
            "an old-style .xls workbook, or a workbook with a password: save it as an "
            "Excel 2007-365 (.xlsx) workbook without a password"
        )
    kind = (
        "text (a CSV file?)"
        if head and all(32 <= b < 127 or b in b"\t\r\n" for b in head)
        else "some other format"
    )
    return f"not an .xlsx workbook (that is a zip package); it looks like {kind}"


def _package_problems(package: zipfile.ZipFile, display: str) -> Iterator[Problem]:
    items = package.infolist()
    if len(items) > MAX_PARTS:
        yield _problem(
            display, ProblemCode.WORKBOOK_TOO_LARGE, f"{len(items)} parts; at most {MAX_PARTS}"
        )
        return
    sizes = list(_size_problems(items, display))
    if sizes:
        yield from sizes
        return
    names = {item.filename.lower(): item for item in items}
    yield from _unsafe_parts(names, display)
    types = names.get("[content_types].xml")
    if types is None:
        yield _problem(
            display,
            ProblemCode.NOT_A_WORKBOOK,
            "a zip package with no content types: not an .xlsx workbook",
        )
        return
    declared = package.read(types)
    if any(marker in declared for marker in _MACRO_TYPES):
        yield _problem(
            display,
            ProblemCode.WORKBOOK_UNSAFE,
            "it declares macros (a macro-enabled workbook, whatever its name); csea never opens those",
        )
    elif _SPREADSHEET not in declared:
        yield _problem(
            display,
            ProblemCode.NOT_A_WORKBOOK,
            "a zip package that is not an .xlsx workbook (a Word document? another format?)",
        )
    yield from _dtd_problems(package, items, display)


def _size_problems(items: list[zipfile.ZipInfo], display: str) -> Iterator[Problem]:
    total = sum(item.file_size for item in items)
    for item in items:
        if item.flag_bits & 0x1:
            yield _problem(
                display, ProblemCode.NOT_A_WORKBOOK, f"part {item.filename} is encrypted"
            )
        elif item.file_size > MAX_PART_BYTES:
            yield _problem(
                display,
                ProblemCode.WORKBOOK_TOO_LARGE,
                f"part {item.filename} unpacks to {item.file_size} bytes; at most {MAX_PART_BYTES}",
            )
        elif item.file_size > _CHUNK and item.file_size > MAX_RATIO * max(item.compress_size, 1):
            ratio = item.file_size // max(item.compress_size, 1)
            yield _problem(
                display,
                ProblemCode.WORKBOOK_TOO_LARGE,
                f"part {item.filename} is compressed {ratio} to 1 (a zip bomb?); at most {MAX_RATIO} to 1",
            )
    if total > MAX_TOTAL_BYTES:
        yield _problem(
            display,
            ProblemCode.WORKBOOK_TOO_LARGE,
            f"its parts unpack to {total} bytes; at most {MAX_TOTAL_BYTES}",
        )


def _unsafe_parts(names: dict[str, zipfile.ZipInfo], display: str) -> Iterator[Problem]:
    found: dict[str, str] = {}
    for name in names:
        for marker, what in _UNSAFE_PARTS:
            if marker in name and what not in found.values():
                found[name] = what
    for name, what in found.items():
        yield _problem(
            display,
            ProblemCode.WORKBOOK_UNSAFE,
            f"it holds {what} ({names[name].filename}); csea never opens those",
        )


def _dtd_problems(
    package: zipfile.ZipFile, items: list[zipfile.ZipInfo], display: str
) -> Iterator[Problem]:
    for item in items:
        if not item.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with package.open(item) as stream:
            tail = b""
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _DTD):
                    yield _problem(
                        display,
                        ProblemCode.WORKBOOK_UNSAFE,
                        f"part {item.filename} has a DTD (<!DOCTYPE or <!ENTITY); csea never reads those",
                    )
                    break
                tail = window[-16:]


def _problem(display: str, code: ProblemCode, message: str) -> Problem:
    return Problem(code=code, message=message, file=display)


def _refused(display: str, code: ProblemCode, message: str) -> InputError:
    return InputError([_problem(display, code, message)], f"{display}: {message}")
