"""Every comment survives ``init``, ``migrate`` and a second ``init`` (the comment-survival property).

Assessments are drawn at random with comments in every position YAML allows: full-line
comments at any indentation (above keys, between answers, between list items, inside review
blocks, at the end), end-of-line comments after keys and values, comments inside flow-style
answers and lists, on a block scalar's header line and after it, and lines a person might
write inside the comments csea generates (``# - my own bullet``, ``#     indented``). Then:

1. ``init`` with the 2026.11 catalogue (it adds the answers missing, and flags ``BLOCK-01``
   when the drawn profile has no image upload): the text of every comment is still there;
2. ``init`` again with no change: byte for byte the same file;
3. ``migrate`` to 2027.01 (``BLOCK-01`` changed, ``BLOCK-02`` and ``BLOCK-03`` merged,
   ``GROOM-01`` split, ``GROOM-09`` retired): every comment is still there;
4. ``init`` with 2027.01, then once more: every comment there, and the last run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csea.assessment.migrate import migrate_assessment
from csea.assessment.skeleton import init_assessment
from csea.catalog.loader import load_catalog
from csea.models import Catalog
from csea.yamlio.comments import lost_comments
from tests.assessment.conftest import PROFILE
from tests.assessment.versions import ASSESSMENT, write_catalogs
from tests.fuzz.strategies import FUZZ

IDS = ["BLOCK-01", "BLOCK-02", "BLOCK-03", "GROOM-01", "GROOM-09"]
STATUSES = ["planned", "partial", "implemented", "not_assessed"]
AS_OF = dt.date(2026, 12, 1)
TODAY = dt.date(2027, 1, 15)

_TEXT = st.text(
    st.characters(
        blacklist_categories=["Cc", "Cs", "Zl", "Zp"],
        blacklist_characters="\ufeff\x85",
    ),
    max_size=12,
)
_COMMENT = st.one_of(
    _TEXT.map(lambda t: f"# {t}"),
    _TEXT.map(lambda t: f"#{t}"),
    _TEXT.map(lambda t: f"# - {t}"),
    _TEXT.map(lambda t: f"#     {t}"),
)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Catalog]:
    v1, v2 = write_catalogs(tmp_path_factory.mktemp("catalogs"))
    return load_catalog(v1), load_catalog(v2)


class _Writer:
    """Builds an assessment text, drawing a comment (or none) for each place one can go."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.lines: list[str] = []

    def eol(self) -> str:
        comment = self.draw(st.none() | _COMMENT)
        return f"{' ' * self.draw(st.integers(1, 3))}{comment}" if comment else ""

    def full(self, indents: list[int], most: int = 2) -> None:
        for comment in self.draw(st.lists(_COMMENT, max_size=most)):
            self.lines.append(" " * self.draw(st.sampled_from(indents)) + comment)

    def line(self, text: str) -> None:
        self.lines.append(text + self.eol())


@st.composite
def assessments(draw: st.DrawFn) -> str:
    """A valid 2026.11 assessment with comments drawn for every place one can go."""
    w = _Writer(draw)
    w.full([0])
    w.line("catalog:")
    w.full([0, 2, 4], most=1)
    w.line("  id: mini")
    w.line('  version: "2026.11"')
    w.line("profile: profile.yaml")
    w.full([0])
    w.line("answers:")
    for oid in draw(st.lists(st.sampled_from(IDS), unique=True, min_size=1)):
        w.full([0, 2, 4])
        if draw(st.booleans()):
            _block_answer(w, oid)
        else:
            _flow_answer(w, oid)
    w.full([0, 2, 4])
    return "\n".join(w.lines) + "\n"


def _block_answer(w: _Writer, oid: str) -> None:
    w.line(f"  {oid}:")
    w.full([2, 4, 6])
    w.line(f"    status: {w.draw(st.sampled_from(STATUSES))}")
    if w.draw(st.booleans()):
        w.line("    evidence:")
        for index in range(w.draw(st.integers(1, 2))):
            w.full([4, 6, 8])
            w.line(f"      - title: Runbook {index}")
            w.line("        path: runbook.md")
            w.line("        collected: 2026-10-01")
    if w.draw(st.booleans()):
        chomp = w.draw(st.sampled_from(["", "-", "+"]))
        w.line(f"    notes: |{chomp}")
        w.lines += ["      First line.", "      # text, not a comment", ""]
        w.full([2, 4])
    if w.draw(st.booleans()):
        w.line("    review:")
        w.full([4, 6])
        w.line("      reason: catalog_changed")
        w.line("      note: asked legal")
        w.line("      raised: 2026-11-01")
    w.full([2, 4, 6])


def _flow_answer(w: _Writer, oid: str) -> None:
    status = w.draw(st.sampled_from(STATUSES))
    if w.draw(st.booleans()):
        w.line(f"  {oid}: {{status: {status}, owner: T&S}}")
        return
    w.line(f"  {oid}: {{status: {status},")
    w.line("      evidence: [{title: Runbook, path: runbook.md,")
    w.line("        collected: 2026-10-01}],")
    w.lines.append("      owner: T&S}" + w.eol())


def _rewrites(text: str, v1: Catalog, v2: Catalog, features: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        profile = root / "profile.yaml"
        profile.write_text(PROFILE.replace("[image_upload, direct_messages]", features), "utf-8")
        path = root / "assessment.yaml"
        path.write_text(text, encoding="utf-8")
        texts = []
        for catalog, run in (
            (v1, "init"),
            (v1, "init"),
            (v2, "migrate"),
            (v2, "init"),
            (v2, "init"),
        ):
            if run == "init":
                init_assessment(catalog, profile, path, AS_OF)
            else:
                migrate_assessment(catalog, path, None, TODAY)
            texts.append(path.read_text(encoding="utf-8"))
        return texts


@settings(FUZZ, max_examples=120)
@given(assessments(), st.sampled_from(["[image_upload, direct_messages]", "[direct_messages]"]))
def test_every_comment_survives_init_migrate_and_reinit(
    catalogs: tuple[Catalog, Catalog], text: str, features: str
) -> None:
    first, second, migrated, third, fourth = _rewrites(text, *catalogs, features)
    assert [lost_comments(text, after) for after in (first, migrated, third)] == [[], [], []]
    assert (second, fourth) == (first, third)


def test_the_migration_fixture_keeps_its_comments(catalogs: tuple[Catalog, Catalog]) -> None:
    first, second, migrated, third, fourth = _rewrites(ASSESSMENT, *catalogs, "[image_upload]")
    assert [lost_comments(ASSESSMENT, after) for after in (first, migrated, third)] == [[], [], []]
    assert (second, fourth) == (first, third)
