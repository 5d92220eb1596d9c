r"""Text from users and the catalogue made inert: invisible and control characters shown visibly.

Assessment files and catalogues are written by people and may be hostile. A value can hold
characters that act instead of show: an escape sequence (``ESC [2J`` clears a terminal), a
right-to-left override (U+202E reverses what follows), a line separator (U+2028 starts a new
line in YAML 1.1 parsers and some editors), a NUL. Wherever csea shows such text to a person
(a terminal, a message, a comment it writes into a YAML file, a report), these characters are
replaced by a visible escape such as ``\x1b`` or ``\u202e``; everything else (letters of any
script, emoji, punctuation) is kept as it is.

```
visible(text)    controls, bidi controls and separators escaped; line breaks and tabs kept
one_line(text)   the same, and line breaks escaped too (for one line of a table or comment)
```

The escaping functions of each output language (Markdown, HTML, XML, CSV, the terminal) live in
[csea.render.escape][]; they all start from these two.
"""

from __future__ import annotations

import re

__all__ = ["INVISIBLE", "one_line", "visible"]

INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and line feed) and C1 controls, DEL
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional controls
    "\u2028\u2029\ufeff\ufff9-\ufffb]"  # line and paragraph separators, BOM, annotations
)
"""Characters that act rather than show; [visible][csea.safetext.visible] escapes them."""

_BREAKS = re.compile("\r\n|[\n\r]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""``text`` with every character of [INVISIBLE][csea.safetext.INVISIBLE] escaped.

    Line feeds and tabs are kept; a carriage return is shown as ``\r``, an escape
    character as ``\x1b``, a right-to-left override as ``\u202e``.
    """
    return INVISIBLE.sub(_escape, text)


def one_line(text: str) -> str:
    r"""``text`` made visible on a single line: each line break (LF, CR LF, CR) shown as ``\n``."""
    return visible(_BREAKS.sub("\n", text)).replace("\n", "\\n")
