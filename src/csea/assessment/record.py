"""The assessment as a record: what an approval covers, and when each answer last changed.

- [content_hash][csea.assessment.record.content_hash] is what ``csea approve`` records: a
  SHA-256 of the assessment's fields (every one but ``approval``) and of its profile, as
  canonical JSON with default values left out, so rewriting a file without changing what
  it says (comments, key order, quoting) keeps the hash, and any change to an answer, the
  catalogue version or the profile does not. It is not a signature: git says who changed
  what.
- [answer_changes][csea.assessment.record.answer_changes] reads the file's git history
  (when it is in a git work tree) to say when each answer's content last changed, its
  ``reviewed_by`` and ``reviewed_on`` aside; a change not committed yet counts as made on
  the as-of date. The review findings compare that with ``reviewed_on``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from csea.assessment.load import LoadedAssessment
from csea.errors import InputError
from csea.models import Answer, Assessment, ServiceProfile

__all__ = ["AnswerChange", "AnswerChanges", "answer_changes", "content_hash"]

_REVIEW_FIELDS = {"reviewed_by", "reviewed_on"}
_MAX_VERSIONS = 200
"""How far back the history is read at most (the newest versions matter)."""


def content_hash(assessment: Assessment, profile: ServiceProfile) -> str:
    """``sha256:<hex>`` of what an approval covers: the assessment but its approval, and the profile."""
    data = {
        "assessment": assessment.model_dump(
            mode="json", exclude={"approval"}, exclude_defaults=True
        ),
        "profile": profile.model_dump(mode="json", exclude_defaults=True),
    }
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AnswerChange:
    """When an answer's content last changed."""

    on: dt.date
    """The day: the commit's date, or the as-of date for a change not committed yet."""
    commit: str | None
    """The commit (abbreviated hash), or None for a change not committed yet."""


@dataclass(frozen=True)
class AnswerChanges:
    """When each answer last changed, as far back as the history was read."""

    since: dt.date
    """Changes on or after this day are all known; older ones may be missing."""
    last: Mapping[str, AnswerChange]
    """Obligation id -> its last change (answers with no change since ``since`` left out)."""


def answer_changes(
    loaded: LoadedAssessment, since: dt.date, as_of: dt.date
) -> AnswerChanges | None:
    """When each answer of an assessment on disk last changed, from its git history.

    Reads back from the newest commit until one older than ``since``. None when the file
    is not in a git work tree, git is missing, or the file was never committed.
    """
    # Imported here: only an approval's review reads git history (faster start for the rest).
    from csea.assessment.history import assessment_history  # noqa: PLC0415

    try:
        versions = assessment_history(loaded.path, limit=_MAX_VERSIONS)
    except InputError:
        return None
    if not versions:
        return None
    newer = _contents(loaded.assessment.answers)
    found: dict[str, AnswerChange] = {}
    label = AnswerChange(as_of, None)
    for version in versions:
        try:
            older = _contents(_raw_answers(version.data()))
        except InputError:
            break
        for oid in newer.keys() | older.keys():
            if newer.get(oid) != older.get(oid):
                found.setdefault(oid, label)
        newer = older
        label = AnswerChange(version.revision.committed.date(), version.revision.ref)
        if label.on < since:
            break
    return AnswerChanges(since, found)


def _raw_answers(data: Any) -> dict[str, Any]:
    answers = data.get("answers") if isinstance(data, dict) else None
    return answers if isinstance(answers, dict) else {}


def _contents(answers: Mapping[str, Any]) -> dict[str, str]:
    """Each answer's content as canonical text, its review fields left out."""
    return {str(oid): _content(answer) for oid, answer in answers.items()}


def _content(answer: Any) -> str:
    try:
        model = answer if isinstance(answer, Answer) else Answer.model_validate(answer or {})
    except ValidationError:
        return "invalid:" + json.dumps(answer, sort_keys=True, default=str)
    data = model.model_dump(mode="json", exclude=_REVIEW_FIELDS, exclude_defaults=True)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
