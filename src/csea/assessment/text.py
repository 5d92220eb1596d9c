"""The text of an assessment file, cut into answer blocks so csea can edit it without reformatting.

``csea init`` and ``csea migrate`` rewrite a file people have written in: comments,
blank lines, quoting and key order are theirs. Rather than load and re-dump the YAML
(which reformats), this module cuts the text into pieces that concatenate back to the
exact original:

```
prefix     everything before the ``answers:`` key (catalogue, profile, comments)
header     the ``answers:`` line and any loose comments right below it
blocks     one per answer: its leading comments, its key and body, trailing lines
suffix     everything after the last answer
```

Edits replace, add or remove whole blocks, or add a ``review`` flag inside one; every
other byte is kept. Each block also carries the [Answer][csea.Answer] it must parse
back to, so the caller can verify the edited text before writing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Answer, ReviewFlag
from csea.yamlio.writer import dump_yaml, mapping_value, plain_data

__all__ = ["AnswerBlock", "AssessmentText", "parse_assessment_text"]

_DEFAULT_INDENT = 2


@dataclass(frozen=True)
class AnswerBlock:
    """The lines of one answer, and the answer they must parse to."""

    id: str
    """The obligation id (the key)."""
    answer: Answer
    """What the block's text means."""
    leading: list[str]
    """Blank and comment lines right above the key."""
    body: list[str]
    """From the key line to the answer's last line of content."""
    tail: list[str] = field(default_factory=list)
    """Lines between the body and the next block (comments that follow the answer)."""
    child_indent: int | None = None
    """Column of the answer's own keys; None when it is written in flow style (``{...}``)."""
    review: tuple[int, int] | None = None
    """Body lines (start, end) of an existing ``review`` flag."""
    comment: str = ""
    """The comment after a flow-style answer (``# ...``), kept when csea rewrites it."""

    def text(self) -> str:
        """The block as text."""
        return "".join([*self.leading, *self.body, *self.tail])

    def user_comments(self) -> list[str]:
        """The comments above the answer that people wrote (not the ones csea generated)."""
        raw = [line.strip().removeprefix("#") for line in self.leading if line.strip()]
        if raw and raw[0].strip().startswith(f"{self.id}: "):
            raw = raw[1:]
            while raw and _generated(raw[0]):
                raw = raw[1:]
        return [text.strip() for text in raw]

    def comments(self) -> list[str]:
        """Every full-line comment in the block, people's own first (for a rewrite that drops it)."""
        inner = [line.strip() for line in [*self.body, *self.tail] if line.lstrip().startswith("#")]
        return [*self.user_comments(), *(line.removeprefix("#").strip() for line in inner)]


