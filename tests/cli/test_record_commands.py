"""``csea approve`` and ``csea due`` through the command line; the calendar read by icalendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.assessment.conftest import ProfileWriter, Runner
from tests.catalog.test_cycles import CYCLES

DAY = ("--as-of", "2026-12-01")

ANSWERED = """\
# The assessment of Clipshare.
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
answers:
  BLOCK-01:
    status: implemented   # shipped in October
    owner: Integrity
    evidence:
      - {title: Runbook, path: docs/runbook.md, collected: 2026-10-01}
      - {title: Vendor certificate, path: certs/vendor.pdf, collected: 2026-06-01, expires: 2026-12-20}
  GROOM-01:
    status: partial
    owner: Youth Safety
    due: 2027-01-15
    evidence:
      - {title: Spec, path: specs/teen.md, collected: 2026-02-01}
    reviewed_by: Priya
    reviewed_on: 2026-02-10
"""


@pytest.fixture
def cycles(catalog_dir: Path) -> Path:
    """The mini catalogue with review cycles (twelve months for GB user-to-user services)."""
    (catalog_dir / "review-cycles.yaml").write_text(CYCLES, encoding="utf-8")
    return catalog_dir


@pytest.fixture
def answered(work: Path, write_profile: ProfileWriter) -> Path:
    write_profile()
    path = work / "assessment.yaml"
    path.write_text(ANSWERED, encoding="utf-8")
    return path


APPROVE = ("--by", "Dana Lee", "--role", "Head of Trust & Safety")


def test_approve_writes_the_approval_and_keeps_everything_else(
    run: Runner, answered: Path, cycles: Path
) -> None:
    code, out, err = run("approve", answered, *APPROVE, "--catalog", cycles, *DAY)
    text = answered.read_text(encoding="utf-8")
    head, _, rest = text.partition("answers:\n")
    assert (code, err, out.split(", sha256:")[0]) == (
        0,
        "",
        f"approved {answered}: Dana Lee (Head of Trust & Safety) on 2026-12-01, catalogue mini 2026.11",
    )
    assert rest == ANSWERED.partition("answers:\n")[2]
    assert head.splitlines()[:3] == ANSWERED.splitlines()[:3]
    assert (
        "approval:\n  by: Dana Lee\n  role: Head of Trust & Safety\n  approved_on: 2026-12-01\n"
        in head
    )


def _approval_findings(run: Runner, answered: Path, cycles: Path) -> list[dict[str, Any]]:
    args = ("--code", "changed-after-approval", "--format", "json", "--catalog", cycles, *DAY)
    return list(json.loads(run("check", answered, *args)[1])["services"][0]["findings"])


def test_an_edit_after_approval_is_found(run: Runner, answered: Path, cycles: Path) -> None:
    run("approve", answered, *APPROVE, "--catalog", cycles, *DAY)
    before = _approval_findings(run, answered, cycles)
    text = answered.read_text(encoding="utf-8").replace("due: 2027-01-15", "due: 2027-02-15")
    answered.write_text(text, encoding="utf-8")
    after = [
        (f["code"], f["line"], f["message"][:60]) for f in _approval_findings(run, answered, cycles)
    ]
    assert (before, after) == (
        [],
        [
            (
                "changed-after-approval",
                11,
                "the assessment or its profile changed after Dana Lee (Head o",
            )
        ],
    )


def test_approving_again_replaces_the_approval(run: Runner, answered: Path, cycles: Path) -> None:
    run("approve", answered, *APPROVE, "--catalog", cycles, "--as-of", "2026-11-01")
    code, out, _ = run(
        "approve", answered, "--by", "Sam Roe", "--role", "Lead", "--catalog", cycles, *DAY
    )
    assert (code, out.endswith("(replacing the approval of 2026-11-01)\n")) == (0, True)
    assert answered.read_text(encoding="utf-8").count("approval:") == 1


def test_approve_is_refused_while_errors_remain(run: Runner, answered: Path, cycles: Path) -> None:
    broken = ANSWERED.replace(
        "status: implemented   # shipped in October", "status: planned\n    due: 2026-10-01"
    )
    answered.write_text(broken, encoding="utf-8")
    code, out, err = run("approve", answered, *APPROVE, "--catalog", cycles, *DAY)
    assert (code, out, answered.read_text(encoding="utf-8")) == (1, "", broken)
    assert err.splitlines()[-1] == (
        f"not approved: 1 error finding(s) remain in {answered}; nothing was written"
    )


def test_approve_needs_a_name_and_a_role(run: Runner, answered: Path, cycles: Path) -> None:
    code, _, err = run("approve", answered, "--by", " ", "--role", "Lead", "--catalog", cycles)
    assert (code, "give a name (--by) and a role (--role)" in " ".join(err.split())) == (2, True)


def test_approve_an_unusable_file_exits_2(run: Runner, work: Path, cycles: Path) -> None:
    code, _, err = run("approve", work / "nope.yaml", *APPROVE, "--catalog", cycles)
    assert (code, err) == (2, f"{work / 'nope.yaml'}: error [file-not-found] file not found\n")


def _due(run: Runner, answered: Path, cycles: Path, *args: str) -> list[dict[str, Any]]:
    code, out, err = run("due", answered, "--format", "json", "--catalog", cycles, *DAY, *args)
    assert (code, err) == (0, "")
    return list(json.loads(out)["items"])


def test_due_lists_what_falls_due_by_owner(run: Runner, answered: Path, cycles: Path) -> None:
    items = _due(run, answered, cycles, "--within", "90d")
    rows = [(i["owner"], i["due"], i["kind"], i["obligation_id"], i["line"]) for i in items]
    assert rows == [
        ("Integrity", "2026-12-20", "evidence", "BLOCK-01", 10),
        ("Priya", "2027-02-10", "answer_review", "GROOM-01", 18),
        ("Youth Safety", "2027-01-15", "plan", "GROOM-01", 14),
        ("Youth Safety", "2027-02-01", "evidence", "GROOM-01", 16),
    ]


def test_due_includes_overdue_items_and_filters_by_owner(
    run: Runner, answered: Path, cycles: Path
) -> None:
    args = ("--within", "2w", "--owner", "youth safety", "--as-of", "2027-02-02")
    rows = [(i["kind"], i["due"], i["overdue"]) for i in _due(run, answered, cycles, *args)]
    assert rows == [("plan", "2027-01-15", True), ("evidence", "2027-02-01", True)]


@pytest.mark.parametrize("within", ["ten", "30x", "-3"], ids=["word", "unit", "negative"])
def test_due_refuses_a_period_it_cannot_read(
    run: Runner, answered: Path, cycles: Path, within: str
) -> None:
    code, _, err = run("due", answered, "--within", within, "--catalog", cycles)
    assert (code, "is not a number of days" in " ".join(err.split())) == (2, True)


def _calendar(run: Runner, answered: Path, cycles: Path, *args: str) -> Calendar:
    target = answered.parent / "due.ics"
    code, _, _ = run("due", answered, "--format", "ics", "-o", target, "--catalog", cycles, *args)
    assert code == 0
    return Calendar.from_ical(target.read_bytes())


def test_the_calendar_reads_back_one_event_per_item(
    run: Runner, answered: Path, cycles: Path
) -> None:
    calendar = _calendar(run, answered, cycles, "--within", "60d", *DAY)
    items = _due(run, answered, cycles, "--within", "60d")
    events = [
        (str(e["SUMMARY"]).split(":")[0], e.start, str(e["LOCATION"]), e.end - e.start)
        for e in calendar.events
    ]
    assert [c.errors for c in calendar.walk()] == [[]] * (len(events) + 1)
    assert sorted(events) == sorted(
        (
            i["obligation_id"],
            dt.date.fromisoformat(i["due"]),
            f"{answered}:{i['line']}",
            dt.timedelta(days=1),
        )
        for i in items
    )


def test_a_moved_date_keeps_its_event_uid(run: Runner, answered: Path, cycles: Path) -> None:
    plan = "GROOM-01: put it in place (partial now), or update the plan"
    first = _calendar(run, answered, cycles, "--within", "120d", *DAY)
    answered.write_text(ANSWERED.replace("due: 2027-01-15", "due: 2027-02-15"), encoding="utf-8")
    second = _calendar(run, answered, cycles, "--within", "120d", *DAY)
    found = [
        [(str(e["UID"]), e.start) for e in cal.events if str(e["SUMMARY"]) == plan]
        for cal in (first, second)
    ]
    [(uid, start)], [(moved_uid, moved_start)] = found
    assert (uid == moved_uid, start, moved_start) == (
        True,
        dt.date(2027, 1, 15),
        dt.date(2027, 2, 15),
    )
    assert len(first.events) == len(second.events)


def test_the_calendar_is_the_same_bytes_each_run(run: Runner, answered: Path, cycles: Path) -> None:
    runs = []
    for _ in range(2):
        _calendar(run, answered, cycles, *DAY)
        runs.append((answered.parent / "due.ics").read_bytes())
    assert runs[0] == runs[1]
    assert b"\r\nDTSTAMP:20261201T000000Z\r\n" in runs[0]


ACCEPTED = """\
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
approval:
  by: Dana Lee
  role: Head of Trust & Safety
  approved_on: 2026-01-20
  catalog: {id: mini, version: "2026.11"}
  content_hash: sha256:%s
