"""``csea applicable`` and ``csea check``: which obligations apply, and what is missing."""

from __future__ import annotations

import datetime as dt
import difflib
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
from csea.errors import InputError, Problem
from csea.evaluation import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.models import Catalog, Obligation
from csea.models.evaluation import FindingLevel, Portfolio
from csea.portfolio import evaluate_files
from csea.profile import load_profile
from csea.render.applicability_views import (
    applicable_json,
    applicable_table,
    explain_json,
    explain_text,
)
from csea.render.check_views import (
    check_json,
    failing,
    findings_table,
    level_counts,
    organisation_line,
    service_line,
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
        obligation = _obligation(catalog, explain)
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


def _obligation(catalog: Catalog, wanted: str) -> Obligation:
    obligation = catalog.obligation(wanted.upper())
    if obligation is not None:
        return obligation
    close = difflib.get_close_matches(wanted.upper(), [o.id for o in catalog.obligations], n=3)
    hint = (
        f"; did you mean {', '.join(close)}?" if close else "; run 'csea catalog list' to see ids"
    )
    message = f"no obligation '{wanted}' in catalogue {catalog.version}{hint}"
    raise InputError([Problem(code="unknown-obligation", message=message)], message)


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
        _print_check(portfolio, fail_on)
    if failing([f for e in portfolio.evaluations for f in e.findings], fail_on):
        exit_with(ExitCode.FINDINGS)


def _print_check(portfolio: Portfolio, fail_on: FindingLevel) -> None:
    every = [f for e in portfolio.evaluations for f in e.findings]
    if every:
        out.print(to_rich(findings_table(portfolio)))
    lines = [service_line(evaluation) for evaluation in portfolio.evaluations]
    if len(portfolio.evaluations) > 1:
        lines += [organisation_line(organisation) for organisation in portfolio.organisations]
    counts = ", ".join(f"{n} {level}" for level, n in level_counts(every).items())
    verdict = "fails" if failing(every, fail_on) else "passes"
    lines.append(f"{counts}; {verdict} at --fail-on {fail_on.value}")
    write_stdout("".join(f"{line}\n" for line in lines))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("applicable")(applicable)
    app.command("check")(check)
