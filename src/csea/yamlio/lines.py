"""Lines as the YAML parser counts them, and as people (and editors) count them.

YAML 1.1 parsers (libyaml, PyYAML) count NEL (U+0085), LINE SEPARATOR (U+2028) and
PARAGRAPH SEPARATOR (U+2029) as line breaks; YAML 1.2, csea and editors do not. Inside a
quoted value such a character is text, yet the parser's line numbers move by one after it.
[Lines][csea.yamlio.lines.Lines] turns a parser position into an offset in the text, and
[real_position][csea.yamlio.lines.real_position] into the line and column a person sees.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

__all__ = ["BREAK", "SEPARATORS", "Lines", "real_position"]

BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""What the YAML parser counts as a line break."""
SEPARATORS = ("\x85", "\u2028", "\u2029")
"""Characters the parser counts as line breaks and people do not."""
_REAL_BREAK = re.compile("\r\n|[\n\r]")


class Lines:
    """Where each line of a text starts, as the YAML parser counts lines."""

    def __init__(self, text: str, pattern: re.Pattern[str] = BREAK) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in pattern.finditer(text))]

    def index(self, mark: Any) -> int:
        """The offset of a parser mark (its 0-based line and column) in the text."""
        return int(self.starts[min(mark.line, len(self.starts) - 1)] + mark.column)

    def line_of(self, index: int) -> int:
        """The 0-based line an offset is on."""
        return bisect.bisect_right(self.starts, index) - 1

    def line_start(self, index: int) -> int:
        """The offset where the line holding ``index`` starts."""
        return self.starts[self.line_of(index)]

    def next_line(self, index: int) -> int:
        """The offset where the line after the one holding ``index`` starts (or the end).

        An offset already at the start of a line (other than the first) is returned as it
        is: a region that ends there ends with a line break.
        """
        line = self.line_of(index)
        if index == self.starts[line] and line > 0:
            return index
        return self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)

    def prefix(self, index: int) -> str:
        """The text between the start of its line and ``index``."""
        return self.text[self.line_start(index) : index]


def real_position(text: str) -> Any:
    """A function from the parser's 1-based (line, column) to the one people see.

    Identity when the text holds none of [SEPARATORS][csea.yamlio.lines.SEPARATORS].
    """
    if not any(separator in text for separator in SEPARATORS):
        return lambda line, column: (line, column)
    parser, real = Lines(text), Lines(text, _REAL_BREAK)

    def convert(line: int | None, column: int | None) -> tuple[int | None, int | None]:
        if line is None or line - 1 >= len(parser.starts):
            return line, column
        index = parser.starts[line - 1] + (column or 1) - 1
        at = real.line_of(index)
        return at + 1, (index - real.starts[at] + 1 if column is not None else None)

    return convert
