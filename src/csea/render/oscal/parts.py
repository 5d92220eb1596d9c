"""What every OSCAL document csea writes shares: UUIDs, timestamps, properties and text.

OSCAL text fields are Markdown (``markup-line`` and ``markup-multiline``): text from the
catalogue or the user goes through [text][csea.render.oscal.parts.text], so it cannot turn
into markup. A property value must be one line without surrounding spaces
([value][csea.render.oscal.parts.value]). OSCAL lists may not be empty, so
[compact][csea.render.oscal.parts.compact] drops empty lists and absent values.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from csea.render.escape import markdown
from csea.report.build import generated_moment
from csea.report.document import ServiceReport

__all__ = [
    "CSEA_NS",
    "OSCAL_VERSION",
    "Ids",
    "compact",
    "metadata",
    "prop",
    "stable_uuid",
    "text",
    "timestamp",
    "value",
]

OSCAL_VERSION = "1.2.1"
"""The OSCAL version written (the one compliance-trestle 5 models)."""

CSEA_NS = "urn:csea:oscal"
"""The namespace of csea's own property and part names."""

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, CSEA_NS)


def stable_uuid(*parts: str) -> str:
    """A UUID derived from ids: the same ids always give the same UUID.

    It is a name-based (SHA-1) UUID carrying the version number 4, because
    compliance-trestle recognises back-matter references (``#uuid``) only to version 4 UUIDs.
    """
    derived = uuid.uuid5(_NAMESPACE, "/".join(parts))
    return str(uuid.UUID(bytes=derived.bytes, version=4))


def timestamp(day: dt.date, generated_at: str | None = None) -> str:
    """An OSCAL date-time with a zone: ``generated_at`` in UTC when given, else midnight UTC of ``day``."""
    if generated_at is not None:
        moment = generated_moment(generated_at)
    else:
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def text(words: str) -> str:
    """Catalogue or user text as inert OSCAL markup (Markdown punctuation escaped, one line)."""
    return markdown(words)


def value(words: str) -> str:
    """A property value: one line, no surrounding spaces."""
    return " ".join(words.split())


def prop(name: str, content: str, **extra: str) -> dict[str, str]:
    """A property in csea's namespace (``class``, ``group`` or ``remarks`` as keywords)."""
    found = {"name": name, "ns": CSEA_NS, "value": value(content)}
    found.update({key.rstrip("_"): item for key, item in extra.items() if item})
    return found


def metadata(title: str, last_modified: str, version: str, **extra: Any) -> dict[str, Any]:
    """A document's metadata."""
    return compact(
        {
            "title": text(title),
            "last-modified": last_modified,
            "version": value(version),
            "oscal-version": OSCAL_VERSION,
            **extra,
        }
    )


def compact(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without absent values and empty lists (OSCAL forbids empty lists)."""
    return {key: item for key, item in data.items() if item is not None and item != []}


class Ids:
    """The stable UUIDs of one service's documents and their parts."""

    def __init__(self, report: ServiceReport) -> None:
        summary = report.summary
        self.scope = ("service", summary.organisation, summary.service)

    def of(self, *parts: str) -> str:
        """The UUID of something of this service."""
        return stable_uuid(*self.scope, *parts)

    def finding(self, obligation_id: str) -> str:
        """The finding about one obligation."""
        return self.of("finding", obligation_id)

    def observation(self, obligation_id: str, index: int) -> str:
        """The observation of one piece of evidence of one obligation."""
        return self.of("observation", obligation_id, str(index))
