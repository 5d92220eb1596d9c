"""``csea report``: the documents a T&S lead hands to leadership, auditors and regulators."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the ``csea`` app."""
