"""``csea init``, ``csea diff`` and ``csea migrate``: writing and comparing assessment files."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