answers:
  GROOM-01:
    status: not_implemented
    owner: Youth Safety
    accepted_by: Sam Roe
    accepted_on: 2026-02-05
    justification: Too few young users to build it yet.
""" % ("0" * 64)


def test_due_lists_lapsing_acceptances_and_the_next_review_of_every_file(
    run: Runner, answered: Path, cycles: Path
) -> None:
    second = answered.parent / "accepted.yaml"
    second.write_text(ACCEPTED, encoding="utf-8")
    code, out, _ = run(
        "due", answered, second, "--within", "90d", "--format", "json", "--catalog", cycles, *DAY
    )
    rows = [
        (i["owner"], i["due"], i["kind"], i["file"], i["line"]) for i in json.loads(out)["items"]
    ]
    assert (code, rows) == (
        0,
        [
            ("Dana Lee", "2027-01-20", "review", str(second), 6),
            ("Integrity", "2026-12-20", "evidence", str(answered), 10),
            ("Priya", "2027-02-10", "answer_review", str(answered), 18),
            ("Sam Roe", "2027-02-05", "risk_acceptance", str(second), 14),
            ("Youth Safety", "2027-01-15", "plan", str(answered), 14),
            ("Youth Safety", "2027-02-01", "evidence", str(answered), 16),
        ],
    )


def test_the_same_evidence_twice_still_gives_one_uid_per_event(
    run: Runner, answered: Path, cycles: Path
) -> None:
    twice = "      - {title: Spec, path: specs/teen.md, collected: 2026-02-01}\n"
    answered.write_text(ANSWERED.replace(twice, twice * 2), encoding="utf-8")
    calendar = _calendar(run, answered, cycles, "--within", "90d", *DAY)
    uids = [str(e["UID"]) for e in calendar.events]
    assert (len(uids), len(set(uids))) == (5, 5)
