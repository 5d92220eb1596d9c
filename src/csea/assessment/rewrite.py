"""The rewrite engine: comment-keeping edits of an assessment file, verified before writing.

Every command that changes an assessment file people have written in (``init``,
``migrate``, and whatever comes next: imports, approvals) goes through one
[AssessmentEditor][csea.assessment.rewrite.AssessmentEditor]. It edits the text, not a
re-dumped copy ([csea.assessment.text][], [csea.yamlio.edit][]), so every byte it was not
asked to change is kept, and it cannot drop a comment:

- a value it replaces has its comments written again above its key (text unchanged);
- an answer written in flow style (``{...}``) that must change is rewritten in block style,
  its comments kept;
- an answer it removes hands back its comments, which the caller places elsewhere;
- anchors tying an answer to another are cut (the value written out) before either changes;
- before anything is written, the new text must read back as exactly the assessment the
  edits describe, and must still hold the text of every comment of the original (only a
  comment line csea owns may be replaced on purpose). Otherwise nothing is written and a
  ``WriteRefusedError`` says why;
- ``write`` refuses when the file changed since it was read (another csea, an editor).

```python
editor = AssessmentEditor.open(Path("assessment.yaml"))
editor.set_fields("BLOCK-01", status=Status.IMPLEMENTED, owner="Integrity Engineering")
editor.add_items("BLOCK-01", "evidence", EvidenceRef(title="Runbook", path="runbook.md",
                                                     collected=dt.date(2026, 11, 1)))
editor.set_fields("GROOM-01", due=None)             # None removes a field
editor.flag("GROOM-01", ReviewFlag(reason=ReviewReason.CATALOG_CHANGED, note="...",
                                   raised=dt.date(2026, 11, 1)))
editor.set_document(["approval"], {"by": "Head of T&S", "on": dt.date(2026, 12, 1)})
editor.set_first_line("yaml-language-server: $schema=...", replacing="yaml-language-server:")
editor.write()                                      # verified, atomic, refused if changed
```

Values are models or plain data (dates as ``datetime.date``). New answers go in catalogue
order (``add_answer(..., order=ids)``) or before a given answer; ``copy_answer``,
``replace_answer``, ``remove_answer`` and ``add_comments`` serve ``migrate``'s split and merge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from csea.assessment.text import AnswerBlock, parse_assessment_text
from csea.codes import ProblemCode
from csea.errors import InputError, Problem, WriteRefusedError
from csea.fileio import write_atomic
from csea.models import Answer, Assessment, ReviewFlag
from csea.yamlio.anchors import isolate
from csea.yamlio.comments import lost_comments
from csea.yamlio.edit import append_item, remove_key, rename_key, set_value
from csea.yamlio.nodes import has_aliases
from csea.yamlio.reader import YamlDocument, parse_yaml, read_yaml_bytes
from csea.yamlio.validation import validate_document
from csea.yamlio.writer import comment_line, plain_data

__all__ = [
    "AssessmentEditor",
    "ExistingAssessment",
    "flag_over",
    "insert_in_order",
    "read_existing",
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
    raw: bytes = b""
    """The bytes read (checked again just before the file is replaced)."""

    @property
    def bom(self) -> bool:
        """Whether it started with a UTF-8 byte-order mark (kept on rewrite)."""
        return self.raw.startswith(b"\xef\xbb\xbf")

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
    raw, doc = read_yaml_bytes(path, display=str(path))
    assessment, problems = validate_document(Assessment, doc, object_id="assessment")
    if assessment is None:
        raise InputError(problems, f"{path}: not a usable assessment")
    text = raw.decode("utf-8").removeprefix("\ufeff")
    return ExistingAssessment(text, assessment, doc, raw)


class AssessmentEditor:
    """Comment-keeping edits of one assessment's text, verified before they are written."""

    def __init__(self, existing: ExistingAssessment, path: Path | None = None) -> None:
        self.path = path
        """The file, when the text was read from one."""
        self.file = existing.doc.file
        self.original = existing.text
        self.raw: bytes | None = existing.raw if path is not None else None
        self.bom = existing.bom
        self.assessment = existing.assessment
        """The assessment the text will say once the edits are made."""
        self._text = parse_assessment_text(existing.text, self.file)
        self._tied = has_aliases(existing.text)
        self._replaced: list[str] = []

    @classmethod
    def open(cls, path: Path) -> AssessmentEditor:
        """Read and validate an assessment file for editing.

        Raises:
            InputError: The file is unreadable or not a valid assessment.
        """
        return cls(read_existing(path), path)

    @classmethod
    def from_text(cls, text: str, file: str, assessment: Assessment) -> AssessmentEditor:
        """Edit a text csea is writing (not read from a file); ``assessment`` is what it says."""
        existing = ExistingAssessment(text, assessment, parse_yaml(text, file))
        return cls(existing)

    # Answers ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """The answers' ids, in file order."""
        return [block.id for block in self._text.blocks]

    def answer(self, obligation_id: str) -> Answer | None:
        """The answer for an id as it will be written, or ``None``."""
        return self.assessment.answers.get(obligation_id)

    def set_fields(self, obligation_id: str, **fields: Any) -> None:
        """Set fields of an answer (models or plain data); ``None`` removes a field."""
        answer = self._require(obligation_id)
        data = plain_data(answer)
        for name, value in fields.items():
            if value is None:
                data.pop(name, None)
                self._edit(obligation_id, self._editor(remove_key, [obligation_id, name]))
            else:
                data[name] = _plain(value)
                self._edit(
                    obligation_id, self._editor(set_value, [obligation_id, name], data[name])
                )
        self._expect(obligation_id, Answer.model_validate(data))

    def add_items(self, obligation_id: str, name: str, *items: Any) -> None:
        """Add items at the end of a list field of an answer (``evidence``, ``indicators``)."""
        data = plain_data(self._require(obligation_id))
        for item in map(_plain, items):
            data.setdefault(name, []).append(item)
            self._edit(obligation_id, self._editor(append_item, [obligation_id, name], item))
        self._expect(obligation_id, Answer.model_validate(data))

    def flag(self, obligation_id: str, flag: ReviewFlag) -> None:
        """Set an answer's ``review`` flag (replacing the one it had, its comments kept)."""
        self.set_fields(obligation_id, review=flag)

    def replace_answer(self, obligation_id: str, answer: Answer) -> None:
        """Replace a whole answer; the comments inside the old one go above its key."""
        self._require(obligation_id)
        self._edit(obligation_id, self._editor(set_value, [obligation_id], plain_data(answer)))
        self._expect(obligation_id, answer)

    def add_answer(
        self,
        obligation_id: str,
        answer: Answer,
        *,
        notes: Sequence[str] = (),
        carried: Sequence[str] = (),
        order: Sequence[str] = (),
        before: str | None = None,
    ) -> None:
        """Add an answer with comments above it, before ``before`` or in ``order``.

        Args:
            obligation_id: Its id (not yet answered).
            answer: The answer.
            notes: Comment lines csea writes (text only; made safe for one line each).
            carried: Comments from elsewhere in the file (``#`` included), kept as they are.
            order: Ids in catalogue order, to place the answer among the ones it knows.
            before: An answered id to place it right before (instead of ``order``).
        """
        if obligation_id in self.assessment.answers:
            raise ValueError(f"{obligation_id} is already answered")
        block = self._text.new_block(obligation_id, notes, answer, carried)
        self._place(block, order, before)
        self._expect(obligation_id, answer)

    def copy_answer(
        self, obligation_id: str, new_id: str, *, notes: Sequence[str] = (), before: str
    ) -> None:
        """Copy an answer, text and comments, under a new id placed before ``before``.

        ``notes`` (csea's comments for the new id) go above the copied comments.
        """
        answer = self._require(obligation_id)
        self._untie(obligation_id)
        old = self._block(obligation_id)
        carried = AnswerBlock("", old.leading, [], []).comments()
        leading = [self._text.newline, *self._text.comment_lines(notes)]
        leading += self._text.carried_lines(carried)
        body = old.edited(lambda t: rename_key(t, [obligation_id], new_id)).body
        self._place(replace(old, id=new_id, leading=leading, body=body), (), before)
        self._expect(new_id, answer)

    def remove_answer(self, obligation_id: str) -> list[str]:
        """Remove an answer; return the text of its comments, for the caller to place."""
        self._require(obligation_id)
        self._untie(obligation_id)
        block = self._block(obligation_id)
        self._text = self._text.with_blocks([b for b in self._text.blocks if b is not block])
        answers = dict(self.assessment.answers)
        del answers[obligation_id]
        self.assessment = self.assessment.model_copy(update={"answers": answers})
        return block.comments()

    def comments(self, obligation_id: str) -> list[str]:
        """The text of every comment of an answer (above, inside and below it), in order."""
        return self._block(obligation_id).comments()

    def add_comments(self, obligation_id: str, carried: Sequence[str]) -> None:
        """Write comments (``#`` included, as they were) above an answer."""
        block = self._block(obligation_id)
        new = replace(block, leading=[*block.leading, *self._text.carried_lines(carried)])
        self._swap(block, new)

    # The document -------------------------------------------------------------------

    def set_document(self, path: Sequence[str], value: Any, *, before: str = "answers") -> None:
        """Set a value outside the answers (``["catalog", "version"]``, ``["approval"]``).

        A new top-level key goes above ``answers`` (and the comments above it).
        """
        data = self.assessment.model_dump(mode="python", exclude_defaults=True)
        target = data
        for name in path[:-1]:
            target = target.setdefault(name, {})
        target[path[-1]] = _plain(value)
        expected = Assessment.model_validate(data)
        step, newline = self._text.step, self._text.newline
        self._retext(
            set_value(
                self._render(), path, _plain(value), before=before, step=step, newline=newline
            )
        )
        self.assessment = expected

    def set_first_line(self, comment: str, *, replacing: str) -> None:
        """Make ``# comment`` the file's first line, replacing one that starts ``# replacing``."""
        line = f"# {comment_line(comment)}{self._text.newline}"
        prefix = list(self._text.prefix)
        if prefix and prefix[0].startswith(f"# {replacing}"):
            self._replaced.append(prefix[0].rstrip())
            prefix[0] = line
        else:
            prefix.insert(0, line)
        self._text = replace(self._text, prefix=prefix)

    # The result ---------------------------------------------------------------------

    def text(self) -> str:
        """The new text (without byte-order mark), verified.

        Raises:
            WriteRefusedError: It would not say exactly the intended assessment, or it
                would lose a comment (a csea bug): nothing is written.
        """
        text = self._render()
        doc = parse_yaml(text, self.file)
        parsed, problems = validate_document(Assessment, doc, object_id="assessment")
        same = parsed == self.assessment and parsed is not None
        if not same or list(parsed.answers) != self.ids():  # type: ignore[union-attr]
            detail = "; ".join(str(p) for p in problems) or "the answers would change"
            raise self._bug(detail)
        lost = lost_comments(self.original, text, self._replaced)
        if lost:
            raise self._bug(f"these comments would be lost: {'; '.join(lost)}")
        return text

    @property
    def changed(self) -> bool:
        """Whether the text differs from what was read."""
        return self._render() != self.original

    def content(self) -> str:
        """The verified text as the file will hold it (with its byte-order mark, if any)."""
        return ("\ufeff" if self.bom else "") + self.text()

    def write(self, path: Path | None = None, *, expect: bytes | None = None) -> None:
        """Write the verified text atomically (to ``path``, or where it was read from).

        Args:
            path: Where to write; by default the file it was read from.
            expect: For another ``path``: the bytes it held when checked (``None``: none).

        Raises:
            WriteRefusedError: As [text][csea.assessment.rewrite.AssessmentEditor.text], or
                the file changed since it was read, or it could not be written.
        """
        target = path or self.path
        if target is None:
            raise ValueError("no file to write: give a path")
        known = self.raw if path is None or path == self.path else expect
        write_atomic(target, self.content(), expect=known)

    # Inside -------------------------------------------------------------------------

    def _require(self, obligation_id: str) -> Answer:
        answer = self.assessment.answers.get(obligation_id)
        if answer is None:
            raise KeyError(obligation_id)
        return answer

    def _block(self, obligation_id: str) -> AnswerBlock:
        block = self._text.block(obligation_id)
        if block is None:
            raise KeyError(obligation_id)
        return block

    def _editor(
        self, edit: Callable[..., str], path: list[str], *value: Any
    ) -> Callable[[str], str]:
        """An edit of [csea.yamlio.edit][], in this file's indentation and line ending."""
        step, newline = self._text.step, self._text.newline

        def run(text: str) -> str:
            return edit(text, path, *value, step=step, newline=newline)

        return run

    def _edit(self, obligation_id: str, edit: Callable[[str], str]) -> None:
        self._untie(obligation_id)
        block = self._block(obligation_id)
        self._swap(block, block.edited(edit))

    def _swap(self, old: AnswerBlock, new: AnswerBlock) -> None:
        self._text = self._text.with_blocks([new if b is old else b for b in self._text.blocks])

    def _place(self, block: AnswerBlock, order: Sequence[str], before: str | None) -> None:
        blocks = list(self._text.blocks)
        if before is not None:
            at = blocks.index(self._block(before))
            blocks = [*blocks[:at], block, *blocks[at:]]
        else:
            blocks = insert_in_order(blocks, block, list(order))
        self._text = self._text.with_blocks(blocks)

    def _expect(self, obligation_id: str, answer: Answer) -> None:
        answers = {**self.assessment.answers, obligation_id: answer}
        self.assessment = self.assessment.model_copy(update={"answers": answers})

    def _untie(self, obligation_id: str) -> None:
        """Cut the anchors tying this answer to the rest of the file (see ``isolate``)."""
        if not self._tied:
            return
        before = "".join([*self._text.prefix, *self._text.header])
        for block in self._text.blocks:
            if block.id == obligation_id:
                text = self._render()
                self._retext(isolate(text, len(before), len(before) + len(block.text())))
                return
            before += block.text()

    def _retext(self, text: str) -> None:
        self._text = parse_assessment_text(text, self.file)
        self._tied = has_aliases(text)

    def _render(self) -> str:
        return self._text.render()

    def _bug(self, detail: str) -> WriteRefusedError:
        return WriteRefusedError(
            f"could not update {self.file} without changing what it says ({detail}); nothing "
            "was written; please report this as a csea bug"
        )


def flag_over(previous: ReviewFlag | None, flag: ReviewFlag) -> ReviewFlag:
    """``flag``, keeping the note of a flag the answer already had (nobody cleared it yet)."""
    if previous is None:
        return flag
    note = f"{flag.note} (earlier flag, {previous.reason.value}: {previous.note})"
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


def _plain(value: Any) -> Any:
    """A value as plain data for YAML (models without defaults, enums as their values)."""
    if isinstance(value, BaseModel):
        return plain_data(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
