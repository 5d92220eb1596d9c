"""The answers to ``csea profile new`` given beforehand: an answers file and ``--answer`` options.

Without a terminal they are all the interview has, so each is read as the one-line answer a
person would type, and every problem is collected for the interview to list with its own.
"""

from __future__ import annotations

from csea.assessment.interview import problem
from csea.errors import InputError, Problem

__all__ = ["given_answers"]


def given_answers(
    file_answers: object, options: list[str], file: str
) -> tuple[dict[str, str], list[Problem]]:
    """The answers from an answers file (parsed YAML, or None) and ``NAME=ANSWER`` options.

    A list or mapping in the file is read as the words of a one-line answer
    (``[voice_chat, group_chats]``, ``{GB: 2000000}``); options win over the file. Returns the
    answers and the problems found (a name answer that is not text, an option with no ``=``),
    for [interview][csea.assessment.interview.interview] to list with its own.

    Raises:
        InputError: The file is not a mapping of question names to answers.
    """
    if file_answers is not None and not isinstance(file_answers, dict):
        raise InputError([], f"{file}: expected a mapping of question names to answers")
    given: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in (file_answers or {}).items():
        if key in ("organisation", "service") and isinstance(value, list | dict):
            problems.append(problem(str(key), f"{file}: expected the name as text"))
            continue
        given[str(key)] = _answer_text(value)
    for item in options:
        key, equals, value = item.partition("=")
        if not equals:
            problems.append(problem(key, f"--answer {item!r}: expected NAME=ANSWER"))
            continue
        given[key.strip()] = value
    return given, problems


def _answer_text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)
