"""``csea profile new``: the interview, typed at a real terminal and answered from a file."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from csea.assessment.interview import QUESTIONS, parse_answer
from csea.cli import app

CSEA = str(Path(sys.executable).with_name("csea"))
ENV = {**os.environ, "CSEA_TODAY": "2026-12-01", "COLUMNS": "200", "TERM": "dumb"}

HUDDLE = """\
# Service profile written by 'csea profile new'. Every fact is declared: each list names
# what the service has and 'absent: all others' rules out the rest, and the service is
# offered only where 'users' says, so no obligation is assumed for want of a fact.
# Edit it as the service changes; 'csea applicable profile.yaml' shows what applies.
organisation: "Fictional Teen Apps Ltd"
service: "Huddle"
# What kind of service it is (an online platform is also a hosting service, DSA Art 3(i)).
kinds:
  present: [user_to_user, social_media, online_platform]
  absent: all others
# What users can do.
features:
  present: [voice_chat, live_streaming, direct_messages, group_chats]
  absent: all others
# Average monthly active users where the service is offered; it is offered nowhere else.
users:
  GB: 2000000
  EU: 900000
  AU: 300000
not_offered_in: all others
established_in: [GB]
# From the children's access assessment.
children_likely: true
enterprise_size: small
designations:
  present: []
  absent: all others
# From the last risk assessment; harms it did not find at medium or high are low.
risk:
  csam_image: low
  csam_url: low
  grooming: high
  livestreamed_abuse: low
  intimate_image_abuse: low
  sextortion: high
