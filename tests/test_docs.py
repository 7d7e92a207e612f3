"""README documents every command and every setting the code reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE = [
    ROOT / "dashboard.py",
    *sorted((ROOT / "geo").rglob("*.py")),
    *(ROOT / "claims").rglob("*.py"),
    *(ROOT / "store").rglob("*.py"),
    *(ROOT / "atlas").rglob("*.py"),
]


def env_vars() -> set[str]:
    found: set[str] = set()
    for path in CODE:
        found |= set(re.findall(r"CLAIM_ATLAS_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
    return found


def test_code_reads_some_settings():
    assert "CLAIM_ATLAS_CORPUS" in env_vars()


@pytest.mark.parametrize("name", sorted(env_vars()))
def test_every_setting_is_documented(name):
    assert f"`{name}`" in README or f"{name}`" in README, f"README does not document {name}"


@pytest.mark.parametrize(
    "command",
    [
        "python -m geo resolve",
        "python -m claims extract",
        "python -m claims disputes",
        "python -m claims ingest",
        "claim-atlas ingest",
        "--scheduler tcp://SCHEDULER-HOST:8786",
        "dask scheduler",
        "dask worker",
        "streamlit run dashboard.py",
        "-- --corpus DIR",
        "bash scripts/dashboard.sh",
        "bash scripts/test.sh",
        "claim-atlas review export-gold",
        "claim-atlas review orphans",
    ],
)
def test_every_command_is_documented(command):
    assert command in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    first_block = re.findall(r"```sh\n(.*?)```", README, re.S)[:2]
    assert first_block[1].strip() == "bash scripts/test.sh"
    assert "\nbash scripts/test.sh" in ci
