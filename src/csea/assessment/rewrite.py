"""Rewriting an assessment file safely: read it first, place new answers, verify the result.

Shared by ``csea init`` and ``csea migrate``. The file is read and validated before
anything is planned (a file csea cannot read is never written over), new answers go
in catalogue order, a new review flag keeps the note of one a person has not cleared
yet, and the rewritten text must read back as exactly the intended assessment before
it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from csea.assessment.text import AnswerBlock
from csea.codes import ProblemCode
from csea.errors import InputError, Problem, WriteRefusedError
from csea.models import Assessment, ReviewFlag
from csea.yamlio.reader import YamlDocument, parse_yaml, read_yaml
from csea.yamlio.validation import validate_document

__all__ = [
    "ExistingAssessment",
    "flag_over",
    "insert_in_order",
    "read_existing",
    "verified_text",
]


@dataclass(frozen=True)
class ExistingAssessment:
    """An assessment file read before csea rewrites it."""

    text: str
    """Its text, without a byte-order mark."""
    assessment: Assessment
    """What it says."""
    doc: YamlDocument
    """The parsed file, for line numbers."""
    bom: bool = False
    """Whether it started with a UTF-8 byte-order mark (kept on rewrite)."""

    def error(self, loc: list[str], code: ProblemCode, message: str) -> InputError:
        """An error about the value at ``loc`` in this file, with its line and column."""
        line, column = self.doc.locate(loc)
        problem = Problem(
            code=code,
            message=message,
            file=self.doc.file,
            line=line,
            column=column,
            field=".".join(loc),
        )
        return InputError([problem], f"{self.doc.file}: {message}")


def read_existing(path: Path) -> ExistingAssessment:
    """Read and validate an assessment file (its own fields only, not its profile).

    Raises:
        InputError: The file is unreadable or not a valid assessment (file and line given).
    """
    doc = read_yaml(path, display=str(path))
    assessment, problems = validate_document(Assessment, doc, object_id="assessment")
    if assessment is None:
        raise InputError(problems, f"{path}: not a usable assessment")
    text = path.read_bytes().decode("utf-8")
    bom = text.startswith("\ufeff")
    return ExistingAssessment(text.removeprefix("\ufeff"), assessment, doc, bom)


def verified_text(text: str, file: str, expected: Assessment) -> str:
    """Return ``text`` after checking it reads back as exactly ``expected``.

    Raises:
        WriteRefusedError: It does not (a csea bug): nothing is written.
    """
    doc = parse_yaml(text, file)
    parsed, problems = validate_document(Assessment, doc, object_id="assessment")
    same_order = parsed is not None and list(parsed.answers) == list(expected.answers)
    if parsed != expected or not same_order:
        detail = "; ".join(str(p) for p in problems) or "the answers would change"
        raise WriteRefusedError(
            f"could not update {file} without changing what it says ({detail}); nothing was "
            "written; please report this as a csea bug"
        )
    return text


def flag_over(block: AnswerBlock, flag: ReviewFlag) -> ReviewFlag:
    """``flag``, keeping the note of a flag the answer already had (a person has not cleared it)."""
    earlier = block.answer.review
    if earlier is None:
        return flag
    note = f"{flag.note} (earlier flag, {earlier.reason.value}: {earlier.note})"
    return flag.model_copy(update={"note": note})


def insert_in_order(
    blocks: list[AnswerBlock], block: AnswerBlock, order: list[str]
) -> list[AnswerBlock]:
    """Insert a block in catalogue order among the blocks the catalogue knows.

    It goes right after the last block that comes before it in ``order``; when there
    is none, right before the first that comes after it. Blocks for ids not in
    ``order`` (retired, or unknown) do not move.
    """
    rank = {oid: index for index, oid in enumerate(order)}
    mine = rank.get(block.id, len(order))
    earlier = [i for i, b in enumerate(blocks) if rank.get(b.id, mine) < mine]
    later = (i for i, b in enumerate(blocks) if rank.get(b.id, -1) > mine)
    at = earlier[-1] + 1 if earlier else next(later, len(blocks))
    return [*blocks[:at], block, *blocks[at:]]