@dataclass(frozen=True)
class AssessmentText:
    """An assessment file cut into prefix, header, answer blocks and suffix."""

    prefix: list[str]
    """Lines before the ``answers`` key."""
    header: list[str]
    """The ``answers:`` line, and loose lines between it and the first answer."""
    blocks: list[AnswerBlock]
    """The answers, in file order."""
    suffix: list[str]
    """Lines after the last answer."""
    key_indent: int = _DEFAULT_INDENT
    """Column of the answer keys."""
    step: int = _DEFAULT_INDENT
    """Indentation step used inside an answer."""
    empty_header: list[str] | None = None
    """How to write ``answers`` when no block is left (``None``: as ``header``)."""
    newline: str = "\n"
    """The file's line ending; lines csea writes get it too."""

    def render(self) -> str:
        """The file's text."""
        if not self.blocks and self.empty_header is not None:
            text = _join([*self.prefix, *self.empty_header, *self.suffix])
        else:
            blocks = (b.text() for b in self.blocks)
            text = _join([*self.prefix, *self.header, *blocks, *self.suffix])
        return re.sub(r"(?<!\r)\n", "\r\n", text) if self.newline == "\r\n" else text

    def block(self, obligation_id: str) -> AnswerBlock | None:
        """The block of one answer, or ``None``."""
        return next((b for b in self.blocks if b.id == obligation_id), None)

    def with_blocks(self, blocks: Sequence[AnswerBlock]) -> AssessmentText:
        """The same text with other blocks."""
        return replace(self, blocks=list(blocks))

    def new_block(self, obligation_id: str, comments: Sequence[str], answer: Answer) -> AnswerBlock:
        """A block for a new answer, written in this file's indentation, comments above it."""
        pad = " " * self.key_indent
        leading = ["\n", *(f"{pad}# {line}".rstrip() + "\n" for line in comments)]
        body = [f"{pad}{obligation_id}:\n", *_indented(_answer_yaml(answer), self._inner())]
        return AnswerBlock(obligation_id, answer, leading, body, [], self._inner())

    def flagged(self, block: AnswerBlock, flag: ReviewFlag) -> AnswerBlock:
        """The block with its ``review`` flag set (added, or replacing the one it had)."""
        answer = block.answer.model_copy(update={"review": flag})
        if block.child_indent is None:
            pad = " " * self.key_indent
            key = f"{pad}{block.id}:" + (f"  {block.comment}" if block.comment else "")
            body = [key + "\n", *_indented(_answer_yaml(answer), self._inner())]
            return replace(block, answer=answer, body=body, child_indent=self._inner())
        lines = _indented(dump_yaml({"review": plain_data(flag)}), block.child_indent)
        start, end = block.review or (len(block.body), len(block.body))
        body = [*_terminated(block.body[:start]), *lines, *block.body[end:]]
        return replace(block, answer=answer, body=body, review=(start, start + len(lines)))

    def renamed(self, block: AnswerBlock, new_id: str, comments: Sequence[str]) -> AnswerBlock:
        """A copy of the block under another id, with new comments above it.

        The comments people wrote above the old answer follow it; the ones csea wrote
        for the old obligation are replaced by ``comments``.
        """
        fresh = self.new_block(new_id, [*comments, *block.user_comments()], block.answer)
        key = re.sub(rf"(?<![\w-]){re.escape(block.id)}(?![\w-])", new_id, block.body[0], count=1)
        return replace(block, id=new_id, leading=fresh.leading, body=[key, *block.body[1:]])

    def _inner(self) -> int:
        return self.key_indent + self.step


