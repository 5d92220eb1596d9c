"""LibreOffice, headless, as the tests use it: convert a file, each call with its own profile.

``soffice`` exits 0 even when it wrote nothing, so the output file is checked. Each call
gets a fresh profile folder, so calls never hand their work to another running instance.
LibreOffice is installed by ``make system``; the tests fail (never skip) without it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def convert(source: Path, fmt: str, outdir: Path, *, timeout: float = 180) -> Path:
    """``source`` converted by LibreOffice to ``fmt`` (``xlsx``, ``pdf``, ...) in ``outdir``."""
    assert Path(SOFFICE).exists(), "LibreOffice is missing: run 'make system'"
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{source.stem}.{fmt.split(':', 1)[0]}"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="csea-lo-") as profile:
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert target.exists(), f"LibreOffice wrote no {target.name}: {done.returncode} {done.stderr}"
    return target
