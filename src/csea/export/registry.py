"""The export formats (one entry per format) and how ``-o`` picks one."""

from __future__ import annotations

from pathlib import Path

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.export.formats import ExportFormat, OutputKind

__all__ = ["FORMATS", "export_format"]

FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        name="xlsx",
        exporter="csea.export.xlsx:export_xlsx",
        kind=OutputKind.FILE,
        suffixes=(".xlsx",),
        summary="the assessment workbook policy staff fill in; 'csea import' reads it back",
    ),
    ExportFormat(
        name="ofcom-record",
        exporter="csea.export.ofcom_record:export_ofcom_record",
        kind=OutputKind.FILE,
        suffixes=(".docx", ".md"),
        summary="the UK Online Safety Act s.23 record of risk assessments and Ofcom code "
        "measures (Word or Markdown, by the suffix)",
    ),
    ExportFormat(
        name="esafety-notice",
        exporter="csea.export.esafety_notice:export_esafety_notice",
        kind=OutputKind.FILE,
        suffixes=(".docx", ".md"),
        summary="a response skeleton for an eSafety reporting notice, by Basic Online Safety "
        "Expectations section (Word or Markdown, by the suffix)",
    ),
    ExportFormat(
        name="oscal",
        exporter="csea.export.oscal:export_oscal",
        kind=OutputKind.FOLDER,
        suffixes=(),
        summary="a folder of OSCAL 1.2.1 JSON: the catalog, assessment plan, assessment "
        "results and plan of action and milestones",
    ),
)
"""Every format of ``csea export``, in the order ``--help`` lists them."""


def export_format(name: str | None, output: Path) -> ExportFormat:
    """The format named, or else the one the suffix of ``output`` tells.

    Raises:
        InputError: No format has that name, or none or several claim the suffix.
    """
    names = ", ".join(f.name for f in FORMATS)
    if name is not None:
        found = next((f for f in FORMATS if f.name == name.strip().lower()), None)
        if found is None:
            raise _refusal(f"--format {name}: not a format; choose one of {names}")
        return found
    suffix = output.suffix.lower()
    claiming = [f for f in FORMATS if suffix and suffix in f.suffixes]
    if len(claiming) == 1:
        return claiming[0]
    if claiming:
        which = ", ".join(f.name for f in claiming)
        raise _refusal(f"{output}: '{suffix}' could be {which}; say which with --format")
    raise _refusal(f"{output}: cannot tell the format from the name; give --format ({names})")


def _refusal(message: str) -> InputError:
    problem = Problem(code=ProblemCode.UNKNOWN_EXPORT_FORMAT, message=message)
    return InputError([problem], message)
