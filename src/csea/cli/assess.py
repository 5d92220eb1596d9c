"""``csea applicable`` and ``csea check``: which obligations apply, and what is missing."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    MaxEvidenceAgeOption,
    as_of_date,
    as_of_option,
    emit,
    exit_with,
    handle_errors,
    write_parts,
)
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.models import FindingLevel
from csea.render.view import CheckFormat, JunitGaps, TableJsonFormat

__all__ = ["register"]

AsOfOption = Annotated[dt.datetime | None, as_of_option("in-force dates")]
CheckAsOfOption = Annotated[
    dt.datetime | None, as_of_option("in-force dates, evidence age and due dates")
]
FormatOption = Annotated[TableJsonFormat, typer.Option("--format", help="Output format.")]


@handle_errors
def applicable(
    profile_path: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="The service profile (profile.yaml).")
    ],
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help="Explain why this obligation does or does not apply.",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every obligation, with why it does not apply.")
    ] = False,
    as_of: AsOfOption = None,
    fmt: FormatOption = TableJsonFormat.TABLE,
    catalog_dir: CatalogOption = None,
) -> None:
    """List the obligations that apply to a service, with why and their force for it."""
    # Imported here, not at the top: only this command needs them (faster start for the others).
    from csea.assessment.load import load_profile  # noqa: PLC0415
    from csea.catalog.applicability import applicability, applicable_obligations  # noqa: PLC0415
    from csea.catalog.queries import require_obligation  # noqa: PLC0415
    from csea.render.applicability import ApplicableView, ExplainView  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    profile = load_profile(profile_path)
    day = as_of_date(as_of)
    if explain is not None:
        obligation = require_obligation(catalog, explain)
        verdict = applicability(catalog, obligation, profile, day)
        emit(ExplainView(catalog, profile, obligation, verdict, day).render(fmt))
        return
    verdicts = [v for v in applicable_obligations(catalog, profile, day) if show_all or v.applies]
    emit(ApplicableView(catalog, profile, verdicts, day).render(fmt))


@handle_errors
def check(
    assessments: Annotated[
        list[Path],
        typer.Argument(
            metavar="ASSESSMENT", help="Assessment files (one per service).", show_default=False
        ),
    ],
    fail_on: Annotated[
        FindingLevel,
        typer.Option("--fail-on", help="Exit 1 when a finding at or above this level exists."),
    ] = FindingLevel.ERROR,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="LEVELS",
            help="Look only at findings at these levels (error,warning,info; comma-separated).",
            show_default=False,
        ),
    ] = None,
    codes: Annotated[
        list[str] | None,
        typer.Option(
            "--code",
            metavar="CODE",
            help="Look only at findings with this code (repeat for several).",
            show_default=False,
        ),
    ] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    as_of: CheckAsOfOption = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = (
        CheckFormat.TABLE
    ),
    junit_xml: Annotated[
        Path | None,
        typer.Option(
            "--junit-xml",
            metavar="FILE",
            help="Also write the findings as JUnit XML to this file.",
            show_default=False,
        ),
    ] = None,
    sarif: Annotated[
        Path | None,
        typer.Option(
            "--sarif",
            metavar="FILE",
            help="Also write the findings as SARIF 2.1.0 to this file.",
            show_default=False,
        ),
    ] = None,
    junit_gaps: Annotated[
        JunitGaps,
        typer.Option(
            "--junit-gaps",
            help="In JUnit, a gap with no finding and no legal duty at stake is skipped "
            "(known, tracked work) or a failure.",
        ),
    ] = JunitGaps.SKIPPED,
    catalog_dir: CatalogOption = None,
) -> None:
    """Check assessments: findings, scores and, for several services, a roll-up per organisation.

    Findings are listed most serious first. --only and --code narrow what is looked at:
    the output and the exit code count the same findings, in every format.
    Exit 0 when nothing at or above --fail-on was found, 1 when something was, 2 when
    an input cannot be used (missing or invalid file, other catalogue version).
    """
    # Imported here, not at the top: only this command needs them (faster start for the others).
    from csea.evaluation.files import assess_files  # noqa: PLC0415
    from csea.evaluation.portfolio import fails  # noqa: PLC0415
    from csea.evaluation.selection import FindingSelection  # noqa: PLC0415
    from csea.render.check import CheckView  # noqa: PLC0415

    selection = FindingSelection.parse(only, codes or [])
    catalog = load_catalog(catalog_dir)
    services = assess_files(
        catalog, assessments, as_of=as_of_date(as_of), max_evidence_age_days=max_evidence_age
    )
    portfolio = selection.apply(services.portfolio)
    view = CheckView(portfolio, fail_on, junit_gaps)
    read = [*services.files(), *([catalog.root] if catalog.root else [])]
    for path, side in ((junit_xml, CheckFormat.JUNIT), (sarif, CheckFormat.SARIF)):
        if path is not None:
            write_parts(path, view.render(side), inputs=read)
    emit(view.render(fmt))
    if fails(portfolio, fail_on):
        exit_with(ExitCode.FINDINGS)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("applicable")(applicable)
    app.command("check")(check)
