"""The site builds strictly and offline, and the generated catalogue pages show every obligation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from csea import load_catalog
from csea.site.markdown import anchor
from csea.site.paths import provision_anchor

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the real docs and the shipped catalogue, into a temp dir."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CSEA_CATALOG", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return out


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_obligation_has_its_section_on_its_pillar_page(site: Path) -> None:
    catalog = load_catalog()
    missing = [
        ob.id
        for ob in catalog.obligations
        if f'id="{anchor(ob.id)}"' not in html(site, f"catalogue/pillars/{ob.pillar}")
    ]
    assert (len(catalog.obligations) >= 45, missing) == (True, [])


def test_every_source_page_lists_every_provision(site: Path) -> None:
    catalog = load_catalog()
    missing = [
        f"{source.id} {provision.id}"
        for source in catalog.sources
        for provision in source.provisions
        if f'id="{provision_anchor(provision.id)}"'
        not in html(site, f"catalogue/sources/{source.id}")
    ]
    assert missing == []


def test_crosswalk_and_schemas_are_published(site: Path) -> None:
    assert "BLOCK-01" in html(site, "catalogue/crosswalk")
    assert sorted(p.name for p in (site / "schema").iterdir()) == sorted(
        p.name for p in (ROOT / "schema").glob("*.schema.json")
    )


def test_cli_reference_holds_the_help_of_every_command(site: Path) -> None:
    page = html(site, "reference/cli")
    assert "csea-help" not in page
    assert "Usage: csea catalog list [OPTIONS]" in page


def test_the_site_fetches_nothing(site: Path) -> None:
    """No web fonts or remote scripts: the site works offline, as the tool does."""
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    remote = [
        marker
        for marker in ("fonts.googleapis.com", "fonts.gstatic.com", '<script src="http')
        if any(marker in page for page in pages)
    ]
    assert remote == []
