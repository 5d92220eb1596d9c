"""Where each generated page lives in the site, and relative links between them.

```
catalogue/index.md               the catalogue at a glance
catalogue/pillars/<pillar>.md    one page per pillar, every obligation in full
catalogue/sources/<source>.md    one page per source, its provisions and who answers each
catalogue/crosswalk.md           obligations against sources
```

Paths are relative to the docs directory, with ``/`` separators; links are relative
to the page they appear on, so the site works from any URL prefix and offline.
"""

from __future__ import annotations

import posixpath

from csea.site.markdown import anchor

__all__ = [
    "CATALOGUE_INDEX",
    "CROSSWALK",
    "obligation_href",
    "pillar_path",
    "provision_anchor",
    "provision_href",
    "relative",
    "source_href",
    "source_path",
]

CATALOGUE_INDEX = "catalogue/index.md"
"""The catalogue's overview page."""
CROSSWALK = "catalogue/crosswalk.md"
"""The crosswalk page."""


def pillar_path(pillar_id: str) -> str:
    """The page of one pillar."""
    return f"catalogue/pillars/{pillar_id}.md"


def source_path(source_id: str) -> str:
    """The page of one source."""
    return f"catalogue/sources/{source_id}.md"


def relative(here: str, target: str) -> str:
    """The link from page ``here`` to page ``target`` (both docs-relative paths)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def obligation_href(here: str, pillar_id: str, obligation_id: str) -> str:
    """The link from ``here`` to an obligation's section on its pillar page."""
    return f"{relative(here, pillar_path(pillar_id))}#{anchor(obligation_id)}"


def source_href(here: str, source_id: str) -> str:
    """The link from ``here`` to a source's page."""
    return relative(here, source_path(source_id))


def provision_href(here: str, source_id: str, provision_id: str) -> str:
    """The link from ``here`` to one provision's row on its source's page."""
    return f"{source_href(here, source_id)}#{provision_anchor(provision_id)}"


def provision_anchor(provision_id: str) -> str:
    """The HTML id of a provision's row (``s10.2`` -> ``p-s10-2``)."""
    return "p-" + anchor(provision_id)
