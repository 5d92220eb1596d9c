"""What every command shares: exit codes, options, consoles, writing a view, error reporting.

Everything a command prints goes through this module, and through one safe-text path:
the consoles are [SafeConsole][csea.render.console.SafeConsole]s (no markup, emoji or links
read from text, controls shown escaped), exact text for stdout goes through
[write_stdout][csea.cli._shared.write_stdout] (controls shown escaped), and an output that
cannot be written (a full disk, a closed pipe) is an error like any other: a message and
exit code 2, never a traceback. [write_parts][csea.cli._shared.write_parts] writes a view to
``-o FILE`` through [csea.fileio.write_output][] (never over an input or a device), or to
stdout for ``-o -``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TextIO, TypeVar

import typer

from csea.clock import today
from csea.errors import CseaError, InputError, WriteRefusedError
from csea.fileio import write_output
from csea.render.view import PLAIN_WIDTH, Line, Part, Styled, as_text
from csea.safetext import visible

if TYPE_CHECKING:
    from csea.render.console import SafeConsole

__all__ = [
    "CatalogOption",
    "ExitCode",
    "MaxEvidenceAgeOption",
    "OutputOption",
    "as_of_date",
    "as_of_option",
    "emit",
    "exit_with",
    "generated_at_option",
    "handle_errors",
    "out",
    "stderr",
    "write_parts",
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


class _Console:
    """A [SafeConsole][csea.render.console.SafeConsole] made the first time something is printed.

    Made then, not when the command line starts, so a command that prints nothing through a
    console (``check --format json``) never imports rich.
    """

    def __init__(self, *, stderr: bool, soft_wrap: bool) -> None:
        self._stderr = stderr
        self._soft_wrap = soft_wrap

    @functools.cached_property
    def console(self) -> SafeConsole:
        """The console: the terminal's width, or ``PLAIN_WIDTH`` when not a terminal."""
        from csea.render.console import SafeConsole  # noqa: PLC0415 - rich only when used

        console = SafeConsole(stderr=self._stderr, soft_wrap=self._soft_wrap)
        if not console.is_terminal:
            console.width = PLAIN_WIDTH
        return console

    def print(self, *objects: Any, **options: Any) -> None:
        """Print through the console (``rich.console.Console.print``)."""
        self.console.print(*objects, **options)


out = _Console(stderr=False, soft_wrap=False)
"""Console for results (stdout): the terminal's width, or ``PLAIN_WIDTH`` when not a terminal."""
stderr = _Console(stderr=True, soft_wrap=True)
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


def generated_at_option(carried: str) -> Any:
    """A ``--generated-at WHEN`` option whose help says where the timestamp goes."""
    return typer.Option(
        "--generated-at",
        metavar="WHEN",
        help=f"A timestamp ('now', or an ISO 8601 date or date-time) {carried}.",
        show_default=False,
    )


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
        help="Write to this file instead of stdout ('-': stdout). Never one of the inputs "
        "or a special file.",
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
        lines = [str(problem) for problem in error.problems]
        lines += [error.summary] if len(error.problems) > 1 else []
    else:
        lines = [f"error: {error}"]
    with contextlib.suppress(OSError, ValueError):
        for line in lines:
            stderr.print(line)
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
    """Write text to stdout as it is (no wrapping, no markup), controls shown escaped.

    Raises:
        WriteRefusedError: Standard output is closed or cannot take the text (a full disk,
            a closed pipe).
    """
    with _stdout() as stream:
        stream.write(visible(text))
        stream.flush()


@contextlib.contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output, with a failure to write to it turned into a csea error."""
    if sys.stdout is None:
        raise WriteRefusedError("standard output is closed; nothing was written")
    try:
        yield sys.stdout
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise WriteRefusedError(f"could not write to standard output: {reason}") from None


def emit(parts: Sequence[Part]) -> None:
    """Write a rendered view: exact text to stdout, lines through the consoles, tables printed.

    Styled text has colour on an interactive terminal and is plain text anywhere else.

    Raises:
        WriteRefusedError: Standard output cannot be written.
    """
    for part in parts:
        if isinstance(part, str):
            write_stdout(part)
        elif isinstance(part, Line) and part.err:
            stderr.print(part.text)
        elif isinstance(part, Styled) and not _interactive():
            write_stdout(part.text)
        else:
            with _stdout():
                _print(part)


def _print(part: Part) -> None:
    if isinstance(part, Line):
        out.print(part.text)
    elif isinstance(part, Styled):
        for renderable in part.rich:
            out.print(renderable)
    else:
        out.print(part)


def _interactive() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def write_parts(output: Path | None, parts: Sequence[Part], inputs: Iterable[Path]) -> None:
    """Write a view to ``output`` (never over one of ``inputs``), or to stdout for ``-``/none.

    Raises:
        WriteRefusedError: ``output`` is an input or a special file, or cannot be written.
    """
    if output is None or str(output) == "-":
        emit(parts)
        return
    write_output(output, as_text(parts), inputs=inputs)
    stderr.print(f"wrote {output}")
