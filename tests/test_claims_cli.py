"""The command line, run as a user would (subprocess): formats, -o, exit codes, messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claims.model import CLAIM_FIELDS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_extract_folder_prints_geojson_on_stdout() -> None:
    proc = run("extract", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["type"] == "FeatureCollection" and doc["features"]
    assert tuple(doc["features"][0]["properties"]) == CLAIM_FIELDS
    assert "5 articles" in proc.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_other_formats(fmt: str) -> None:
    proc = run("extract", str(SEEDS / "002_e1696c1e9824bb27.txt"), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(proc.stdout)))
        assert rows and tuple(rows[0]) == CLAIM_FIELDS
    else:
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert rows and tuple(rows[0]) == CLAIM_FIELDS


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "claims.geojson"
    proc = run("extract", str(SEEDS), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["features"]


def test_unresolved_places_still_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\npublished: 2021-09-05\n---\nClashes erupted in the Zorbazak area.\n", encoding="utf-8"
    )
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    (feature,) = json.loads(proc.stdout)["features"]
    assert feature["geometry"] is None and feature["properties"]["unresolved_place"]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02") and d / "bin.txt", "binary"),
        (lambda d: (d / "latin.txt").write_bytes("caf\xe9".encode("latin-1")) and d / "latin.txt",
         "not UTF-8"),
    ],
)  # fmt: skip
def test_unreadable_input_fails_with_a_clear_message(tmp_path: Path, make, words: str) -> None:
    path = make(tmp_path)
    proc = run("extract", str(path))
    assert proc.returncode != 0
    assert path.name in proc.stderr and words in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_file_inside_a_folder_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(
        "---\npublished: 2021-09-05\n---\nThe Taliban entered Bazarak, the NRF said.\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.md").write_bytes(b"\x00\x00")
    proc = run("extract", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert "warning" in proc.stderr and "bad.md" in proc.stderr
    assert proc.stdout.strip()


def test_usage_error_exits_2() -> None:
    proc = run("extract", "--format", "xml", str(SEEDS))
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_disputes_prints_json() -> None:
    proc = run("disputes", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    disputes = json.loads(proc.stdout)
    assert disputes and {"id", "kind", "reason", "claim_ids", "sides"} <= set(disputes[0])


def test_console_script_entry_point_is_main() -> None:
    from claims.cli import main

    assert callable(main)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'claim-atlas = "claims.cli:main"' in text
