"""``csea profile new``: a short interview that writes a complete, commented service profile.

In the spirit of Ofcom's online-safety regulation checker: about ten plain-language questions
(what users can do, where the service is offered and to how many, whether children use it,
which risks the last risk assessment found), each answered in a line. Every answer is checked
as it is given; the profile written declares every fact (``absent: all others``,
``not_offered_in: all others``), so nothing is assumed for want of a fact.

The questions are data ([QUESTIONS][csea.assessment.interview.QUESTIONS]);
[parse_answer][csea.assessment.interview.parse_answer] checks one answer,
[profile_text][csea.assessment.interview.profile_text] turns the answers into the file's text,
and [write_new_profile][csea.assessment.interview.write_new_profile] writes it, never over an
existing file. The command asks the questions on a terminal, or takes the answers from options
or an answers file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csea.codes import ProblemCode
from csea.errors import InputError, Problem, WriteRefusedError
from csea.fileio import write_atomic
from csea.models import Designation, EnterpriseSize, Feature, Harm, RiskLevel, ServiceKind
from csea.models.jurisdictions import check_jurisdiction
from csea.yamlio.reader import parse_yaml
from csea.yamlio.validation import validate_document

__all__ = [
    "QUESTIONS",
    "Ask",
    "Question",
    "interview",
    "missing_answers",
    "parse_answer",
    "problem",
    "profile_text",
    "write_new_profile",
]


@dataclass(frozen=True)
class Question:
    """One question of the interview."""

    key: str
    """Its name in an answers file and in ``--answer KEY=VALUE``."""
    text: str
    """The question, in plain words."""
    help: str
    """How to answer, with an example."""
    choices: tuple[str, ...] = ()
    """For a question answered from a list: the accepted values."""
    default: str | None = None
    """What an empty answer means (None: an answer is required)."""


def _values(kind: Any) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


QUESTIONS: tuple[Question, ...] = (
    Question("organisation", "Which organisation provides the service?", "its name"),
    Question("service", "What is the service called?", "its name"),
    Question(
        "features",
        "What can users do on it? Name everything that applies.",
        "numbers or names separated by commas, e.g. voice_chat, direct_messages",
        _values(Feature),
    ),
    Question(
        "kinds",
        "What kind of service is it? Name everything that applies.",
        "numbers or names separated by commas, e.g. user_to_user, social_media",
        _values(ServiceKind),
    ),
    Question(
        "users",
        "Where is it offered, and how many monthly active users does it have in each place?",
        "a country code (or EU) and a number for each, e.g. GB 2000000, EU 900000, AU 300000; "
        "it is recorded as offered nowhere else",
    ),
    Question(
        "established_in",
        "Where is the provider established (incorporated or headquartered)?",
        "country codes, e.g. GB",
        default="the first place you named",
    ),
    Question(
        "children_likely",
        "Are children (under 18) likely to use it?",
        "yes or no, as your children's access assessment found",
    ),
    Question(
        "risk",
        "Which risks did your last risk assessment find at medium or high?",
        "a harm and a level for each, e.g. grooming high, sextortion medium; harms you do not "
        "name are recorded as low; answer 'none assessed' if there is no risk assessment yet",
        _values(Harm),
        default="every harm low",
    ),
    Question(
        "enterprise_size",
        "How large is the provider, in EU SME terms?",
        "micro, small, medium or large",
        _values(EnterpriseSize),
    ),
    Question(
        "designations",
        "Has a regulator designated the service (a very large online platform, a UK category)?",
        "names separated by commas, or none",
        _values(Designation),
        default="none",
    ),
)
"""The interview, in the order it is asked."""

_BY_KEY = {q.key: q for q in QUESTIONS}
_SPLIT = re.compile(r"[,;\s]+")


def parse_answer(key: str, text: str, earlier: Mapping[str, Any]) -> Any:
    """Check one answer and turn it into profile data.

    Raises:
        ValueError: The answer is not usable; the message says what was expected.
    """
    question = _BY_KEY[key]
    text = text.strip()
    if not text and question.default is not None:
        return _default(key, earlier)
    if not text:
        raise ValueError(f"an answer is needed: {question.help}")
    match key:
        case "organisation" | "service":
            return text
        case "features" | "kinds" | "designations":
            return _choices(question, text)
        case "users":
            return _users(text)
        case "established_in":
            return [check_jurisdiction(code) for code in _SPLIT.split(text) if code]
        case "children_likely":
            return _yes_no(text)
        case "risk":
            return _risk(text)
        case "enterprise_size":
            return _choices(question, text, many=False)[0]
    raise KeyError(key)  # pragma: no cover - QUESTIONS is closed


def _default(key: str, earlier: Mapping[str, Any]) -> Any:
    if key == "established_in":
        return list(earlier.get("users", {}))[:1]
    if key == "risk":
        return dict.fromkeys(_values(Harm), "low")
    return []


def _choices(question: Question, text: str, *, many: bool = True) -> list[str]:
    if text.lower() in ("none", "no"):
        return []
    picked: list[str] = []
    for word in (w for w in _SPLIT.split(text) if w):
        value = _choice(question.choices, word)
        if value is None:
            raise ValueError(f"'{word}' is not one of: {', '.join(question.choices)}")
        if value not in picked:
            picked.append(value)
    if not many and len(picked) != 1:
        raise ValueError(f"give one of: {', '.join(question.choices)}")
    return picked


def _choice(choices: tuple[str, ...], word: str) -> str | None:
    if word.isdigit() and 1 <= int(word) <= len(choices):
        return choices[int(word) - 1]
    wanted = word.lower().replace("-", "_")
    return wanted if wanted in choices else None


def _users(text: str) -> dict[str, int]:
    users: dict[str, int] = {}
    for part in (p.strip() for p in re.split(r"\s*;\s*|,\s*(?=[A-Za-z])", text) if p.strip()):
        match = re.fullmatch(r"([A-Za-z]+)\s*[:=]?\s*([0-9][0-9_,.]*\s*[kKmM]?)", part)
        if match is None:
            raise ValueError(f"'{part}': give a country code and a number, e.g. GB 2000000")
        users[check_jurisdiction(match.group(1))] = _number(match.group(2))
    return users


def _number(text: str) -> int:
    scale = {"k": 1_000, "m": 1_000_000}.get(text.strip()[-1].lower(), 1)
    digits = text.strip().rstrip("kKmM").replace(",", "").replace("_", "")
    try:
        return round(float(digits) * scale)
    except ValueError:
        raise ValueError(f"'{text}' is not a number of users") from None


def _yes_no(text: str) -> bool:
    answer = text.lower()
    if answer in ("yes", "y"):
        return True
    if answer in ("no", "n"):
        return False
    raise ValueError("answer yes or no")


def _risk(text: str) -> dict[str, str] | None:
    if text.lower() in ("none assessed", "not assessed", "unknown"):
        return None
    levels = dict.fromkeys(_values(Harm), "low")
    words = [w for w in _SPLIT.split(text.lower()) if w]
    if words == ["none"]:
        return levels
    if len(words) % 2:
        raise ValueError("give a harm and a level for each, e.g. grooming high")
    for harm, level in zip(words[::2], words[1::2], strict=True):
        if harm not in levels:
            raise ValueError(f"'{harm}' is not one of: {', '.join(levels)}")
        if level not in _values(RiskLevel):
            raise ValueError(f"'{level}' is not a risk level: low, medium or high")
        levels[harm] = level
    return levels


Ask = Callable[[Question, str | None], str]
"""Asks one question (with the reason the last answer was refused, if any) and returns the answer."""


def interview(
    given: Mapping[str, str], ask: Ask | None, problems: Sequence[Problem] = ()
) -> dict[str, Any]:
    """The profile data from answers given beforehand, asking ``ask`` for the others.

    ``problems`` are those already found in the answers (see
    [given_answers][csea.assessment.answers.given_answers]); they are listed with the rest.

    Raises:
        InputError: A given answer is unusable, or (without ``ask``) an answer is missing;
            every problem is listed.
    """
    refused = {p.field for p in problems}
    unknown = sorted(set(given) - set(_BY_KEY))
    found = [*problems, *(problem(key, f"no question is called '{key}'") for key in unknown)]
    if ask is None:
        found += [
            problem(key, "no answer given") for key in missing_answers(given) if key not in refused
        ]
    data: dict[str, Any] = {}
    for question in QUESTIONS:
        if question.key in given:
            try:
                data[question.key] = parse_answer(question.key, given[question.key], data)
            except ValueError as error:
                found.append(problem(question.key, str(error)))
        elif ask is not None:
            data[question.key] = _ask_until_usable(question, ask, data)
        else:
            data[question.key] = _default(question.key, data)
    if found:
        raise InputError(found, f"{len(found)} answer(s) could not be used")
    return data


def _ask_until_usable(question: Question, ask: Ask, data: Mapping[str, Any]) -> Any:
    refused: str | None = None
    while True:
        try:
            return parse_answer(question.key, ask(question, refused), data)
        except ValueError as error:
            refused = str(error)


def problem(key: str, message: str) -> Problem:
    """An unusable answer to the question ``key``."""
    return Problem(code=ProblemCode.INVALID_VALUE, message=message, field=key)


def missing_answers(answers: Mapping[str, str]) -> list[str]:
    """The questions without an answer (for the interview without a terminal).

    Every question needs one: a question left out is never taken as its default (no risk, no
    designation), since that would declare a fact nobody gave. An empty answer takes the
    default, as Enter does on a terminal; one with no default is still missing.
    """
    return [
        q.key
        for q in QUESTIONS
        if q.key not in answers or (q.default is None and not answers[q.key].strip())
    ]


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def profile_text(data: Mapping[str, Any]) -> str:
    """The commented ``profile.yaml`` for the interview's answers (every fact declared)."""
    lines = [
        "# Service profile written by 'csea profile new'. Every fact is declared: each list names",
        "# what the service has and 'absent: all others' rules out the rest, and the service is",
        "# offered only where 'users' says, so no obligation is assumed for want of a fact.",
        "# Edit it as the service changes; 'csea applicable profile.yaml' shows what applies.",
        f"organisation: {json.dumps(data['organisation'], ensure_ascii=False)}",
        f"service: {json.dumps(data['service'], ensure_ascii=False)}",
        "# What kind of service it is (an online platform is also a hosting service, DSA Art 3(i)).",
        "kinds:",
        f"  present: {_flow(data['kinds'])}",
        "  absent: all others",
        "# What users can do.",
        "features:",
        f"  present: {_flow(data['features'])}",
        "  absent: all others",
        "# Average monthly active users where the service is offered; it is offered nowhere else.",
        "users:",
        *(f"  {code}: {count}" for code, count in data["users"].items()),
        "not_offered_in: all others",
        f"established_in: {_flow(data['established_in'])}",
        "# From the children's access assessment.",
        f"children_likely: {'true' if data['children_likely'] else 'false'}",
        f"enterprise_size: {data['enterprise_size']}",
        "designations:",
        f"  present: {_flow(data['designations'])}",
        "  absent: all others",
    ]
    if data.get("risk") is not None:
        lines.append(
            "# From the last risk assessment; harms it did not find at medium or high are low."
        )
        lines.append("risk:")
        lines += [f"  {harm}: {level}" for harm, level in data["risk"].items()]
    else:
        lines.append("# No risk assessment yet: obligations that turn on risk levels are assumed.")
    return "\n".join(lines) + "\n"


def write_new_profile(path: Path, text: str) -> None:
    """Write a new profile atomically, after checking it is a valid profile.

    Raises:
        WriteRefusedError: ``path`` already exists (the interview never writes over a file).
        InputError: The text is not a valid profile (a bug: the answers were checked).
    """
    if path.exists() or path.is_symlink():
        raise WriteRefusedError(
            f"{path} already exists; 'csea profile new' writes a new file and never replaces "
            "one: choose another path, or move the old file away first"
        )
    _check(text, str(path))
    write_atomic(path, text)


def _check(text: str, file: str) -> None:
    from csea.models import ServiceProfile  # noqa: PLC0415

    value, problems = validate_document(ServiceProfile, parse_yaml(text, file))
    if value is None:
        summary = f"{file}: the interview produced an invalid profile"
        raise InputError(
            problems or [Problem(code=ProblemCode.INVALID_VALUE, message=summary)], summary
        )
