"""The CLI reference, taken from ``--help`` itself so that it cannot drift.

The hand-written page ``docs/reference/cli.md`` explains each command and marks where
its help goes with an HTML comment:

```text
<!-- csea-help: catalog list -->
```

At build time [expand_help_markers][csea.site.cli_reference.expand_help_markers]
replaces each marker with the exact output of ``csea catalog list --help`` (at a fixed
width, without colour). A marker naming a command that does not exist stops the build,
and [command_paths][csea.site.cli_reference.command_paths] lets a test check that every
command has a marker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import typer
import typer.main
from typer.testing import CliRunner

__all__ = [
    "MARKER",
    "UnknownCommandError",
    "command_paths",
    "expand_help_markers",
    "help_text",
    "marked_paths",
]

HELP_WIDTH = 80
"""Terminal width the help is rendered at."""
MARKER = re.compile(r"^<!-- csea-help: ?(?P<path>[a-z0-9 -]*?) ?-->$", re.MULTILINE)
"""A line holding only an HTML comment that asks for the help of ``csea <path>``
(an empty path is ``csea`` itself)."""

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_ENV: Mapping[str, str] = {
    "COLUMNS": str(HELP_WIDTH),
    "TERMINAL_WIDTH": str(HELP_WIDTH),
    "NO_COLOR": "1",
    "TERM": "dumb",
}


class UnknownCommandError(LookupError):
    """A help marker names a command the ``csea`` app does not have."""


def command_paths(app: typer.Typer) -> list[tuple[str, ...]]:
    """Every visible command, as words after ``csea``: ``()``, ``("catalog",)``, ...

    Groups come before their commands; commands are in registration order.
    """
    found: list[tuple[str, ...]] = []
    _walk(typer.main.get_command(app), (), found)
    return found


def _walk(command: object, path: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    found.append(path)
    children: Mapping[str, object] = getattr(command, "commands", {})
    for name, child in children.items():
        if not getattr(child, "hidden", False):
            _walk(child, (*path, name), found)


def help_text(app: typer.Typer, path: tuple[str, ...]) -> str:
    """The output of ``csea <path> --help``, at a fixed width, without colour or trailing spaces.

    Raises:
        UnknownCommandError: There is no such command.
    """
    if path not in command_paths(app):
        shown = " ".join(("csea", *path))
        raise UnknownCommandError(f"'{shown}' is not a csea command")
    result = CliRunner().invoke(app, [*path, "--help"], env=dict(_ENV), terminal_width=HELP_WIDTH)
    lines = [line.rstrip() for line in _ANSI.sub("", result.stdout).splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def marked_paths(markdown: str) -> list[tuple[str, ...]]:
    """The command paths named by help markers in a page, in page order."""
    return [tuple(m.group("path").split()) for m in MARKER.finditer(markdown)]


def expand_help_markers(markdown: str, app: typer.Typer) -> str:
    """Replace every help marker with the command's ``--help`` output in a text block.

    Raises:
        UnknownCommandError: A marker names a command that does not exist.
    """

    def replace(match: re.Match[str]) -> str:
        path = tuple(match.group("path").split())
        return "```text\n" + help_text(app, path) + "```"

    return MARKER.sub(replace, markdown)