def parse_assessment_text(text: str, file: str, answers: dict[str, Answer]) -> AssessmentText:
    """Cut an assessment's text into blocks.

    Args:
        text: The file's text (already validated as an assessment).
        file: The name to use in messages.
        answers: The validated answers, by id (each block carries its own).

    Raises:
        InputError: ``answers`` is written in flow style (``{...}``) with entries in it,
            which csea cannot extend without rewriting it.
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    return replace(_text_of(lines, text, file, answers), newline=newline)


def _text_of(lines: list[str], text: str, file: str, answers: dict[str, Answer]) -> AssessmentText:
    root = YAML(typ="safe", pure=True).compose(text)
    pair = mapping_value(root, "answers")
    if pair is None:
        return AssessmentText(lines, ["answers:\n"], [], [], empty_header=[])
    key, value = pair
    key_line = key.start_mark.line
    if not isinstance(value, MappingNode) or not value.value:
        return _empty_answers(lines, key_line, key.end_mark.column)
    if value.flow_style:
        raise _flow_error(file, key_line)
    return _cut(lines, key_line, value, answers)


def _empty_answers(lines: list[str], key_line: int, key_end: int) -> AssessmentText:
    """Text whose ``answers`` is empty (``answers: {}``): new blocks go under a block key."""
    line = lines[key_line]
    comment = line[key_end:].partition("#")[2].rstrip("\n")
    header = line[:key_end] + ":" + (f"  #{comment}" if comment else "") + "\n"
    return AssessmentText(
        lines[:key_line], [header], [], lines[key_line + 1 :], empty_header=[line]
    )


def _cut(
    lines: list[str], key_line: int, value: MappingNode, answers: dict[str, Answer]
) -> AssessmentText:
    spans: list[tuple[str, int, int, int, Node]] = []
    floor = key_line + 1
    for key_node, value_node in value.value:
        start = key_node.start_mark.line
        end = _last_line(lines, value_node, start) + 1
        spans.append(
            (str(key_node.value), _leading_start(lines, start, floor), start, end, value_node)
        )
        floor = end
    blocks = []
    for index, (oid, lead, start, end, node) in enumerate(spans):
        stop = spans[index + 1][1] if index + 1 < len(spans) else end
        blocks.append(_block(lines, oid, answers[oid], (lead, start, end, stop), node))
    first_key = value.value[0][0].start_mark.column
    inner = next((b.child_indent for b in blocks if b.child_indent is not None), None)
    return AssessmentText(
        prefix=lines[:key_line],
        header=lines[key_line : spans[0][1]],
        blocks=blocks,
        suffix=lines[spans[-1][3] :],
        key_indent=first_key,
        step=(inner - first_key) if inner and inner > first_key else _DEFAULT_INDENT,
    )


def _block(
    lines: list[str], oid: str, answer: Answer, span: tuple[int, int, int, int], node: Node
) -> AnswerBlock:
    lead, start, end, stop = span
    if not isinstance(node, MappingNode) or node.flow_style or not node.value:
        mark = node.end_mark
        after = lines[mark.line][mark.column :].strip() if mark.line < len(lines) else ""
        comment = after if after.startswith("#") else ""
        return AnswerBlock(
            oid, answer, lines[lead:start], lines[start:end], lines[end:stop], comment=comment
        )
    review = None
    found = mapping_value(node, "review")
    if found is not None:
        first = found[0].start_mark.line
        review = (first - start, _last_line(lines, found[1], first) + 1 - start)
    child_indent = node.value[0][0].start_mark.column
    return AnswerBlock(
        oid, answer, lines[lead:start], lines[start:end], lines[end:stop], child_indent, review
    )


_GENERATED = (
    "Applies (",
    "Does not apply",
    "Statement: ",
    "Questions:",
    "Evidence that would show",
)


def _generated(comment: str) -> bool:
    """Whether a comment (the text after ``#``) is one csea writes above an answer."""
    text = comment.removeprefix(" ")
    return text.startswith((*_GENERATED, "- ", "  ")) or not text.strip()


def _leading_start(lines: list[str], key_line: int, floor: int) -> int:
    """First line of the comments (and blank lines above them) that lead up to a key.

    Comments indented deeper than the key belong to the answer above it.
    """
    start = key_line
    column = len(lines[key_line]) - len(lines[key_line].lstrip())
    while start > floor and _comment_within(lines[start - 1], column):
        start -= 1
    while start > floor and not lines[start - 1].strip():
        start -= 1
    return start


def _comment_within(line: str, column: int) -> bool:
    stripped = line.lstrip()
    return stripped.startswith("#") and len(line) - len(stripped) <= column


def _last_line(lines: list[str], node: Node, floor: int) -> int:
    """The 0-based line where a value's content ends (comments and blank lines excluded)."""
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(last, tuple):
            return _last_line(lines, last[1], last[0].start_mark.line)
        return _last_line(lines, last, last.start_mark.line)
    mark = node.end_mark
    line: int = mark.line
    if line >= len(lines) or not lines[line][: mark.column].strip():
        line -= 1
    while line > floor and not lines[line].strip():
        line -= 1
    return max(line, floor)


def _flow_error(file: str, key_line: int) -> InputError:
    problem = Problem(
        code=ProblemCode.FLOW_STYLE_ANSWERS,
        message="'answers' is written in flow style ({...}); csea can only add to answers "
        "written one per line (block style); rewrite it in block style and run again",
        file=file,
        line=key_line + 1,
        field="answers",
    )
    return InputError([problem], f"{file}: answers in flow style")


def _answer_yaml(answer: Answer) -> str:
    return dump_yaml(plain_data(answer))


def _indented(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}{line}" if line.strip() else line for line in text.splitlines(keepends=True)]


def _terminated(lines: Sequence[str]) -> list[str]:
    """The lines, the last one given a line break if it lacks one."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return list(lines)


def _join(parts: Sequence[str]) -> str:
    """Join pieces, giving each piece but the last a final line break if it lacks one."""
    text = ""
    for part in parts:
        if text and not text.endswith("\n"):
            text += "\n"
        text += part
    return text