"""
"""The fictional teen group voice-chat service from issue 12."""

TYPED = [
    "Fictional Teen Apps Ltd",
    "Huddle",
    "voice_chat, live_streaming, direct_messages, group_chats",
    "user_to_user, social_media, online_platform",
    "GB 2000000, EU 900000, AU 300000",
    "",  # established in: Enter takes the first place named (GB)
    "yes",
    "grooming high, sextortion high",
    "small",
    "",  # designations: Enter for none
]


def _interview(folder: Path, typed: list[str]) -> tuple[int, str]:
    """Run the command in a pseudo-terminal, typing each answer after its prompt."""
    child = pexpect.spawn(
        CSEA, ["profile", "new"], cwd=str(folder), env=ENV, encoding="utf-8", timeout=60
    )
    child.logfile_read = seen = io.StringIO()
    for line in typed:
        child.expect("> ")
        child.sendline(line)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus or 0, seen.getvalue()


def test_the_voice_chat_service_takes_fewer_than_ten_typed_answers(tmp_path: Path) -> None:
    code, output = _interview(tmp_path, TYPED)
    answers = [line for line in TYPED if line]
    assert (code, len(answers) < 10, (tmp_path / "profile.yaml").read_text("utf-8")) == (
        0,
        True,
        HUDDLE,
    )
    assert "Wrote profile.yaml. What applies to Huddle:" in output


def test_a_refused_answer_is_explained_and_asked_again(tmp_path: Path) -> None:
    typed = [*TYPED[:4], "UK 2000000, EU 900000, AU 300000", "GB 2000000, EU 900000, AU 300000"]
    code, output = _interview(tmp_path, [*typed, *TYPED[5:]])
    assert code == 0
    assert "Not usable: 'UK' is not accepted: UK is not an ISO 3166-1 country code" in output
    assert (tmp_path / "profile.yaml").read_text("utf-8") == HUDDLE


ANSWERS = """\
organisation: Fictional Teen Apps Ltd
service: Huddle
features: [voice_chat, live_streaming, direct_messages, group_chats]
kinds: [user_to_user, social_media, online_platform]
users: {GB: 2000000, EU: 900000, AU: 300000}
established_in: GB
children_likely: true
risk: grooming high, sextortion high
enterprise_size: small
designations: none
"""


def _run(folder: Path, *args: str) -> Any:
    with contextlib.chdir(folder):
        return CliRunner().invoke(app, ["profile", "new", *args], env={"CSEA_TODAY": "2026-12-01"})


def test_without_a_terminal_the_answers_come_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(ANSWERS, "utf-8")
    result = _run(tmp_path, "--answers", "answers.yaml")
    assert (result.exit_code, (tmp_path / "profile.yaml").read_text("utf-8")) == (0, HUDDLE)


def test_without_a_terminal_every_missing_or_bad_answer_is_named(tmp_path: Path) -> None:
    result = _run(tmp_path, "--answer", "service=Huddle", "--answer", "children_likely=maybe")
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if "error" in line] == [
        f"<input>: error [invalid-value] {key}: no answer given"
        for key in (
            "organisation",
            "features",
            "kinds",
            "users",
            "established_in",
            "risk",
            "enterprise_size",
            "designations",
        )
    ] + ["<input>: error [invalid-value] children_likely: answer yes or no"]
    assert not (tmp_path / "profile.yaml").exists()


def test_without_a_terminal_an_answer_left_out_is_never_taken_as_its_default(
    tmp_path: Path,
) -> None:
    # No risk answer must not become "every harm low", nor no designation answer "none".
    (tmp_path / "answers.yaml").write_text(
        ANSWERS.replace("risk: grooming high, sextortion high\n", "").replace(
            "designations: none\n", ""
        ),
        "utf-8",
    )
    result = _run(tmp_path, "--answers", "answers.yaml")
    assert (result.exit_code, [line for line in result.output.splitlines() if "error" in line]) == (
        2,
        [
            "<input>: error [invalid-value] risk: no answer given",
            "<input>: error [invalid-value] designations: no answer given",
        ],
    )


def test_an_empty_answer_takes_the_default_as_enter_does(tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(ANSWERS, "utf-8")
    result = _run(
        tmp_path,
        "--answers",
        "answers.yaml",
        "--answer",
        "established_in=",
        "--answer",
        "designations=",
    )
    assert (result.exit_code, (tmp_path / "profile.yaml").read_text("utf-8")) == (0, HUDDLE)


def test_answers_that_are_not_answers_are_named_with_the_rest(tmp_path: Path) -> None:
    text = ANSWERS.replace("organisation: Fictional Teen Apps Ltd", "organisation: [1]")
    (tmp_path / "answers.yaml").write_text(text.replace("users: {", "user: {"), "utf-8")
    result = _run(tmp_path, "--answers", "answers.yaml", "--answer", "children_likely")
    assert [line for line in result.output.splitlines() if "error" in line] == [
        "<input>: error [invalid-value] organisation: answers.yaml: expected the name as text",
        "<input>: error [invalid-value] children_likely: --answer 'children_likely': expected "
        "NAME=ANSWER",
        "<input>: error [invalid-value] user: no question is called 'user'",
        "<input>: error [invalid-value] users: no answer given",
    ]
    assert (result.exit_code, (tmp_path / "profile.yaml").exists()) == (2, False)


def test_it_never_writes_over_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "answers.yaml").write_text(ANSWERS, "utf-8")
    (tmp_path / "profile.yaml").write_text("# mine\n", "utf-8")
    result = _run(tmp_path, "--answers", "answers.yaml")
    assert (result.exit_code, (tmp_path / "profile.yaml").read_text("utf-8")) == (2, "# mine\n")
    assert "already exists" in result.output


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("features", "1, voice-chat", ["public_posts", "voice_chat"]),
        ("users", "GB 2m, AU 300k", {"GB": 2_000_000, "AU": 300_000}),
        ("users", "GB: 2,000,000", {"GB": 2_000_000}),
        ("children_likely", "No", False),
        ("risk", "none assessed", None),
        ("designations", "none", []),
        ("enterprise_size", "LARGE", "large"),
    ],
    ids=["numbers-and-names", "k-and-m", "commas", "no", "no-risk-assessment", "none", "case"],
)
def test_answers_are_read_as_people_write_them(key: str, text: str, expected: Any) -> None:
    assert parse_answer(key, text, {}) == expected


def test_the_interview_is_about_ten_questions() -> None:
    assert len(QUESTIONS) == 10
