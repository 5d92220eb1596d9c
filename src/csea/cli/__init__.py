"""The ``csea`` command line: a thin shell over the library.

Each command parses its arguments, calls one library function, hands the result to
a renderer and maps errors to an exit code (0 ok, 1 findings, 2 unusable input).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from csea.__about__ import __version__
from csea.cli import assess, assessment_files, catalog, exchange, profile, record, report
from csea.cli._shared import handle_errors, out, write_stdout
from csea.schemas import SCHEMAS, schema_text, write_schemas

__all__ = ["app", "main"]

app = typer.Typer(
    name="csea",
    help="Child-safety (CSEA) obligations: browse the catalogue and self-assess a service against it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(catalog.app, name="catalog")
app.add_typer(profile.app, name="profile")
for _module in (assess, assessment_files, report, exchange, record):
    _module.register(app)


def _version(value: bool) -> None:
    if value:
        write_stdout(f"csea {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Child-safety (CSEA) obligations: browse the catalogue and self-assess a service against it."""


@app.command()
@handle_errors
def schema(
    name: Annotated[
        str | None,
        typer.Argument(
            help=f"Schema to print: {', '.join(SCHEMAS)}. Omit to list them.", show_default=False
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Write every schema into this directory instead.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a file kind, for editor validation (or write them all)."""
    if output_dir is not None:
        for path in write_schemas(output_dir):
            out.print(f"wrote {path}", markup=False)
    elif name is None:
        for key, description in SCHEMAS.items():
            out.print(f"{key:12} {description}", markup=False)
    else:
        write_stdout(schema_text(name))


def main() -> None:
    """Entry point of the ``csea`` console script.

    Text a stream cannot encode (``PYTHONIOENCODING=ascii``) is written as escapes rather
    than failing, and an output that could not be flushed at the end (a closed pipe) ends
    quietly: the command has already said so.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    finally:
        _close_stdout()


def _close_stdout() -> None:
    """Flush stdout; when it cannot take any more, point it at the null device instead."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
