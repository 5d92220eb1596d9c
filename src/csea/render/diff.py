"""``csea diff`` output: a terminal table, Markdown for a pull request, and JSON."""

from __future__ import annotations

from typing import Any

from csea.assessment.diff import AnswerChange, AssessmentDiff
from csea.fileio import dumps_json
from csea.render.escape import markdown
from csea.render.tabular import Cell, Tabular, to_rich
from csea.render.view import DiffFormat, Part, View

__all__ = ["DiffView"]

_COLUMNS = [
    ("obligation", "Obligation"),
    ("title", "Title"),
    ("change", "Change"),
    ("old", "Old"),
    ("new", "New"),
    ("detail", "Detail"),
]


class DiffView(View[DiffFormat]):
    """What changed between two assessments of one service (``csea diff``)."""

    def __init__(self, diff: AssessmentDiff) -> None:
        self.diff = diff

    def render(self, fmt: DiffFormat) -> list[Part]:
        """A table and a summary line (or one line: no changes), Markdown, or JSON."""
        match fmt:
            case DiffFormat.JSON:
                return [diff_json(self.diff)]
            case DiffFormat.MD:
                return [diff_markdown(self.diff)]
            case DiffFormat.TABLE if self.diff.changes:
                return [to_rich(diff_table(self.diff)), diff_summary(self.diff) + "\n"]
            case DiffFormat.TABLE:
                return [f"{diff_heading(self.diff)}: no changes\n"]


def diff_heading(diff: AssessmentDiff) -> str:
    """One line naming the service and the two files."""
    return (
        f"{diff.service} ({diff.organisation}): {diff.old_file} ({diff.old_catalog}) -> "
        f"{diff.new_file} ({diff.new_catalog})"
    )


def diff_summary(diff: AssessmentDiff) -> str:
    """How many changes of each kind, in one line."""
    counts = diff.counts()
    if not counts:
        return "no changes"
    return ", ".join(f"{count} {kind.replace('_', ' ')}" for kind, count in counts.items())


def diff_table(diff: AssessmentDiff) -> Tabular:
    """The changes as a table."""
    return Tabular(title=diff_heading(diff), columns=_COLUMNS, rows=[_row(c) for c in diff.changes])


def diff_markdown(diff: AssessmentDiff) -> str:
    """The changes as Markdown: a heading, a summary line and a table."""
    lines = [
        f"## Assessment changes: {_cell(diff.service)} ({_cell(diff.organisation)})",
        "",
        f"{_cell(diff.old_file)} ({_cell(diff.old_catalog)}) to {_cell(diff.new_file)} "
        f"({_cell(diff.new_catalog)}); "
        f"evidence expiry judged on {diff.as_of.isoformat()}.",
        "",
        f"**Summary:** {diff_summary(diff)}.",
    ]
    if diff.changes:
        lines += ["", "| " + " | ".join(h for _, h in _COLUMNS) + " |"]
        lines.append("|" + "---|" * len(_COLUMNS))
        for change in diff.changes:
            row = _row(change)
            lines.append("| " + " | ".join(_cell(row[key]) for key, _ in _COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def diff_json(diff: AssessmentDiff) -> str:
    """The diff as JSON, with the counts of each kind."""
    data: dict[str, Any] = diff.model_dump(mode="json")
    data["counts"] = diff.counts()
    return dumps_json(data)


def _row(change: AnswerChange) -> dict[str, Cell]:
    return {
        "obligation": change.obligation_id,
        "title": change.title,
        "change": change.kind.value.replace("_", " "),
        "old": change.old,
        "new": change.new,
        "detail": change.detail,
    }


def _cell(value: Cell) -> str:
    """Text safe in Markdown: the report's escaping ([csea.render.escape.markdown][])."""
    if value is None:
        return ""
    return markdown(
        value
        if isinstance(value, str)
        else "; ".join(value)
        if isinstance(value, list)
        else str(value)
    )
