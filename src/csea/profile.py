"""Reading a service profile (``profile.yaml``)."""

from __future__ import annotations

import os
from pathlib import Path

from csea.errors import InputError
from csea.models import ServiceProfile
from csea.validation import validate_document
from csea.yamlio import read_yaml

__all__ = ["load_profile"]


def load_profile(path: str | os.PathLike[str]) -> ServiceProfile:
    """Read and validate a service profile.

    Raises:
        InputError: The file is missing or unreadable, or breaks the profile model; every
            problem is listed with its line (an unknown feature lists the accepted values).
    """
    doc = read_yaml(Path(path), display=str(path))
    profile, problems = validate_document(ServiceProfile, doc, object_id="profile")
    if profile is None:
        raise InputError(problems, f"{path}: not a usable service profile")
    return profile
