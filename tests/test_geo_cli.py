"""`python -m geo resolve …` through a real subprocess: JSON lines and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_nominatim import FakeNominatim, Reply, place_json

REPO = Path(__file__).resolve().parent.parent
HIT_KEYS = [
    "query",
    "name",
    "id",
    "kind",
    "lat",
    "lon",
    "radius_km",
    "province",
    "approximate",
    "source",
]
MISS_KEYS = ["query", "unresolved", "reason", "candidates"]


WORLD_INDEX: list[Path] = []


@pytest.fixture(autouse=True)
def _world_index(world_index: Path) -> None:
    """Names the curated layer lacks go on to the world layer: share its built index."""
    WORLD_INDEX[:] = [world_index]


def run(*args: str, env: dict[str, str] | None = None, tmp: Path) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CLAIM_ATLAS_")}
    base["XDG_CACHE_HOME"] = str(tmp)
    base["CLAIM_ATLAS_WORLD_INDEX"] = str(WORLD_INDEX[0])
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        cwd=REPO,
        env=base,
        capture_output=True,
        text=True,
        timeout=60,
    )


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_all_resolved_exit_0(tmp_path: Path) -> None:
    p = run("resolve", "Dashte Rewak", "Khinj District", "PANJSHIR", tmp=tmp_path)
    assert p.returncode == 0, p.stderr
    rows = lines(p.stdout)
    assert [list(r) for r in rows] == [HIT_KEYS] * 3
    assert [r["id"] for r in rows] == ["place:dasht-e-rewat", "district:AF0804", "province:AF08"]
    assert rows[0]["approximate"] is True and rows[0]["query"] == "Dashte Rewak"
    assert p.stderr == ""


def test_any_miss_exit_1(tmp_path: Path) -> None:
    p = run("resolve", "Kabul", "Danah", tmp=tmp_path)
    assert p.returncode == 1
    hit, miss = lines(p.stdout)
    assert hit["id"] == "place:kabul"
    assert list(miss) == MISS_KEYS and miss["unresolved"] is True
    assert miss["query"] == "Danah" and miss["reason"] and 1 <= len(miss["candidates"]) <= 5


def test_context_option(tmp_path: Path) -> None:
    p = run("resolve", "Arghandab", "--context", "Zabul", tmp=tmp_path)
    assert p.returncode == 0 and lines(p.stdout)[0]["province"] == "Zabul"
    p = run("resolve", "Arghandab", tmp=tmp_path)
    assert p.returncode == 1 and lines(p.stdout)[0]["reason"] == "ambiguous"


@pytest.mark.parametrize(
    ("args", "env", "needle"),
    [
        (["resolve", "Kabul", "--context", "Atlantis"], {}, "unknown province"),
        (["resolve", "Kabul"], {"CLAIM_ATLAS_GEOCODER": "google"}, "geocoder"),
        (["resolve"], {}, "NAME"),
        ([], {}, "command"),
    ],
)
def test_errors_go_to_stderr(
    tmp_path: Path, args: list[str], env: dict[str, str], needle: str
) -> None:
    p = run(*args, env=env, tmp=tmp_path)
    assert p.returncode == 2 and p.stdout == ""
    assert needle in p.stderr


def test_online_flag_uses_configured_server(tmp_path: Path) -> None:
    with FakeNominatim() as fake:
        fake.push(Reply(json=[place_json(35.2, 69.4, "Zzyzxabad")]))
        env = {
            "CLAIM_ATLAS_GEOCODER_DOMAIN": fake.domain,
            "CLAIM_ATLAS_GEOCODER_SCHEME": "http",
            "CLAIM_ATLAS_GEOCODER_TIMEOUT": "2",
        }
        offline = run("resolve", "Zzyzxabad", env=env, tmp=tmp_path)
        assert offline.returncode == 1 and fake.requests == []
        online = run("resolve", "Zzyzxabad", "--online", env=env, tmp=tmp_path)
        assert online.returncode == 0, online.stderr
        row = lines(online.stdout)[0]
        assert row["id"] == "osm:node/42" and row["lat"] == 35.2
        assert len(fake.requests) == 1
        assert (tmp_path / "claim-atlas" / "geocode-cache.json").exists()
