"""``csea catalog ...``: list, show, check and measure the coverage of a catalogue."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from csea.catalog.loader import load_catalog, validate_catalog
from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    emit,
    exit_with,
    generated_at_option,
    handle_errors,
    stderr,
    write_stdout,
)
from csea.errors import Severity
from csea.render.view import CatalogExportFormat, CrosswalkFormat, TableFormat, TextFormat

# The queries and views each command needs are imported in its body: ``csea`` builds every
# command's options when it starts, so what is imported here slows every command.

app = typer.Typer(help="Browse and check the obligations catalogue.", no_args_is_help=True)


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
    from csea.catalog.queries import select_obligations  # noqa: PLC0415
    from csea.render.catalog import obligation_table  # noqa: PLC0415
    from csea.render.tabular import TableView  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    selected = select_obligations(catalog, pillar=pillar, source=source, jurisdiction=jurisdiction)
    emit(TableView(obligation_table(catalog, selected)).render(fmt))


@app.command()
@handle_errors
def show(
    obligation_id: Annotated[
        str, typer.Argument(metavar="ID", help="Obligation id, e.g. BLOCK-01.")
    ],
    fmt: Annotated[TextFormat, typer.Option("--format", help="Output format.")] = TextFormat.TEXT,
    catalog_dir: CatalogOption = None,
) -> None:
    """Show one obligation in full, with its citations and their verification level."""
    from csea.catalog.queries import require_obligation  # noqa: PLC0415
    from csea.render.catalog import ObligationView  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    emit(ObligationView(catalog, require_obligation(catalog, obligation_id)).render(fmt))


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
    from csea.catalog.queries import source_coverage  # noqa: PLC0415
    from csea.render.catalog import CoverageView  # noqa: PLC0415

    coverage = source_coverage(load_catalog(catalog_dir))
    emit(CoverageView(coverage, as_of.date() if as_of else None).render(fmt))


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
    from csea.catalog.queries import crosswalk  # noqa: PLC0415
    from csea.render.catalog import CrosswalkView  # noqa: PLC0415

    walk = crosswalk(load_catalog(catalog_dir), source=source, to=to)
    emit(CrosswalkView(walk).render(fmt))


@app.command("export")
@handle_errors
def export(
    fmt: Annotated[
        CatalogExportFormat, typer.Option("--format", help="Output format.")
    ] = CatalogExportFormat.OSCAL,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of stdout.",
            show_default=False,
        ),
    ] = None,
    generated_at: Annotated[
        str | None,
        generated_at_option("for OSCAL's last-modified; by default the catalogue's date"),
    ] = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Export the whole catalogue for GRC tools: an OSCAL catalog (JSON).

    Pillars are groups, obligations controls; citations are links to the sources in the
    back matter. 'csea export --format oscal' writes the same catalog beside an assessment.
    """
    from csea.export.catalog import catalog_export, write_catalog_export  # noqa: PLC0415
    from csea.report.build import parse_generated_at  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    exported = catalog_export(catalog, fmt, parse_generated_at(generated_at))
    if output is None or str(output) == "-":
        assert isinstance(exported.data, bytes)
        write_stdout(exported.data.decode("utf-8"))
        return
    write_catalog_export(fmt, output, exported, catalog)
    stderr.print(f"wrote {output} ({fmt}): {exported.note}", markup=False)


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
    fmt: Annotated[TextFormat, typer.Option("--format", help="Output format.")] = TextFormat.TEXT,
    catalog_dir: CatalogOption = None,
) -> None:
    """Check every catalogue file and every cross-file rule; report all problems at once.

    Exit 0 when there are no errors (warnings allowed), 1 when there are errors,
    2 when the directory cannot be used.
    """
    from csea.render.catalog import ProblemsView  # noqa: PLC0415

    problems = validate_catalog(directory or catalog_dir)
    emit(ProblemsView(problems).render(fmt))
    if any(p.severity is Severity.ERROR for p in problems):
        exit_with(ExitCode.FINDINGS)
