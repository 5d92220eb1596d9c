"""``csea init``, ``csea diff`` and ``csea migrate``: writing and comparing assessment files."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import (
    CatalogOption,
    ExitCode,
    as_of_date,
    as_of_option,
    emit,
    exit_with,
    handle_errors,
    stderr,
    write_stdout,
)
from csea.render.view import DiffFormat

if TYPE_CHECKING:
    from csea.assessment.migrate import Migration
    from csea.assessment.skeleton import InitResult

__all__ = ["register"]


AsOfOption = Annotated[
    dt.datetime | None, as_of_option("applicability, evidence expiry and review dates")
]


DiffAsOfOption = Annotated[dt.datetime | None, as_of_option("evidence expiry")]


@handle_errors
def init(
    profile_path: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="The service profile (profile.yaml).")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The assessment file to write, or to bring up to date when it exists.",
            show_default=False,
        ),
    ],
    as_of: AsOfOption = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Write an assessment skeleton for a profile, or bring an existing one up to date.

    Every applicable obligation gets 'status: not_assessed' with its statement, questions
    and expected evidence as comments. On an existing assessment, new obligations are
    added, answers that no longer apply are flagged for review, and everything else is
    kept byte for byte.
    """
    from csea.assessment.skeleton import init_assessment  # noqa: PLC0415 - only this command needs it

    result = init_assessment(load_catalog(catalog_dir), profile_path, output, as_of_date(as_of))
    _report_init(result)


def _report_init(result: "InitResult") -> None:
    if result.created:
        _say(f"wrote {result.path}: {len(result.added)} applicable obligation(s), all not_assessed")
    elif not result.changed:
        _say(f"{result.path} is up to date: nothing to add or flag")
    else:
        _say(f"updated {result.path}")
        _listed("added", result.added)
        _listed("flagged for review (no longer applies)", result.flagged)
    if result.unknown:
        stderr.print(
            f"warning: answers for ids the catalogue does not know, left as they are: "
            f"{', '.join(result.unknown)} (see 'csea check')",
            markup=False,
        )


def _say(text: str) -> None:
    """One line of plain output, never wrapped (paths and id lists stay whole)."""
    write_stdout(text + "\n")


def _listed(label: str, ids: list[str]) -> None:
    if ids:
        _say(f"  {label}: {len(ids)} ({', '.join(ids)})")


@handle_errors
def diff(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="[OLD] NEW",
            help="The earlier and the later assessment; with --since, only the later one.",
            show_default=False,
        ),
    ],
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REF",
            help="Compare NEW with its version at this git revision (HEAD~1, main, a tag), "
            "read from git with the profile it named then.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="Output format.")] = DiffFormat.TABLE,
    fail_on_regression: Annotated[
        bool,
        typer.Option(
            "--fail-on-regression",
            help="Exit 1 when a status went down or evidence was removed or expired.",
        ),
    ] = False,
    as_of: DiffAsOfOption = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """What changed between two assessments of the same service, or since a git revision.

    Statuses up and down (implemented > partial > planned > not_implemented >
    not_assessed; not_applicable apart), evidence added, removed, updated or expired,
    owner and due-date changes, and answers added or removed (by a catalogue update).
    Each file's profile is read relative to that file.
    """
    from csea.assessment.diff import compare_assessments, compare_since  # noqa: PLC0415
    from csea.render.diff import DiffView  # noqa: PLC0415

    expected = 1 if since is not None else 2
    if len(files) != expected:
        given = "one file (NEW) with --since" if since is not None else "two files, OLD and NEW"
        raise typer.BadParameter(f"give {given}", param_hint="[OLD] NEW")
    catalog, day = load_catalog(catalog_dir), as_of_date(as_of)
    if since is not None:
        changes = compare_since(since, files[0], catalog, day)
    else:
        changes = compare_assessments(files[0], files[1], catalog, day)
    emit(DiffView(changes).render(fmt))
    if fail_on_regression and changes.regressions:
        exit_with(ExitCode.FINDINGS)


@handle_errors
def migrate(
    assessment: Annotated[
        Path, typer.Argument(metavar="ASSESSMENT", help="The assessment to carry forward.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the result here instead of rewriting ASSESSMENT in place.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Carry an assessment forward to the catalogue's current version.

    Follows the catalogue's change log: changed obligations are flagged for review, split
    ones copied to each new id, merged ones combined (weakest status, all evidence),
    retired ones kept and flagged, added ones listed as not_assessed. Nothing is dropped.
    """
    from csea.assessment.migrate import migrate_assessment  # noqa: PLC0415 - only this command needs it

    result = migrate_assessment(load_catalog(catalog_dir), assessment, output, as_of_date(as_of))
    _report_migration(result)


def _report_migration(result: "Migration") -> None:
    if not result.changed:
        _say(
            f"{result.source} already follows catalogue version {result.to_version}; "
            "nothing to migrate"
        )
    for move in result.moves:
        into = f" -> {', '.join(move.into)}" if move.into else ""
        lines = [f"  {outcome}\n" for outcome in move.outcomes]
        write_stdout(
            f"{move.version} {move.kind.value} {', '.join(move.ids)}{into}\n" + "".join(lines)
        )
    if result.changed or result.output != result.source:
        _say(
            f"wrote {result.output}: catalogue version {result.from_version} -> {result.to_version}"
        )
    if result.unknown:
        stderr.print(
            f"warning: answers for ids the catalogue does not know and no change explains, left "
            f"as they are: {', '.join(result.unknown)}",
            markup=False,
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
    app.command("init")(init)
    app.command("diff")(diff)
    app.command("migrate")(migrate)
