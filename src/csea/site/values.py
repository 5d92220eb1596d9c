"""The profile's accepted values, each with its meaning, generated from csea's vocabulary.

A hand-written page shows one list by putting a marker on a line of its own:

```text
<!-- csea-values: Feature -->
```

which [expand_value_markers][csea.site.values.expand_value_markers] replaces with a table of
the enum's values and the meaning its declaration gives each one (the docstring under the
member in ``csea/models/vocabulary.py``), so the page cannot drift from the code.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
from enum import StrEnum
from functools import cache

from csea.models import vocabulary
from csea.site.markdown import table, text

__all__ = ["MARKER", "expand_value_markers", "meanings", "values_table"]

MARKER = re.compile(r"^<!-- csea-values: (?P<name>[A-Za-z]+) -->$", re.MULTILINE)
"""A line asking for the table of one vocabulary."""


@cache
def meanings() -> dict[str, dict[str, str]]:
    """Enum name -> member name -> the docstring written under the member."""
    tree = ast.parse(inspect.getsource(vocabulary))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = _member_docs(node.body)
    return found


def _member_docs(body: list[ast.stmt]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.targets[0].id] = following.value.value
    return docs


def values_table(name: str) -> str:
    """The values of one vocabulary (``Feature``) with their meanings, as a Markdown table.

    Raises:
        KeyError: No vocabulary has that name, or a value has no meaning written.
    """
    kind = getattr(vocabulary, name)
    if not (isinstance(kind, type) and issubclass(kind, StrEnum)):
        raise KeyError(name)
    docs = meanings()[name]
    rows = [(f"`{member.value}`", text(docs[member.name])) for member in kind]
    return table(["Value", "Meaning"], rows)


def expand_value_markers(markdown: str) -> str:
    """Replace every ``csea-values`` marker with its table."""
    return MARKER.sub(lambda match: values_table(match.group("name")), markdown)
