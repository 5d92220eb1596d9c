"""What every command shares: exit codes, options, consoles, writing a view, error reporting."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console

from csea.clock import today
from csea.errors import CseaError, InputError, WriteRefusedError
from csea.fileio import write_atomic
from csea.render.view import PLAIN_WIDTH, Line, Part, Styled, as_text

__all__ = [
    "CatalogOption",
    "ExitCode",
    "MaxEvidenceAgeOption",
    "OutputOption",
    "as_of_date",
    "as_of_option",
    "emit",
    "exit_with",
    "handle_errors",
    "out",
    "stderr",
    "write_output",
    "write_stdout",
]

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(IntEnum):
    """Exit codes shared by every command."""

    OK = 0
    """Success; nothing at or above the chosen level was found."""
    FINDINGS = 1
    """The command ran and found problems (catalogue problems, findings at the fail level)."""
    UNUSABLE = 2
    """Bad usage or unusable input: nothing was computed and nothing was written."""


def _console(*, stderr: bool, soft_wrap: bool) -> Console:
    console = Console(stderr=stderr, highlight=False, soft_wrap=soft_wrap)
    if not console.is_terminal:
        console.width = PLAIN_WIDTH
    return console


out = _console(stderr=False, soft_wrap=False)
"""Console for results (stdout): the terminal's width, or ``PLAIN_WIDTH`` when not a terminal."""
stderr = _console(stderr=True, soft_wrap=True)
"""Console for errors and progress (stderr)."""

CatalogOption = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        help="Catalogue directory to use instead of the shipped one.",
        envvar="CSEA_CATALOG",
        show_default=False,
    ),
]


def as_of_option(judged: str) -> Any:
    """A ``--as-of YYYY-MM-DD`` option whose help says what is judged on that day."""
    return typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help=f"Judge {judged} on this day (default: today, or CSEA_TODAY).",
        show_default=False,
    )


def as_of_date(value: dt.datetime | None) -> dt.date:
    """The day an ``--as-of`` option names, or today (``CSEA_TODAY`` fixes today for tests)."""
    return value.date() if value is not None else today()


MaxEvidenceAgeOption = Annotated[
    int,
    typer.Option(
        "--max-evidence-age",
        metavar="DAYS",
        min=1,
        help="Evidence collected longer ago than this is stale.",
    ),
]
"""``--max-evidence-age DAYS``, shared by ``check`` and ``report``."""


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file instead of stdout.",
        show_default=False,
    ),
]
"""``--output/-o FILE``: write to a file instead of stdout (``report``, ``due``)."""


def exit_with(status: ExitCode) -> NoReturn:
    """Stop the command with an exit code."""
    raise typer.Exit(int(status))


def report_error(error: CseaError) -> NoReturn:
    """Print an error (every problem it carries) to stderr and exit 2."""
    if isinstance(error, InputError) and error.problems:
        for problem in error.problems:
            stderr.print(str(problem), markup=False)
        if len(error.problems) > 1:
            stderr.print(error.summary, markup=False)
    else:
        stderr.print(f"error: {error}", markup=False)
    exit_with(ExitCode.UNUSABLE)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn csea errors raised by a command into a clear message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CseaError as error:
            report_error(error)
        except KeyboardInterrupt:
            stderr.print("interrupted")
            sys.exit(130)

    return wrapper


def write_stdout(text: str) -> None:
    """Write text to stdout exactly (no wrapping, no markup)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def emit(parts: Sequence[Part]) -> None:
    """Write a rendered view: exact text to stdout, lines through the consoles, tables printed.

    Styled text has colour on an interactive terminal and is plain text anywhere else.
    """
    for part in parts:
        if isinstance(part, str):
            write_stdout(part)
        elif isinstance(part, Line):
            (stderr if part.err else out).print(part.text, markup=False)
        elif isinstance(part, Styled) and not sys.stdout.isatty():
            write_stdout(part.text)
        elif isinstance(part, Styled):
            for renderable in part.rich:
                out.print(renderable)
        else:
            out.print(part)


def write_output(output: Path, parts: Sequence[Part]) -> None:
    """Write rendered text to ``output`` atomically, making its folder first; say so on stderr.

    Raises:
        WriteRefusedError: The folder cannot be made or the file cannot be written.
    """
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise WriteRefusedError(
            f"could not write {output}: cannot create the folder {output.parent} ({reason}); "
            "nothing was changed"
        ) from None
    write_atomic(output, as_text(parts))
    stderr.print(f"wrote {output}", markup=False)
