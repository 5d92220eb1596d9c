"""``csea applicable`` and ``csea check``: which obligations apply, and what is missing."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csea.applicability import applicability, applicable_obligations
from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    MaxEvidenceAgeOption,
    as_of_date,
    as_of_option,
    exit_with,
    handle_errors,
    load,
    out,
    write_stdout,
)
from csea.evaluation import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.models.evaluation import FindingLevel
from csea.portfolio import evaluate_files
from csea.profile import load_profile
from csea.queries import require_obligation
from csea.render.applicability_views import (
    applicable_json,
    applicable_table,
    explain_json,
    explain_text,
)
from csea.render.check_views import (
    check_json,
    check_summary,
    every_finding,
    fails,
    findings_table,
)
from csea.render.tabular import dumps_json, to_rich

__all__ = ["register"]


class OutputFormat(StrEnum):
    """Output formats of ``applicable`` and ``check``."""

    TABLE = "table"
    JSON = "json"


AsOfOption = Annotated[dt.datetime | None, as_of_option("in-force dates")]
CheckAsOfOption = Annotated[
    dt.datetime | None, as_of_option("in-force dates, evidence age and due dates")
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]


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
    fmt: FormatOption = OutputFormat.TABLE,
    catalog_dir: CatalogOption = None,
) -> None:
    """List the obligations that apply to a service, with why and their force for it."""
    catalog = load(catalog_dir)
    profile = load_profile(profile_path)
    day = as_of_date(as_of)
    if explain is not None:
        obligation = require_obligation(catalog, explain)
        verdict = applicability(catalog, obligation, profile, day)
        if fmt is OutputFormat.JSON:
            write_stdout(dumps_json(explain_json(catalog, profile, verdict, day)))
        else:
            write_stdout(explain_text(catalog, profile, obligation, verdict, day))
        return
    verdicts = [v for v in applicable_obligations(catalog, profile, day) if show_all or v.applies]
    if fmt is OutputFormat.JSON:
        write_stdout(dumps_json(applicable_json(catalog, profile, verdicts, day)))
    else:
        out.print(to_rich(applicable_table(catalog, profile, verdicts, day)))


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
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    as_of: CheckAsOfOption = None,
    fmt: FormatOption = OutputFormat.TABLE,
    catalog_dir: CatalogOption = None,
) -> None:
    """Check assessments: findings, scores and, for several services, a roll-up per organisation.

    Exit 0 when nothing at or above --fail-on was found, 1 when something was, 2 when
    an input cannot be used (missing or invalid file, other catalogue version).
    """
    catalog = load(catalog_dir)
    portfolio = evaluate_files(
        catalog, assessments, as_of=as_of_date(as_of), max_evidence_age_days=max_evidence_age
    )
    if fmt is OutputFormat.JSON:
        write_stdout(dumps_json(check_json(portfolio, fail_on)))
    else:
        if every_finding(portfolio):
            out.print(to_rich(findings_table(portfolio)))
        write_stdout(check_summary(portfolio, fail_on))
    if fails(portfolio, fail_on):
        exit_with(ExitCode.FINDINGS)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("applicable")(applicable)
    app.command("check")(check)
