"""``csea applicable`` and ``csea check``: which obligations apply, and what is missing."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
