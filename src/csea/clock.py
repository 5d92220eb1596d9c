"""Today's date, with one override so runs (and tests, and CI) are reproducible.

Commands that judge "as of" a date (``csea applicable``, ``csea check``) default to
today. Setting ``CSEA_TODAY=2026-11-20`` in the environment fixes that date, so the
same files give the same output on any day.
"""

from __future__ import annotations

import datetime as dt
import os

from csea.codes import ProblemCode
from csea.errors import InputError, Problem

__all__ = ["today"]

TODAY_VARIABLE = "CSEA_TODAY"
"""The environment variable that overrides today's date (``YYYY-MM-DD``)."""


def today() -> dt.date:
    """Today's date, or the date in ``CSEA_TODAY`` when it is set.

    Raises:
        InputError: ``CSEA_TODAY`` is set but is not a date.
    """
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = f"{TODAY_VARIABLE} is '{value}'; expected a date such as 2026-11-20"
        raise InputError([Problem(code=ProblemCode.BAD_DATE, message=message)], message) from None
