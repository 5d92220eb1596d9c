"""``csea report``: the documents a T&S lead hands to leadership, auditors and regulators."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    MaxEvidenceAgeOption,
    OutputOption,
    as_of_date,
    as_of_option,
    handle_errors,
    write_parts,
)
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.render.report import ReportFormat, ReportView

__all__ = ["register"]


@handle_errors
def report(
    assessments: Annotated[
        list[Path],
        typer.Argument(
            metavar="ASSESSMENT...", help="Assessment files (one per service).", show_default=False
        ),
    ],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="Output format.")
    ] = ReportFormat.TERMINAL,
    output: OutputOption = None,
    view: Annotated[
        str,
        typer.Option(
            "--view",
            metavar="pillar|regulator:ID|source:ID",
            help="'pillar' (every obligation by pillar), 'regulator:<id>' (every provision of "
            "one regulator's sources, with the standing on each) or 'source:<source id>'.",
        ),
    ] = "pillar",
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Remove owners, names, notes, justifications, evidence locations and "
            "evidence with a sensitivity label, for sharing outside the organisation.",
        ),
    ] = False,
    previous: Annotated[
        list[str] | None,
        typer.Option(
            "--previous",
            metavar="FILE|REF",
            help="An earlier assessment of the same service (repeat for several): a file, or a "
            "git revision (HEAD~1, main, a tag) read from git with its profile. Gives the score "
            "trend, and what changed since the latest of them.",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        int | None,
        typer.Option(
            "--history",
            metavar="N",
            min=1,
            help="Also the last N committed versions of the assessment in git (with its profile "
            "as it was then), for the score trend.",
            show_default=False,
        ),
    ] = None,
    classification: Annotated[
        str,
        typer.Option(
            "--classification",
            metavar="TEXT",
            help="The handling marking printed at the top and on every printed page.",
        ),
    ] = "Confidential",
    generated_at: Annotated[
        str | None,
        typer.Option(
            "--generated-at",
            metavar="WHEN",
            help="Print this timestamp ('now', or an ISO "
            "8601 date or date-time); by default a report has none, so it is reproducible.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        dt.datetime | None, as_of_option("in-force dates, evidence age and due dates")
    ] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    catalog_dir: CatalogOption = None,
) -> None:
    """Write a report on one or several assessments: terminal, Markdown, HTML, JSON, CSV or JUnit.

    Exit 0 when the report was written (whatever it found; use 'csea check' to gate CI),
    2 when an input cannot be used; nothing is written then.
    """
    # Imported here, not at the top: only this command needs them (faster start for the others).
    from csea.evaluation.files import assess_files  # noqa: PLC0415
    from csea.report.build import ReportOptions, build_report, parse_generated_at  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    options = ReportOptions(
        view=view,
        redact=redact,
        generated_at=parse_generated_at(generated_at),
        classification=classification,
    )
    services = assess_files(
        catalog,
        assessments,
        as_of=as_of_date(as_of),
        previous=previous,
        history=history,
        max_evidence_age_days=max_evidence_age,
    )
    parts = ReportView(build_report(catalog, services, options)).render(fmt)
    read = [*services.files(), *(Path(p) for p in previous or []), catalog.root]
    write_parts(output, parts, inputs=[p for p in read if p is not None])


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("report")(report)
