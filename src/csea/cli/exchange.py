"""``csea export`` (and ``csea import``): an assessment out to other people's tools, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    MaxEvidenceAgeOption,
    as_of_date,
    as_of_option,
    handle_errors,
    write_stdout,
)
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.export.registry import FORMATS

__all__ = ["register"]

_FORMAT_HELP = "Output format (default: told by the output's suffix): " + "; ".join(
    f"'{f.name}' {f.summary}" for f in FORMATS
)


@handle_errors
def export(
    assessment: Annotated[
        Path, typer.Argument(metavar="ASSESSMENT", help="The assessment file.", show_default=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The file (or, for a folder format, the folder) to write.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="NAME", help=_FORMAT_HELP, show_default=False),
    ] = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Remove owners, names, notes, justifications, evidence locations and "
            "evidence with a sensitivity label, as 'csea report --redact' does.",
        ),
    ] = False,
    as_of: Annotated[
        dt.datetime | None, as_of_option("applicability, evidence age and due dates")
    ] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    catalog_dir: CatalogOption = None,
) -> None:
    """Export an assessment for people who work in other tools (a workbook to fill in, ...).

    The format is --format, or else told by the output's suffix ('answers.xlsx'). The same
    inputs on the same day give the same bytes. Exit 2 when an input cannot be used or
    the output cannot be written; nothing is written then.
    """
    from csea.export.run import export_assessment  # noqa: PLC0415 - only this command needs it

    result = export_assessment(
        load_catalog(catalog_dir),
        assessment,
        output,
        fmt=fmt,
        as_of=as_of_date(as_of),
        redact=redact,
        max_evidence_age_days=max_evidence_age,
    )
    note = f": {result.note}" if result.note else ""
    write_stdout(f"wrote {result.output} ({result.format.name}){note}\n")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("export")(export)
