"""The console every terminal line goes through: no markup, emoji or links read, controls escaped.

Its own module, so that only commands that print to a terminal (or render a table as text)
import rich; ``csea check --format json`` does not.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from csea.safetext import visible

__all__ = ["SafeConsole"]


class SafeConsole(Console):
    """A rich console that never reads markup or emoji codes, and shows controls escaped.

    Every string it is given (a printed line, a table cell, a title) is shown as written; csea
    builds every console it prints with from this class.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        """A string as text: markup and emoji codes kept as written, controls escaped."""
        options.update(markup=False, emoji=False)
        return super().render_str(visible(text), **options)
