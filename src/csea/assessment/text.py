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

Edits replace, add or remove whole blocks, or edit the body of one with
[csea.yamlio.edit][] (comments kept); every other byte is kept. The rewrite engine
([csea.assessment.rewrite][]) is built on this.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import yaml
from yaml.nodes import MappingNode, Node

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Answer
from csea.yamlio.comments import comments
from csea.yamlio.lines import Lines
from csea.yamlio.nodes import compose, content_end, ends_kept, lookup
from csea.yamlio.writer import comment_line, dump_yaml, plain_data

__all__ = ["AnswerBlock", "AssessmentText", "parse_assessment_text", "split_lines"]

_DEFAULT_INDENT = 2


def split_lines(text: str) -> list[str]:
    """The lines of a text, each with its line break, as the YAML parser counts lines."""
    starts = Lines(text).starts
    ends = [*starts[1:], len(text)]
    return [text[a:b] for a, b in zip(starts, ends, strict=True) if b > a]


@dataclass(frozen=True)
class AnswerBlock:
    """The lines of one answer."""

    id: str
    """The obligation id (the key)."""
    leading: list[str]
    """Blank and comment lines right above the key."""
    body: list[str]
    """From the key line to the answer's last line of content."""
    tail: list[str] = field(default_factory=list)
    """Lines between the body and the next block (comments that follow the answer)."""

    def text(self, *, after_kept: bool = False) -> str:
        """The block as text.

        Args:
            after_kept: It follows a block that ends open in a ``|+`` text (see
                [keeps_open][csea.assessment.text.AnswerBlock.keeps_open]): its leading
                blank lines are left out, as they would become part of that text.
        """
        leading = self.leading
        if after_kept:
            first = next((i for i, line in enumerate(leading) if line.strip()), len(leading))
            leading = leading[first:]
        return "".join([*leading, *self.body, *self.tail])

    @cached_property
    def keeps_open(self) -> bool:
        """Whether a blank line written right after this block would change its answer.

        True when nothing follows the body and it ends in a block scalar that keeps its line
        breaks (``notes: |+``), or when csea cannot tell (it then writes no blank line).
        """
        if self.tail:
            return False
        text = "".join(self.body)
        try:
            root = compose(text)
        except yaml.YAMLError:
            return True
        return root is None or ends_kept(root, Lines(text))

    def comments(self) -> list[str]:
        """The text of every comment in the block, in order (each starts with ``#``)."""
        return [comment.text for comment in comments(self.text())]

    def edited(self, edit: Callable[[str], str]) -> AnswerBlock:
        """The block with its body replaced by ``edit(body text)``."""
        return replace(self, body=split_lines(edit("".join(self.body))))


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
            return self._join([*self.prefix, *self.empty_header, *self.suffix])
        blocks = [
            block.text(after_kept=index > 0 and self.blocks[index - 1].keeps_open)
            for index, block in enumerate(self.blocks)
        ]
        return self._join([*self.prefix, *self.header, *blocks, *self.suffix])

    def block(self, obligation_id: str) -> AnswerBlock | None:
        """The block of one answer, or ``None``."""
        return next((b for b in self.blocks if b.id == obligation_id), None)

    def with_blocks(self, blocks: Sequence[AnswerBlock]) -> AssessmentText:
        """The same text with other blocks."""
        return replace(self, blocks=list(blocks))

    def new_block(
        self,
        obligation_id: str,
        notes: Sequence[str],
        answer: Answer,
        carried: Sequence[str] = (),
    ) -> AnswerBlock:
        """A block for a new answer, in this file's indentation, comments above it.

        Args:
            obligation_id: The key.
            notes: Comment lines csea writes (without ``#``; made safe for one line each).
            answer: The answer.
            carried: Comments kept from elsewhere in the file (each starting with ``#``),
                written below ``notes`` exactly as they were.
        """
        leading = [self.newline, *self.comment_lines(notes), *self.carried_lines(carried)]
        key = dump_yaml({obligation_id: None}).rpartition(":")[0]
        body = [f"{' ' * self.key_indent}{key}:", *self._indented(dump_yaml(plain_data(answer)))]
        return AnswerBlock(obligation_id, leading, [line + self.newline for line in body], [])

    def comment_lines(self, notes: Sequence[str]) -> list[str]:
        """Comment lines csea writes above an answer (each made safe for one line)."""
        pad = " " * self.key_indent
        return [f"{pad}# {comment_line(note)}".rstrip() + self.newline for note in notes]

    def carried_lines(self, carried: Sequence[str]) -> list[str]:
        """Existing comments (each starting with ``#``) as lines above an answer, unchanged."""
        return [f"{' ' * self.key_indent}{text}{self.newline}" for text in carried]

    def _indented(self, text: str) -> list[str]:
        pad = " " * (self.key_indent + self.step)
        return [f"{pad}{line}" if line.strip() else line for line in text.splitlines()]

    def _join(self, parts: Sequence[str]) -> str:
        """Join lines, giving each but the last a line break if it lacks one."""
        text = ""
        for part in parts:
            if text and not text.endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
                text += self.newline
            text += part
        return text


