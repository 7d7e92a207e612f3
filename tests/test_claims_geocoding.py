"""Unresolved places get a second chance through the resolver chain (fake Nominatim only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_nominatim import FakeNominatim, Reply, place_json

from claims import extract_claims, read_article
from claims.geocoding import locate_unresolved
from geo.config import Config
from geo.resolver import Resolver

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DANAH_SEED = SEEDS / "004_88806ccc1889e30e.txt"


@pytest.fixture
def fake():
    with FakeNominatim() as server:
        yield server


@pytest.fixture(scope="module")
def seed_claims():
    found = extract_claims(read_article(DANAH_SEED))
    assert any(c.unresolved_place == "Danah" for c in found), "the seed names Danah"
    return found


def resolver(fake: FakeNominatim, tmp_path: Path) -> Resolver:
    config = Config(
        geocoder="nominatim",
        domain=fake.domain,
        scheme="http",
        timeout=2,
        min_delay_seconds=0,
        cache_path=tmp_path / "cache.json",
    )
    return Resolver(config=config)


def test_an_online_answer_inside_the_article_province_locates_the_claim(
    fake, tmp_path, seed_claims
):
    fake.default = Reply(json=[place_json(35.40, 69.60, "Danah")])
    out = locate_unresolved(seed_claims, resolver(fake, tmp_path))
    assert len(out) == len(seed_claims)
    danah = [c for c in out if c.place_mention == "Danah"]
    assert danah and all(c.unresolved_place is None for c in danah)
    assert all((c.lat, c.lon) == (35.40, 69.60) and c.place_id == "osm:node/42" for c in danah)
    assert len(fake.requests) == 1, "one request per distinct mention and context"
    # everything else is untouched
    rest = [(a, b) for a, b in zip(seed_claims, out, strict=True) if a.place_mention != "Danah"]
    assert all(a == b for a, b in rest)


@pytest.mark.parametrize(
    "reply",
    [
        Reply(json=[place_json(38.88, -77.17, "Danah")]),  # Virginia: outside the country
        Reply(json=[place_json(31.6, 65.7, "Danah")]),  # Kandahar: outside Panjshir
        Reply(json=[]),
        Reply(status=500),
        Reply(body=b"{not json"),
    ],
    ids=["abroad", "other-province", "no-result", "http-500", "bad-json"],
)
def test_no_usable_answer_keeps_the_claim_unresolved(fake, tmp_path, seed_claims, reply):
    fake.default = reply
    out = locate_unresolved(seed_claims, resolver(fake, tmp_path))
    danah = [c for c in out if c.place_mention == "Danah"]
    assert danah and all(c.unresolved_place == "Danah" and c.lat is None for c in danah)
    assert len(out) == len(seed_claims)


def test_offline_by_default_asks_nobody(seed_claims, tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIM_ATLAS_GEOCODER", raising=False)
    offline = Resolver(config=Config(cache_path=tmp_path / "cache.json"))
    assert locate_unresolved(seed_claims, offline) == list(seed_claims)


def test_load_corpus_follows_the_environment(fake, tmp_path, monkeypatch):
    from claims import load_corpus

    fake.default = Reply(json=[place_json(35.40, 69.60, "Danah")])
    monkeypatch.setenv("CLAIM_ATLAS_GEO_CACHE", str(tmp_path / "cache.json"))
    monkeypatch.delenv("CLAIM_ATLAS_GEOCODER", raising=False)
    offline = load_corpus([DANAH_SEED])
    assert any(c.unresolved_place == "Danah" for c in offline.claims)
    assert fake.requests == []

    monkeypatch.setenv("CLAIM_ATLAS_GEOCODER", "nominatim")
    monkeypatch.setenv("CLAIM_ATLAS_GEOCODER_DOMAIN", fake.domain)
    monkeypatch.setenv("CLAIM_ATLAS_GEOCODER_SCHEME", "http")
    online = load_corpus([DANAH_SEED])
    assert len(online.claims) == len(offline.claims)
    assert not any(c.unresolved_place for c in online.claims)
    assert len(fake.requests) == 1


def test_cli_online_flag(fake, tmp_path):
    import json
    import os
    import subprocess
    import sys

    fake.default = Reply(json=[place_json(35.40, 69.60, "Danah")])
    env = {
        **os.environ,
        "CLAIM_ATLAS_GEO_CACHE": str(tmp_path / "cache.json"),
        "CLAIM_ATLAS_GEOCODER_DOMAIN": fake.domain,
        "CLAIM_ATLAS_GEOCODER_SCHEME": "http",
    }
    env.pop("CLAIM_ATLAS_GEOCODER", None)
    cmd = [sys.executable, "-m", "claims", "extract", str(DANAH_SEED), "--format", "jsonl"]
    offline = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    online = subprocess.run([*cmd, "--online"], capture_output=True, text=True, env=env, timeout=60)
    assert offline.returncode == online.returncode == 0, online.stderr
    rows = [json.loads(line) for line in online.stdout.splitlines()]
    assert rows and not any(r["unresolved_place"] for r in rows)
    assert any(json.loads(line)["unresolved_place"] for line in offline.stdout.splitlines())
