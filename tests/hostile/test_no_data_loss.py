"""Nothing the user wrote is lost: crashes mid-write, concurrent writers, and comment round trips.

- A ``csea`` process killed while writing (after the new text is written, before it replaces
  the file) leaves the original byte for byte.
- Several ``csea init -o same.yaml`` or ``csea report -o same.html`` at once leave one complete,
  valid file, the same as a single run writes.
- ``csea init`` over a heavily commented assessment keeps every line the team wrote, in order,
  with its line endings and byte-order mark, adds only what is new, and a second run (and
  ``migrate`` at the same version) changes nothing.
- ``csea init`` and ``csea migrate`` started together on one file: a run that exits 0 has its
  change in the file; the other fails with a clear message (the file changed meanwhile).
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from csea.assessment.load import load_assessment
from tests.assessment.versions import ASSESSMENT, write_catalogs
from tests.hostile.conftest import PROFILE, Csea, Workspace

COMMENTED = """\
# Pics: self-assessment, kept in git by the T&S team.
# Owner: T&S.

catalog: {id: mini, version: "2026.11"}  # flow style, kept
profile: profile.yaml
assessed_by: "Trust & Safety"   # quoted
assessed_on: 2026-11-01
answers:
  # Our answer for hash matching.
  BLOCK-01:
    status: implemented   # since March
    owner: T&S engineering
    # Evidence, newest first
    evidence:
      - title: Hash matching runbook  # the runbook
        url: https://wiki.example.invalid/runbook
        collected: 2026-10-01

      - title: 'Match statistics, October'
        path: dashboards/hash-matching.md
        collected: 2026-11-01
    notes: |
      Multi-line notes,
        with indentation kept.
      # not a comment, part of the text
    # trailing comment inside the answer
# comment at column 0 at the end
"""

CRASH_AT_FSYNC = """\
import os, signal, sys
def crash(descriptor):
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = crash
from csea.cli import main
sys.argv = ["csea", *sys.argv[1:]]
main()
"""


def _is_subsequence(old: list[str], new: list[str]) -> bool:
    remaining = iter(new)
    return all(line in remaining for line in old)


@pytest.mark.parametrize(
    ("bom", "newline"),
    [(b"", b"\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\n")],
    ids=["lf", "crlf", "bom"],
)
def test_reinit_keeps_every_line_comment_and_line_ending(
    workspace: Workspace, run_csea: Csea, bom: bytes, newline: bytes
) -> None:
    workspace.assessment.write_bytes(bom + COMMENTED.encode().replace(b"\n", newline))
    before = load_assessment(workspace.assessment).assessment.answers["BLOCK-01"]
    first = run_csea(
        "init", "profile.yaml", "-o", "assessment.yaml", "--catalog", workspace.catalog
    )
    raw = workspace.assessment.read_bytes()
    second = run_csea(
        "init", "profile.yaml", "-o", "assessment.yaml", "--catalog", workspace.catalog
    )
    third = run_csea("migrate", "assessment.yaml", "--catalog", workspace.catalog)
    assert (first.returncode, second.returncode, third.returncode) == (0, 0, 0)
    assert (raw.startswith(bom), raw.count(newline), raw.count(b"\n")) == (
        True,
        raw.count(b"\n"),
        33,
    )
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    assert _is_subsequence(COMMENTED.splitlines(), text.splitlines())
    assert [line for line in text.splitlines() if line not in COMMENTED.splitlines()][-2:] == [
        "  GROOM-01:",
        "    status: not_assessed",
    ]
    assert load_assessment(workspace.assessment).assessment.answers["BLOCK-01"] == before
    assert workspace.assessment.read_bytes() == raw


def _crash(workspace: Workspace, *args: str | Path) -> subprocess.CompletedProcess[str]:
    argv = [
        sys.executable,
        "-c",
        CRASH_AT_FSYNC,
        *map(str, args),
        "--catalog",
        str(workspace.catalog),
    ]
    env = {"CSEA_TODAY": "2026-11-20", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        argv, cwd=workspace.root, env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("args", "victim"),
    [
        (("init", "profile.yaml", "-o", "assessment.yaml"), "assessment.yaml"),
        (("report", "assessment.yaml", "--format", "html", "-o", "report.html"), "report.html"),
    ],
    ids=["init", "report"],
)
def test_a_crash_mid_write_leaves_the_original(
    workspace: Workspace, args: tuple[str, ...], victim: str
) -> None:
    workspace.assessment.write_text(COMMENTED, encoding="utf-8")
    (workspace.root / "report.html").write_text("<p>last week's report</p>\n", encoding="utf-8")
    target = workspace.root / victim
    original = target.read_bytes()
    result = _crash(workspace, *args)
    assert result.returncode == -9, result.stderr
    assert target.read_bytes() == original


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (("init", "profile.yaml", "-o", "same.yaml"), "same.yaml"),
        (("report", "assessment.yaml", "--format", "html", "-o", "same.html"), "same.html"),
    ],
    ids=["init", "report-html"],
)
def test_concurrent_writers_leave_one_complete_file(
    workspace: Workspace, run_csea: Csea, args: tuple[str, ...], output: str
) -> None:
    command = [*args, "--catalog", workspace.catalog]
    assert run_csea(*command).returncode == 0
    expected = (workspace.root / output).read_bytes()
    (workspace.root / output).unlink()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: run_csea(*command), range(4)))
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    assert (workspace.root / output).read_bytes() == expected
    assert sorted(p.name for p in workspace.root.iterdir() if p.name.startswith(f".{output}")) == []


def test_init_and_migrate_at_once_never_both_succeed_with_a_change_lost(
    workspace: Workspace, run_csea: Csea
) -> None:
    """Started together, each run either keeps its change in the file or fails saying why."""
    v1, v2 = write_catalogs(workspace.root)
    workspace.profile.write_text(
        PROFILE.replace("features: [image_upload]", "features: {absent: all others}")
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSEA_")}
    commands = {
        "init": ["init", "profile.yaml", "-o", "assessment.yaml", "--catalog", v1],
        "migrate": ["migrate", "assessment.yaml", "--catalog", v2],
    }
    seen = set()
    for _ in range(5):
        workspace.assessment.write_text(ASSESSMENT, encoding="utf-8")
        processes = {
            name: subprocess.Popen(
                [sys.executable, "-m", "csea", *map(str, args)],
                cwd=workspace.root,
                env={**env, "CSEA_TODAY": "2027-01-15"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name, args in commands.items()
        }
        done = {name: (p.wait(60), p.communicate()[1]) for name, p in processes.items()}
        text = workspace.assessment.read_text(encoding="utf-8")
        kept = {"init": "no_longer_applies" in text, "migrate": '"2027.01"' in text}
        for name, (code, err) in done.items():
            assert (code == 0) == kept[name] or code == 2, (name, err)
            assert "Traceback" not in err
            seen.add((name, code, kept[name]))
    assert all(kept or code == 2 for _, code, kept in seen)
