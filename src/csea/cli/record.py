"""``csea approve`` and ``csea due``: signing an assessment off, and what falls due in it."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
import re
from pathlib import Path
from typing import Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    MaxEvidenceAgeOption,
    OutputOption,
    as_of_date,
    as_of_option,
    exit_with,
    handle_errors,
    stderr,
    write_parts,
    write_stdout,
)
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.render.view import DueFormat

__all__ = ["register"]

_WITHIN = re.compile(r"^(?P<n>[0-9]{1,4})(?P<unit>[dw]?)$")


@handle_errors
def approve(
    assessment: Annotated[
        Path, typer.Argument(metavar="ASSESSMENT", help="The assessment to sign off.")
    ],
    by: Annotated[
        str, typer.Option("--by", metavar="NAME", help="Who approves it.", show_default=False)
    ],
    role: Annotated[
        str,
        typer.Option("--role", metavar="ROLE", help="In what role.", show_default=False),
    ],
    as_of: Annotated[dt.datetime | None, as_of_option("findings, and date the approval,")] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    catalog_dir: CatalogOption = None,
) -> None:
    """Sign an assessment off: record who approved it, when, and a hash of what they approved.

    Refused (exit 1, nothing written) while the assessment has error findings. The
    approval is written into the file, every other byte kept; an edit after it shows as
    the finding changed-after-approval.
    """
    from csea.evaluation.signoff import approve as approve_assessment  # noqa: PLC0415

    if not by.strip() or not role.strip():
        raise typer.BadParameter("give a name (--by) and a role (--role)")
    result = approve_assessment(
        load_catalog(catalog_dir),
        assessment,
        by=by,
        role=role,
        as_of=as_of_date(as_of),
        max_evidence_age_days=max_evidence_age,
    )
    if not result.written:
        for finding in result.blocking:
            where = f"{finding.file}:{finding.line}" if finding.line else finding.file
            stderr.print(f"{where}: error [{finding.code}] {finding.message}", markup=False)
        stderr.print(
            f"not approved: {len(result.blocking)} error finding(s) remain in {assessment}; "
            "nothing was written",
            markup=False,
        )
        exit_with(ExitCode.FINDINGS)
    done = result.approval
    replaced = (
        f" (replacing the approval of {result.replaced.approved_on})" if result.replaced else ""
    )
    write_stdout(
        f"approved {assessment}: {done.by} ({done.role}) on {done.approved_on.isoformat()}, catalogue "
        f"{done.catalog.id} {done.catalog.version}, {done.content_hash[:19]}{replaced}\n"
    )


def _days(text: str) -> int:
    match = _WITHIN.match(text.strip())
    if match is None:
        raise typer.BadParameter(f"'{text}' is not a number of days (30, 30d) or weeks (6w)")
    return int(match["n"]) * (7 if match["unit"] == "w" else 1)


@handle_errors
def due(
    assessments: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[ASSESSMENT]...",
            help="Assessment files (default: assessment.yaml here).",
            show_default=False,
        ),
    ] = None,
    within: Annotated[
        str,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="List what falls due within this many days (30, 30d, 6w); overdue items too.",
        ),
    ] = "30d",
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", metavar="NAME", help="Only this owner's items.", show_default=False
        ),
    ] = None,
    fmt: Annotated[DueFormat, typer.Option("--format", help="Output format.")] = DueFormat.TABLE,
    output: OutputOption = None,
    as_of: Annotated[dt.datetime | None, as_of_option("what is due and overdue")] = None,
    max_evidence_age: MaxEvidenceAgeOption = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    catalog_dir: CatalogOption = None,
) -> None:
    """What falls due: plans, expiring or ageing evidence, accepted risks, reviews; by owner.

    Each item has its file and line. --format ics writes a calendar with one event per
    item; importing a newer one updates the events instead of duplicating them.
    """
    from csea.evaluation.due import due_items  # noqa: PLC0415
    from csea.render.due import DueView  # noqa: PLC0415

    days = _days(within)
    catalog = load_catalog(catalog_dir)
    listed = due_items(
        catalog,
        assessments or [Path("assessment.yaml")],
        as_of=as_of_date(as_of),
        within_days=days,
        owner=owner,
        max_evidence_age_days=max_evidence_age,
    )
    read = [Path(f) for f in listed.files] + ([catalog.root] if catalog.root else [])
    write_parts(output, DueView(listed).render(fmt), inputs=read)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("approve")(approve)
    app.command("due")(due)
