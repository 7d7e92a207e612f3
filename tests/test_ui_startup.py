"""scripts/dashboard.sh (the README's first command): installs only when needed, copies the
map's assets before the server starts, then runs Streamlit with the given arguments."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FAKE = """#!/usr/bin/env bash
echo "$(basename "$0") $*" >> "$LOG"
"""


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A copy of the script and pyproject.toml, with a fake python3 on PATH that logs its calls
    and makes a fake .venv whose python and streamlit log theirs."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "dashboard.sh", tmp_path / "scripts" / "dashboard.sh")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python3 = bin_dir / "python3"
    python3.write_text(
        FAKE + 'if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then mkdir -p "$3/bin";'
        ' for t in python streamlit; do printf \'%s\' "$FAKE_BODY" > "$3/bin/$t";'
        ' chmod +x "$3/bin/$t"; done; fi\n'
    )
    python3.chmod(python3.stat().st_mode | stat.S_IEXEC)
    return tmp_path


def run(clone: Path, *args: str) -> list[str]:
    log = clone / "calls.log"
    log.unlink(missing_ok=True)
    env = {
        **os.environ,
        "PATH": f"{clone / 'bin'}:{os.environ['PATH']}",
        "LOG": str(log),
        "FAKE_BODY": FAKE,
    }
    subprocess.run(["bash", str(clone / "scripts" / "dashboard.sh"), *args], env=env, check=True,
                   capture_output=True, timeout=60)  # fmt: skip
    return log.read_text().splitlines()


def test_installs_once_then_only_starts(clone):
    first = run(clone, "--", "--corpus", "x")
    assert any("pip install -q -e ." in line for line in first), first
    assert first[-2:] == ["python -m atlas.assets", "streamlit run dashboard.py -- --corpus x"]
    again = run(clone)
    assert not any("pip" in line or "venv" in line for line in again), again
    assert again == [
        "python -c import atlas, claims, geo, streamlit, streamlit_folium",
        "python -m atlas.assets",
        "streamlit run dashboard.py",
    ]


def test_a_changed_pyproject_installs_again(clone):
    run(clone)
    with (clone / "pyproject.toml").open("a") as fh:
        fh.write("\n# changed\n")
    assert any("pip install" in line for line in run(clone))
