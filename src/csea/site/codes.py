"""The code reference: every problem code and finding code, generated from [csea.codes][].

The whole reference is a page of its own ([CODES][csea.site.codes.CODES]); a hand-written
page can also show one table by putting a marker on a line of its own:

```text
<!-- csea-codes: finding -->
```

which [expand_code_markers][csea.site.codes.expand_code_markers] replaces with the table of
finding codes (``problem`` for the problem codes).
"""

from __future__ import annotations

import re

from csea.codes import FindingCode, ProblemCode
from csea.site.markdown import table, text

__all__ = ["CODES", "codes_page", "codes_table", "expand_code_markers"]

CODES = "reference/codes.md"
"""The code reference page."""

MARKER = re.compile(r"^<!-- csea-codes: (?P<kind>problem|finding) -->$", re.MULTILINE)
"""A line asking for one table of codes."""

_INTRO = """\
# Codes

Every problem and every finding csea reports carries a **code**: a short, stable name that
JSON output (`csea catalog validate`, `csea check` and `csea report` with `--format json`)
and JUnit output carry, so scripts and CI can match on it. A code is never renamed or
reused; a new one is added here first. This page is generated from `csea.codes`, where each
code is declared once with its level and meaning.
"""

_PROBLEMS = """\
## Problem codes

A **problem** is something wrong with an input: a file csea cannot read, a value its model
refuses, a catalogue check it fails, an option it cannot use. It is printed as
`file:line:column: severity [code] message`. An **error** makes the input unusable (the
command exits 2; `csea catalog validate` exits 1); a **warning** does not.
"""

_FINDINGS = """\
## Finding codes

A **finding** is something in an assessment that needs attention (see
[statuses and findings](../concepts/statuses.md)). Its level is fixed, or **escalates**:
an error when the obligation is a legal duty for the service, a warning otherwise.
`csea check --fail-on LEVEL` exits 1 when a finding at or above that level exists.
"""


def codes_table(kind: str) -> str:
    """The table of ``problem`` or ``finding`` codes: code, level, when it is reported.

    Raises:
        ValueError: ``kind`` is neither ``problem`` nor ``finding``.
    """
    if kind == "problem":
        rows = [[f"`{c.value}`", c.severity.value, text(c.meaning)] for c in ProblemCode]
        return table(["Code", "Severity", "When"], rows)
    if kind == "finding":
        rows = [[f"`{c.value}`", c.level.value, text(c.meaning)] for c in FindingCode]
        return table(["Code", "Level", "When"], rows)
    raise ValueError(f"no codes of kind {kind!r}; expected 'problem' or 'finding'")


def codes_page() -> str:
    """The Markdown of the code reference page."""
    return "\n".join(
        [
            "[](){#csea.codes}\n",
            _INTRO,
            "[](){#csea.codes.ProblemCode}\n",
            _PROBLEMS,
            codes_table("problem"),
            "[](){#csea.codes.FindingCode}\n",
            _FINDINGS,
            codes_table("finding"),
        ]
    )


def expand_code_markers(markdown: str) -> str:
    """Replace every ``<!-- csea-codes: KIND -->`` line with that table of codes."""
    return MARKER.sub(lambda match: codes_table(match.group("kind")), markdown)
