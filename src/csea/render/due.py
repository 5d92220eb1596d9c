"""``csea due`` output: a table per owner, Markdown, JSON, and an iCalendar file.

The calendar (``--format ics``) has one all-day event per item on its due date, its file
and line in the location and description. Each event's UID is derived from the item's
stable key (organisation, service, kind, obligation, evidence location), never from the
date or the file path, so importing a newer calendar updates the events already there
instead of adding copies. ``DTSTAMP`` is the as-of date, so the same files on the same
day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid

from csea.__about__ import __version__
from csea.evaluation.due import DueItem, DueList
from csea.fileio import dumps_json
from csea.render.escape import markdown as escape
from csea.render.tabular import Cell, Tabular, to_rich
from csea.render.view import DueFormat, Part, View
from csea.safetext import visible

__all__ = ["DueView", "due_calendar", "event_uid"]

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:csea:due")
_COLUMNS = [
    ("owner", "Owner"),
    ("due", "Due"),
    ("kind", "What"),
    ("obligation", "Obligation"),
    ("subject", "About"),
    ("action", "To do"),
    ("where", "Where"),
]


class DueView(View[DueFormat]):
    """What falls due (``csea due``), grouped by owner."""

    def __init__(self, due: DueList) -> None:
        self.due = due

    def render(self, fmt: DueFormat) -> list[Part]:
        """A table and a summary line, Markdown, JSON, or an iCalendar file."""
        match fmt:
            case DueFormat.TABLE if self.due.items:
                return [to_rich(due_table(self.due)), summary(self.due) + "\n"]
            case DueFormat.TABLE:
                return [summary(self.due) + "\n"]
            case DueFormat.MD:
                return [due_markdown(self.due)]
            case DueFormat.JSON:
                return [dumps_json(self.due.model_dump(mode="json"))]
            case DueFormat.ICS:
                return [due_calendar(self.due).decode("utf-8")]


def _where(item: DueItem) -> str:
    return f"{item.file}:{item.line}" if item.line is not None else item.file


def _when(item: DueItem) -> str:
    return f"{item.due.isoformat()} (overdue)" if item.overdue else item.due.isoformat()


def summary(due: DueList) -> str:
    """One line: how many items, how many overdue, for how many owners, by when."""
    overdue = sum(item.overdue for item in due.items)
    owners = len(due.by_owner())
    whose = f" for {due.owner}" if due.owner else f", {owners} owner(s)"
    return (
        f"{len(due.items)} item(s) due by {due.until.isoformat()} ({overdue} overdue){whose}; "
        f"as of {due.as_of.isoformat()}"
    )


def due_table(due: DueList) -> Tabular:
    """One row per item, the owner named on the first row of each group."""
    rows: list[dict[str, Cell]] = []
    for owner, items in due.by_owner().items():
        for index, item in enumerate(items):
            rows.append(
                {
                    "owner": owner if index == 0 else "",
                    "due": _when(item),
                    "kind": item.kind.value.replace("_", " "),
                    "obligation": item.obligation_id or "",
                    "subject": item.subject,
                    "action": item.action,
                    "where": _where(item),
                }
            )
    return Tabular(title=f"Due by {due.until.isoformat()}", columns=_COLUMNS, rows=rows)


def due_markdown(due: DueList) -> str:
    """A section per owner, each a table."""
    lines = [f"# Due by {due.until.isoformat()}", "", escape(summary(due)) + "."]
    for owner, items in due.by_owner().items():
        lines += ["", f"## {escape(owner)}", ""]
        lines += [
            "| Due | What | Obligation | About | To do | Where |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            "| "
            + " | ".join(
                escape(cell)
                for cell in (
                    _when(item),
                    item.kind.value.replace("_", " "),
                    item.obligation_id or "",
                    item.subject,
                    item.action,
                    _where(item),
                )
            )
            + " |"
            for item in items
        ]
    return "\n".join(lines) + "\n"


def event_uid(item: DueItem) -> str:
    """The calendar UID of an item: from its stable key, so a re-import updates it."""
    return f"{uuid.uuid5(_NAMESPACE, item.key)}@csea"


def due_calendar(due: DueList) -> bytes:
    """The items as an iCalendar (RFC 5545) file: one all-day event each."""
    from icalendar import Calendar, Event  # noqa: PLC0415 - only --format ics needs it

    calendar = Calendar()
    calendar.add("prodid", f"-//csea//csea {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"csea: due by {due.until.isoformat()}")
    stamp = dt.datetime.combine(due.as_of, dt.time(), tzinfo=dt.UTC)
    for item in sorted(due.items, key=lambda i: (i.due, i.key)):
        event = Event()
        event.add("uid", event_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("summary", visible(f"{item.obligation_id or item.service}: {item.action}"))
        event.add("location", visible(_where(item)))
        event.add("description", _description(item))
        event.add("categories", ["csea", item.kind.value])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _description(item: DueItem) -> str:
    lines = [
        f"{item.service} ({item.organisation})",
        f"About: {item.subject}",
        f"To do: {item.action}",
        f"Owner: {item.owner or 'nobody named'}",
        f"Where: {_where(item)}",
    ]
    return "\n".join(visible(line) for line in lines)