def parse_assessment_text(text: str, file: str) -> AssessmentText:
    """Cut an assessment's text (already validated as an assessment) into blocks.

    Raises:
        InputError: ``answers`` is written in flow style (``{...}``) with entries in it,
            which csea cannot extend without rewriting it.
    """
    lines = split_lines(text)
    first = lines[0] if lines else "\n"
    newline = "\r\n" if first.endswith("\r\n") else "\r" if first.endswith("\r") else "\n"
    return replace(_text_of(lines, text, file), newline=newline)


def _text_of(lines: list[str], text: str, file: str) -> AssessmentText:
    pair = lookup(compose(text), "answers")
    if pair is None:
        return AssessmentText(lines, ["answers:\n"], [], [], empty_header=[])
    key, value = pair
    key_line = key.start_mark.line
    if not isinstance(value, MappingNode) or not value.value:
        return _empty_answers(lines, key_line, key.end_mark.column)
    if value.flow_style:
        raise _flow_error(file, key_line)
    return _cut(lines, Lines(text), key_line, value)


def _empty_answers(lines: list[str], key_line: int, key_end: int) -> AssessmentText:
    """Text whose ``answers`` is empty (``answers: {}``): new blocks go under a block key."""
    line = lines[key_line]
    body = line.rstrip("\r\n")
    ending = line[len(body) :] or "\n"
    comment = body[key_end:].partition("#")[2]
    header = body[:key_end] + ":" + (f"  #{comment}" if comment else "") + ending
    return AssessmentText(
        lines[:key_line], [header], [], lines[key_line + 1 :], empty_header=[line]
    )


def _cut(lines: list[str], offsets: Lines, key_line: int, value: MappingNode) -> AssessmentText:
    spans: list[tuple[str, int, int, int]] = []
    floor = key_line + 1
    for key_node, value_node in value.value:
        start = key_node.start_mark.line
        end = _end_line(offsets, value_node, len(lines))
        spans.append((str(key_node.value), _leading_start(lines, start, floor), start, end))
        floor = end
    blocks = []
    for index, (oid, lead, start, end) in enumerate(spans):
        stop = spans[index + 1][1] if index + 1 < len(spans) else end
        blocks.append(AnswerBlock(oid, lines[lead:start], lines[start:end], lines[end:stop]))
    first_key = value.value[0][0].start_mark.column
    inner = next((_child_column(v) for _, v in value.value if _child_column(v) is not None), None)
    return AssessmentText(
        prefix=lines[:key_line],
        header=lines[key_line : spans[0][1]],
        blocks=blocks,
        suffix=lines[spans[-1][3] :],
        key_indent=first_key,
        step=(inner - first_key) if inner and inner > first_key else _DEFAULT_INDENT,
    )


def _child_column(node: Node) -> int | None:
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return int(node.value[0][0].start_mark.column)
    return None


def _end_line(offsets: Lines, node: Node, count: int) -> int:
    """The line after the last line of a value's content."""
    end = offsets.next_line(content_end(node, offsets))
    if end >= len(offsets.text):
        return count
    return bisect.bisect_left(offsets.starts, end)


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
