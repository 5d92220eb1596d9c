"""Every comment in a YAML text, found the way the parser finds them.

The scanner skips comments, so they are exactly what lies between its tokens and starts
with ``#``: full-line comments, end-of-line comments, comments inside flow collections
(``{a: 1,  # here``) and the comment on a block scalar's header line (``notes: |  # here``),
which the scanner reads as part of the scalar's token. A ``#`` inside a quoted or block
scalar, or in the middle of a plain one (``a#b``), is text, not a comment.

[lost_comments][csea.yamlio.comments.lost_comments] is how a rewrite proves it kept every
comment: the text of each comment before must be found in a comment after (as many times).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from csea.yamlio import reader
from csea.yamlio.lines import Lines

__all__ = ["Comment", "comment_texts", "comments", "lost_comments"]

_COMMENT = re.compile("#[^\r\n\x85\u2028\u2029]*")
_HEADER_COMMENT = re.compile("[ \t](#[^\r\n\x85\u2028\u2029]*)")


@dataclass(frozen=True)
class Comment:
    """One comment: where it starts and its text."""

    start: int
    """Offset of its ``#`` in the text."""
    text: str
    """From the ``#`` to the end of the line, trailing blanks left out."""
    full_line: bool
    """Whether only blanks are before it on its line."""


def comments(text: str) -> list[Comment]:
    """Every comment in a YAML text, in order.

    Raises:
        yaml.YAMLError: The text is not valid YAML.
    """
    lines = Lines(text)
    found: list[Comment] = []
    position = 0
    for token in yaml.scan(text, Loader=reader.loader()):
        start, end = lines.index(token.start_mark), lines.index(token.end_mark)
        if end <= start:
            continue
        found += _between(text, lines, position, start)
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            found += _in_header(text, lines, start)
        position = max(position, end)
    found += _between(text, lines, position, len(text))
    return found


def _between(text: str, lines: Lines, start: int, end: int) -> list[Comment]:
    return [_comment(lines, m.start(), m.group()) for m in _COMMENT.finditer(text, start, end)]


def _in_header(text: str, lines: Lines, start: int) -> list[Comment]:
    """The comment on a block scalar's header line (``|-  # like this``), if any."""
    line_end = lines.next_line(start + 1)
    match = _HEADER_COMMENT.search(text, start, line_end)
    return [_comment(lines, match.start(1), match.group(1))] if match else []


def _comment(lines: Lines, start: int, raw: str) -> Comment:
    return Comment(start, raw.rstrip(" \t"), not lines.prefix(start).strip(" \t"))


def comment_texts(text: str) -> Counter[str]:
    """How many times each comment text occurs in a YAML text."""
    return Counter(comment.text for comment in comments(text))


def lost_comments(before: str, after: str, replaced: Iterable[str] = ()) -> list[str]:
    """The comments of ``before`` that ``after`` no longer has (as many times as lost).

    Args:
        before: The text as it was.
        after: The text as it would be written.
        replaced: Comment texts the rewrite replaced on purpose (a line csea owns).
    """
    missing = comment_texts(before) - comment_texts(after) - Counter(replaced)
    return sorted(missing.elements())
