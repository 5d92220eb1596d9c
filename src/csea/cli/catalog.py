"""``csea catalog ...``: list, show, check and measure the coverage of a catalogue."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    TableFormat,
    exit_with,
    handle_errors,
    load,
    out,
    stderr,
    write_stdout,
)
from csea.errors import Severity
from csea.loader import validate_catalog
from csea.queries import crosswalk, require_obligation, select_obligations, source_coverage
from csea.render.catalog_views import (
    coverage_json,
    coverage_table,
    crosswalk_json,
    crosswalk_markdown,
    crosswalk_table,
    obligation_json,
    obligation_table,
    obligation_text,
)
from csea.render.tabular import Tabular, dumps_json, to_csv, to_json, to_rich

app = typer.Typer(help="Browse and check the obligations catalogue.", no_args_is_help=True)


class ShowFormat(StrEnum):
    """Output formats for one obligation."""

    TEXT = "text"
    JSON = "json"


class CrosswalkFormat(StrEnum):
    """Output formats for the crosswalk."""

    TABLE = "table"
    MD = "md"
    CSV = "csv"
    JSON = "json"


class ProblemFormat(StrEnum):
    """Output formats for catalogue problems."""

    TEXT = "text"
    JSON = "json"


def _emit(table: Tabular, fmt: TableFormat) -> None:
    if fmt is TableFormat.JSON:
        write_stdout(to_json(table))
    elif fmt is TableFormat.CSV:
        write_stdout(to_csv(table))
    else:
        out.print(to_rich(table))


@app.command("list")
@handle_errors
def list_(
    pillar: Annotated[
        str | None, typer.Option(help="Only this pillar (block, grooming, ...).")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Only obligations citing this source id.")
    ] = None,
    jurisdiction: Annotated[
        str | None,
        typer.Option(
            help="Only obligations citing a source that applies here (GB, EU, US, AU...)."
        ),
    ] = None,
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.TABLE,
    catalog_dir: CatalogOption = None,
) -> None:
    """List obligations, optionally filtered by pillar, source or jurisdiction."""
    catalog = load(catalog_dir)
    selected = select_obligations(catalog, pillar=pillar, source=source, jurisdiction=jurisdiction)
    _emit(obligation_table(catalog, selected), fmt)


@app.command()
@handle_errors
def show(
    obligation_id: Annotated[
        str, typer.Argument(metavar="ID", help="Obligation id, e.g. BLOCK-01.")
    ],
    fmt: Annotated[ShowFormat, typer.Option("--format", help="Output format.")] = ShowFormat.TEXT,
    catalog_dir: CatalogOption = None,
) -> None:
    """Show one obligation in full, with its citations and their verification level."""
    catalog = load(catalog_dir)
    obligation = require_obligation(catalog, obligation_id)
    if fmt is ShowFormat.JSON:
        write_stdout(dumps_json(obligation_json(catalog, obligation)))
    else:
        write_stdout(obligation_text(catalog, obligation))


@app.command()
@handle_errors
def sources(
    fmt: Annotated[
        TableFormat, typer.Option("--format", help="Output format.")
    ] = TableFormat.TABLE,
    as_of: Annotated[
        dt.datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            help="Also show each source's (and, in JSON, each provision's) status on this date.",
            show_default=False,
        ),
    ] = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Each source, and which of its provisions the catalogue cites and which it does not."""
    coverage = source_coverage(load(catalog_dir))
    day = as_of.date() if as_of else None
    if fmt is TableFormat.JSON:
        write_stdout(dumps_json(coverage_json(coverage, day)))
    else:
        _emit(coverage_table(coverage, day), fmt)


@app.command("crosswalk")
@handle_errors
def crosswalk_(
    source: Annotated[
        str | None,
        typer.Option(help="Only obligations citing this source id; it becomes the first column."),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option(
            help="Source ids to compare with (repeat the option); all cited sources when omitted."
        ),
    ] = None,
    fmt: Annotated[
        CrosswalkFormat, typer.Option("--format", help="Output format.")
    ] = CrosswalkFormat.TABLE,
    catalog_dir: CatalogOption = None,
) -> None:
    """The crosswalk: which provisions of each source every obligation answers."""
    walk = crosswalk(load(catalog_dir), source=source, to=to)
    if fmt is CrosswalkFormat.JSON:
        write_stdout(dumps_json(crosswalk_json(walk)))
    elif fmt is CrosswalkFormat.MD:
        write_stdout(crosswalk_markdown(walk))
    else:
        _emit(crosswalk_table(walk), TableFormat(fmt.value))


@app.command()
@handle_errors
def validate(
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="[DIR]",
            help="Catalogue directory (default: the shipped catalogue).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", help="Output format.")
    ] = ProblemFormat.TEXT,
    catalog_dir: CatalogOption = None,
) -> None:
    """Check every catalogue file and every cross-file rule; report all problems at once.

    Exit 0 when there are no errors (warnings allowed), 1 when there are errors,
    2 when the directory cannot be used.
    """
    problems = validate_catalog(directory or catalog_dir)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    if fmt is ProblemFormat.JSON:
        write_stdout(dumps_json([p.model_dump(mode="json") for p in problems]))
    else:
        for problem in problems:
            stderr.print(str(problem), markup=False)
        summary = f"{errors} error(s), {len(problems) - errors} warning(s)"
        (stderr if errors else out).print(
            "catalogue " + ("has problems: " if errors else "is valid: ") + summary
        )
    if errors:
        exit_with(ExitCode.FINDINGS)
