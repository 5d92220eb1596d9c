"""``csea export`` (and ``csea import``): an assessment out to other people's tools, and back."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    MaxEvidenceAgeOption,
    as_of_date,
    as_of_option,
    emit,
    generated_at_option,
    handle_errors,
    stderr,
    write_stdout,
)
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.export.registry import FORMATS
from csea.render.view import DiffFormat

if TYPE_CHECKING:
    from csea.workbook.imports import ImportResult

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
    generated_at: Annotated[
        str | None,
        generated_at_option(
            "for the formats that carry one: printed in the Ofcom record and eSafety skeleton, "
            "set in Word files' properties and OSCAL's last-modified; by default none (OSCAL, "
            "which needs one, takes the catalogue's or the as-of date), so the output is "
            "reproducible"
        ),
    ] = None,
    as_of: Annotated[
        dt.datetime | None, as_of_option("applicability, evidence age and due dates")
    ] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    catalog_dir: CatalogOption = None,
) -> None:
    """Export an assessment for other people and their tools: workbook, regulators' documents, OSCAL.

    The format is --format, or else told by the output's suffix ('answers.xlsx'); for
    ofcom-record and esafety-notice the suffix picks Word (.docx) or Markdown (.md). The
    same inputs on the same day give the same bytes. Exit 2 when an input cannot be used or
    the output cannot be written; nothing is written then.
    """
    from csea.export.run import export_assessment  # noqa: PLC0415 - only this command needs it
    from csea.report.build import parse_generated_at  # noqa: PLC0415

    result = export_assessment(
        load_catalog(catalog_dir),
        assessment,
        output,
        fmt=fmt,
        as_of=as_of_date(as_of),
        redact=redact,
        max_evidence_age_days=max_evidence_age,
        generated_at=parse_generated_at(generated_at),
    )
    note = f": {result.note}" if result.note else ""
    write_stdout(f"wrote {result.output} ({result.format.name}){note}\n")


@handle_errors
def import_(
    workbook: Annotated[
        Path,
        typer.Argument(
            metavar="WORKBOOK", help="The filled-in workbook (.xlsx).", show_default=False
        ),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar="ASSESSMENT",
            help="The assessment to import into (default: the one the workbook was exported from).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import even if the assessment changed since the export: merge field by "
            "field, the workbook winning, and list every conflict.",
        ),
    ] = False,
    day_first: Annotated[
        bool | None,
        typer.Option(
            "--day-first/--month-first",
            help="How to read dates typed as 01/12/2026 (default: only dates that read one way).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[dt.datetime | None, as_of_option("evidence expiry")] = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Import a filled-in workbook back into its assessment, keeping every comment.

    Only the fields the workbook changed are rewritten, in place; it prints what changed in
    the words of 'csea diff'. Every cell it cannot use is listed with its cell, and nothing
    is written (exit 2); so is a workbook that is unsafe, redacted, from another catalogue
    version or service, or whose assessment changed since the export (unless --force).
    """
    from csea.workbook.imports import import_workbook  # noqa: PLC0415 - only this command needs it

    result = import_workbook(
        load_catalog(catalog_dir),
        workbook,
        into,
        as_of=as_of_date(as_of),
        force=force,
        dry_run=dry_run,
        day_first=day_first,
    )
    _report_import(result)


def _report_import(result: "ImportResult") -> None:
    from csea.render.diff import DiffView  # noqa: PLC0415 - only this command needs it

    preview = result.preview
    for problem in [*preview.warnings, *preview.merged.conflicts]:
        stderr.print(str(problem), markup=False)
    emit(DiffView(preview.diff).render(DiffFormat.TABLE))
    path = preview.loaded.path
    if result.written:
        write_stdout(f"wrote {path}\n")
    elif preview.diff.changes:
        write_stdout(f"dry run: {path} not written\n")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("export")(export)
    app.command("import")(import_)
