r"""One escaping function per output language: text from users and the catalogue stays inert.

An owner, a note, an evidence title or a catalogue title can hold anything: terminal markup
(``[link=...]``, ``:fire:``), escape sequences, a right-to-left override, HTML, a
``javascript:`` link, a spreadsheet formula, ``]]>``. Every output csea writes passes such
text through the function of its language, so it shows as written and does nothing:

```
output      function                  what it does
terminal    terminal(), SafeConsole   no markup, emoji or links read; controls shown escaped
                                      (SafeConsole: csea.render.console)
Markdown    markdown()                punctuation backslash-escaped, one line, controls escaped
HTML        html()                    <>&"' as entities, controls escaped (the HTML report's
                                      Jinja environment applies it to every value)
CSS string  css_string()              a quoted string of letters, digits, spaces and hex
                                      escapes (the printed report's page margins)
XML         xml()                     controls escaped: legal XML 1.0 (the serializer escapes <&)
CSV, xlsx   spreadsheet_cell()        controls escaped, a leading formula character
                                      (= + - @, tab, CR, LF) neutralised with an apostrophe
JSON        csea.fileio.dumps_json    controls and bidirectional characters as \uXXXX escapes
other text  csea.safetext.visible     controls and bidirectional characters shown escaped
```

A new output format uses the function of its language.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup
from markupsafe import escape as _html_escape

from csea.safetext import visible

if TYPE_CHECKING:
    from rich.text import Text

__all__ = [
    "FORMULA_START",
    "css_string",
    "html",
    "markdown",
    "spreadsheet_cell",
    "terminal",
    "xml",
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
"""Characters that make a spreadsheet read a cell as a formula when they come first."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&${}])")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def terminal(text: str, style: str = "") -> Text:
    """Text for a rich renderable: shown as written (no markup, emoji or links), controls escaped."""
    from rich.text import Text  # noqa: PLC0415 - rich only where a terminal is written

    return Text(visible(text), style=style)


def markdown(text: str) -> str:
    """Text safe anywhere in Markdown: on one line, punctuation escaped, controls shown escaped.

    HTML, links, images, emphasis, headings and table pipes all lose their meaning.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))


def html(text: str) -> Markup:
    """Text safe in HTML (element content or a quoted attribute), controls shown escaped."""
    return _html_escape(visible(text))


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string that cannot end early (for the page margins' ``content``).

    Every character but ASCII letters, digits and spaces becomes a six-digit hexadecimal
    escape and a space (which the escape consumes, so a space after it stays a space), so no
    quote, backslash, ``<`` or line break reaches the stylesheet as itself.
    """
    escaped = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == " ") else f"\\{ord(ch):06x} "
        for ch in visible(text)
    )
    return Markup(f'"{escaped}"')  # nothing but [A-Za-z0-9 ] and escapes inside the quotes


def xml(text: str) -> str:
    """Text an XML 1.0 document can hold, controls shown escaped (the serializer escapes ``<&``)."""
    return _NOT_XML.sub("\ufffd", visible(text))


def spreadsheet_cell(text: str, *, lines: bool = False) -> str:
    """Text for a CSV or spreadsheet cell: never read as a formula, controls shown escaped.

    Args:
        text: The cell's text.
        lines: Keep its lines (a spreadsheet cell that wraps); by default the text is put
            on one line, so each CSV row is one line.
    """
    shown = visible(text)
    if not lines and "\n" in shown:
        shown = " ".join(shown.split())
    return "'" + shown if shown.startswith(FORMULA_START) else shown
