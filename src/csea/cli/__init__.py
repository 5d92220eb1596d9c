"""The ``csea`` command line: a thin shell over the library.

Each command parses its arguments, calls one library function, hands the result to
a renderer and maps errors to an exit code (0 ok, 1 findings, 2 unusable input).
"""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import atexit
import contextlib
import io
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from csea.__about__ import __version__
from csea.catalog.cache import CatalogCache, use_cache
from csea.cli import assess, assessment_files, cache, catalog, exchange, profile, record, report
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
app.add_typer(cache.app, name="cache")
app.add_typer(profile.app, name="profile")
for _module in (assess, assessment_files, report, exchange, record):
    _module.register(app)


def _version(value: bool) -> None:
    if value:
        write_stdout(f"csea {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Validate the catalogue from its files, without the catalogue cache "
            "(also: CSEA_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """Child-safety (CSEA) obligations: browse the catalogue and self-assess a service against it."""
    use_cache(None if no_cache else CatalogCache.for_user())
    ctx.call_on_close(lambda: use_cache(None))


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


def main() -> NoReturn:
    """Entry point of the ``csea`` console script: run the command, then end the process.

    Text a stream cannot encode (``PYTHONIOENCODING=ascii``) is written as escapes rather
    than failing. A command returns once its output is written and its files are closed
    (reports and assessments are written atomically before that). The process then ends at
    once: buffered output is flushed and ``atexit`` handlers run, but the interpreter does not
    tear down every object the command built, which on a large catalogue takes longer than the
    output. An output that could not be flushed (a closed pipe) ends quietly: the command has
    already said so. An unexpected error still ends the ordinary way.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except SystemExit as done:
        _end(done)
    finally:
        _close_stdout()
    raise SystemExit(0)  # pragma: no cover - typer's app always ends with SystemExit


def _end(done: SystemExit) -> NoReturn:
    """Flush the output and end the process with the command's exit code, without teardown.

    When the code is not a number (a message) or flushing fails (a closed pipe), the process
    ends the ordinary way, which reports it as before.
    """
    code = done.code
    if code is not None and not isinstance(code, int):
        raise done
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        atexit._run_exitfuncs()
    except BaseException:
        raise done from None
    os._exit(code or 0)


def _close_stdout() -> None:
    """Flush stdout; when it cannot take any more, point it at the null device instead."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
