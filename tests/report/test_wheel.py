"""The HTML template and stylesheet ship in the wheel, and render from an installed copy."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_installed_wheel_renders_html(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("csea_obligations-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    assert {
        "csea/render/report/templates/report.html.j2",
        "csea/render/report/templates/report.css",
    } <= names
    code = (
        "import csea.render.report.html as h; from csea.render.report.html import render_html;"
        f"assert h.__file__.startswith({str(site)!r}), h.__file__;"
        "from csea.render.report.document import ReportDocument, CatalogInfo;"
        "import datetime as dt;"
        "d = ReportDocument(view='pillar', redacted=False, reports=[],"
        " catalog=CatalogInfo(id='c', title='C', version='2026.11', date=dt.date(2026, 11, 1)));"
        "print(render_html(d)[:15])"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "<!DOCTYPE html>\n", "")
