"""``csea profile new``: the guided interview that writes a service profile."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csea.catalog.loader import load_catalog
from csea.cli._shared import CatalogOption, emit, handle_errors, out
from csea.clock import today
from csea.render.view import TableJsonFormat
from csea.yamlio.reader import read_yaml

if TYPE_CHECKING:
    from csea.assessment.interview import Question

__all__ = ["app"]

app = typer.Typer(help="Write a service profile.", no_args_is_help=True)


def _ask(question: "Question", refused: str | None) -> str:
    """Ask on the terminal: the question, its choices, and why the last answer was refused."""
    if refused:
        out.print(f"  Not usable: {refused}", markup=False)
    else:
        out.print(f"\n{question.text}", markup=False)
        if question.choices:
            listing = ", ".join(f"{i}. {c}" for i, c in enumerate(question.choices, 1))
            out.print(f"  {listing}", markup=False)
        default = f" (Enter: {question.default})" if question.default else ""
        out.print(f"  Answer with {question.help}{default}.", markup=False)
    try:
        return input("> ")
    except EOFError:
        raise typer.Exit(2) from None


@app.command("new")
@handle_errors
def new(
    path: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="The profile to write (a new file).")
    ] = Path("profile.yaml"),
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="A YAML file of answers by question name (for use without a terminal).",
        ),
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="NAME=ANSWER",
            help="One answer by question name (repeat); the rest are asked, or read from --answers.",
        ),
    ] = None,
    catalog_dir: CatalogOption = None,
) -> None:
    """Answer about ten questions and get a complete, commented profile.yaml, then what applies.

    On a terminal the questions not answered by --answers or --answer are asked one by one;
    without one, every question needs an answer (names: organisation, service, features,
    kinds, users, established_in, children_likely, risk, enterprise_size, designations).
    The profile is never written over an existing file.
    """
    # Imported here, not at the top: only this command needs them (faster start for the others).
    from csea.assessment.answers import given_answers  # noqa: PLC0415
    from csea.assessment.interview import interview, profile_text, write_new_profile  # noqa: PLC0415
    from csea.assessment.load import load_profile  # noqa: PLC0415
    from csea.catalog.applicability import applicable_obligations  # noqa: PLC0415
    from csea.render.applicability import ApplicableView  # noqa: PLC0415

    catalog = load_catalog(catalog_dir)
    ask = _ask if sys.stdin.isatty() else None
    file_answers = read_yaml(answers_file).data if answers_file is not None else None
    given, problems = given_answers(file_answers, answer or [], str(answers_file))
    data = interview(given, ask, problems)
    write_new_profile(path, profile_text(data))
    out.print(f"\nWrote {path}. What applies to {data['service']}:", markup=False)
    profile = load_profile(path)
    day: dt.date = today()
    verdicts = [v for v in applicable_obligations(catalog, profile, day) if v.applies]
    emit(ApplicableView(catalog, profile, verdicts, day).render(TableJsonFormat.TABLE))
