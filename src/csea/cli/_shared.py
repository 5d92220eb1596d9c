"""What every command shares: exit codes, options, consoles and error reporting."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console

from csea.errors import CseaError, InputError
from csea.loader import load_catalog
from csea.models import Catalog

__all__ = [
    "CatalogOption",
    "ExitCode",
    "TableFormat",
    "exit_with",
    "handle_errors",
    "load",
    "out",
    "stderr",
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


class TableFormat(StrEnum):
    """Output formats for table-shaped views."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


out = Console(highlight=False, soft_wrap=False)
"""Console for results (stdout)."""
stderr = Console(stderr=True, highlight=False, soft_wrap=True)
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


def exit_with(code: ExitCode) -> NoReturn:
    """Stop the command with an exit code."""
    raise typer.Exit(int(code))


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


def load(catalog_dir: Path | None) -> Catalog:
    """Load the catalogue (the shipped one when ``catalog_dir`` is None)."""
    return load_catalog(catalog_dir)


def write_stdout(text: str) -> None:
    """Write text to stdout exactly (no wrapping, no markup)."""
    sys.stdout.write(text)
    sys.stdout.flush()
