"""The resolver chain against tests/fake_nominatim.py (never the internet), and the cache."""

from __future__ import annotations

import itertools
import json
import os
import socket
import time
from pathlib import Path

import pytest
from fake_nominatim import FakeNominatim, Reply, place_json, refused_port

from geo import GeoError
from geo.cache import GeocodeCache, write_atomic
from geo.config import DEFAULT_USER_AGENT, Config
from geo.exc import CacheError, ConfigurationError
from geo.model import Place
from geo.online import OnlineGeocoder
from geo.resolver import Resolver

UNKNOWN = "Zzyzxabad"  # certainly not in the gazetteer
BOUND_S = 10.0  # generous wall-clock guard for "bounded time", not a performance assertion


@pytest.fixture
def fake():
    with FakeNominatim() as f:
        yield f


def make(fake: FakeNominatim, tmp_path: Path, **kw: object) -> Resolver:
    cfg = Config(
        geocoder="nominatim",
        domain=fake.domain,
        scheme="http",
        timeout=float(kw.pop("timeout", 1.0)),  # type: ignore[arg-type]
        min_delay_seconds=float(kw.pop("delay", 0.0)),  # type: ignore[arg-type]
        cache_path=tmp_path / "cache.json",
        **kw,
    )  # type: ignore[arg-type]
    return Resolver(config=cfg)


def timed(resolver: Resolver, name: str, context: str | None = None):
    t = time.monotonic()
    r = resolver.resolve(name, context)
    return r, time.monotonic() - t


def test_offline_by_default_sends_nothing(fake: FakeNominatim, tmp_path: Path) -> None:
    r = Resolver(config=Config(cache_path=tmp_path / "c.json")).resolve(UNKNOWN)
    assert not r.resolved and fake.requests == []
    assert not (tmp_path / "c.json").exists()


def test_online_hit_is_cached(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.push(Reply(json=[place_json(35.30, 69.50, UNKNOWN)]))
    res = make(fake, tmp_path)
    r = res.resolve(UNKNOWN)
    assert r.resolved and r.method == "online" and r.place is not None
    assert (r.place.lat, r.place.lon) == (35.30, 69.50)
    assert r.place.province == "Panjshir" and "OpenStreetMap" in r.place.source
    req = fake.requests[0]
    assert req.path == "/search" and req.query["q"] == [UNKNOWN]
    assert req.query["countrycodes"] == ["af"]
    assert req.headers["User-Agent"] == DEFAULT_USER_AGENT
    # a second resolver reads the persisted cache: no new request
    again = make(fake, tmp_path).resolve(UNKNOWN)
    assert again.method == "cache" and again.place == r.place
    assert len(fake.requests) == 1
    assert json.loads((tmp_path / "cache.json").read_text())["version"] == 1


def test_gazetteer_hits_never_go_online(fake: FakeNominatim, tmp_path: Path) -> None:
    res = make(fake, tmp_path)
    assert res.resolve("Dashte Rewak").method in ("exact", "key")
    assert res.resolve("Arghandab").reason == "ambiguous"
    assert fake.requests == []


def test_no_result_is_cached_as_a_miss(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.push(Reply(json=[]))
    r = make(fake, tmp_path).resolve(UNKNOWN)
    assert not r.resolved and "no online result" in (r.reason or "")
    r2 = make(fake, tmp_path).resolve(UNKNOWN)
    assert "cached" in (r2.reason or "") and len(fake.requests) == 1


@pytest.mark.parametrize(
    ("lat", "lon", "context", "needle"),
    [
        (38.88, -77.17, None, "outside Afghanistan"),  # the "Panjshir in Virginia" trap
        (0.0, 0.0, None, "outside Afghanistan"),
        (34.52, 69.17, "Panjshir", "outside the context"),  # Kabul is not in Panjshir
    ],
)
def test_results_outside_the_area_are_rejected(
    fake: FakeNominatim,
    tmp_path: Path,
    lat: float,
    lon: float,
    context: str | None,
    needle: str,
) -> None:
    fake.push(Reply(json=[place_json(lat, lon)]))
    r = make(fake, tmp_path).resolve(UNKNOWN, context)
    assert not r.resolved and needle in (r.reason or "")


FAULTS = [
    ("timeout", Reply(json=[place_json(35.3, 69.5)], delay=3.0), "timed out"),
    ("slow-drip", Reply(json=[place_json(35.3, 69.5)], drip_interval=0.2), "timed out"),
    ("429", Reply(status=429, headers={"Retry-After": "120"}), "rate-limited"),
    ("500", Reply(status=500, body=b"internal error"), "geocoder error"),
    ("503", Reply(status=503, body=b"busy"), "geocoder"),
    ("invalid-json", Reply(body=b"{not json"), "unreadable"),
    ("wrong-shape", Reply(json={"lat": "x"}), "geocoder"),
    ("bad-numbers", Reply(json=[{"lat": "abc", "lon": "def"}]), "geocoder"),
    ("huge", Reply(size=20_000_000), "larger than"),
    (
        "html",
        Reply(body=b"<html>captcha</html>", headers={"Content-Type": "text/html"}),
        "unreadable",
    ),
    (
        "bad-charset",
        Reply(body=b"[]", headers={"Content-Type": "application/json; charset=nope"}),
        "unreadable",
    ),
]


@pytest.mark.parametrize(("reply", "needle"), [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_online_faults_end_unresolved_in_bounded_time(
    fake: FakeNominatim, tmp_path: Path, reply: Reply, needle: str
) -> None:
    fake.push(reply)
    res = make(fake, tmp_path)
    r, elapsed = timed(res, UNKNOWN)
    assert not r.resolved and r.place is None
    assert needle in (r.reason or ""), r.reason
    assert r.candidates  # the gazetteer's nearest names are kept
    assert elapsed < BOUND_S
    # a transient failure is not cached
    assert not (tmp_path / "cache.json").exists()


def test_429_blocks_further_requests_until_retry_after(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.push(Reply(status=429, headers={"Retry-After": "120"}))
    res = make(fake, tmp_path)
    res.resolve(UNKNOWN)
    r = res.resolve(UNKNOWN + "x")
    assert "no request sent" in (r.reason or "")
    assert len(fake.requests) == 1


def test_connection_refused(tmp_path: Path) -> None:
    cfg = Config(
        geocoder="nominatim",
        domain=f"127.0.0.1:{refused_port()}",
        scheme="http",
        timeout=1.0,
        min_delay_seconds=0,
        cache_path=tmp_path / "c.json",
    )
    r, elapsed = timed(Resolver(config=cfg), UNKNOWN)
    assert not r.resolved and "geocoder unavailable" in (r.reason or "") and elapsed < BOUND_S
    assert "refused" in (r.reason or "")


def test_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(*args: object, **kwargs: object) -> socket.socket:
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    cfg = Config(
        geocoder="nominatim", timeout=1.0, min_delay_seconds=0, cache_path=tmp_path / "c.json"
    )
    r, elapsed = timed(Resolver(config=cfg), UNKNOWN)
    assert not r.resolved and "geocoder unavailable" in (r.reason or "") and elapsed < BOUND_S


def test_rate_limit_real_one_second_delay(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.default = Reply(json=[])
    res = make(fake, tmp_path, delay=1.0)
    for i in range(3):
        res.resolve(f"{UNKNOWN}{i}")
    times = [r.t for r in fake.requests]
    assert len(times) == 3
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(g >= 0.95 for g in gaps), gaps  # never faster than 1 request/s


def test_rate_limiter_clock_and_sleep_are_patchable(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.default = Reply(json=[])
    cfg = Config(
        geocoder="nominatim",
        domain=fake.domain,
        scheme="http",
        timeout=1.0,
        min_delay_seconds=1.0,
        cache_path=tmp_path / "c.json",
    )
    geocoder = OnlineGeocoder(cfg)
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    geocoder.rate_limiter._clock = lambda: now[0]  # type: ignore[method-assign]
    geocoder.rate_limiter._sleep = sleep  # type: ignore[method-assign]
    res = Resolver(config=cfg, geocoder=geocoder)
    for i in range(4):
        res.resolve(f"{UNKNOWN}{i}")
    assert len(fake.requests) == 4
    assert len(slept) == 3 and all(abs(s - 1.0) < 1e-9 for s in slept)


# -- configuration ---------------------------------------------------------------------------


def test_config_from_env() -> None:
    cfg = Config.from_env(
        {
            "CLAIM_ATLAS_GEOCODER": "nominatim",
            "CLAIM_ATLAS_GEOCODER_DOMAIN": "127.0.0.1:9",
            "CLAIM_ATLAS_GEOCODER_SCHEME": "HTTP",
            "CLAIM_ATLAS_GEO_CACHE": "/tmp/x.json",
        }
    )
    assert cfg.online and cfg.domain == "127.0.0.1:9" and cfg.scheme == "http"
    assert cfg.cache_file() == Path("/tmp/x.json")
    assert not Config.from_env({}).online
    assert not Config.from_env({"CLAIM_ATLAS_GEOCODER": "off"}).online


@pytest.mark.parametrize(
    "env",
    [
        {"CLAIM_ATLAS_GEOCODER": "google"},
        {"CLAIM_ATLAS_GEOCODER_SCHEME": "ftp"},
        {"CLAIM_ATLAS_GEOCODER_TIMEOUT": "soon"},
        {"CLAIM_ATLAS_GEOCODER_TIMEOUT": "-1"},
    ],
)
def test_bad_config_raises(env: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError) as ei:
        Config.from_env(env)
    assert isinstance(ei.value, GeoError) and isinstance(ei.value, ValueError)


# -- the cache ---------------------------------------------------------------------------------

PLACE = Place("osm:node/1", "X", "village", 35.0, 69.0, 1.0, "Parwan", False, (), "test")


def test_cache_roundtrip_and_miss(tmp_path: Path) -> None:
    c = GeocodeCache(tmp_path / "sub" / "c.json")
    assert c.get("k") is None
    c.put("k", PLACE)
    c.put("m", "no online result")
    c2 = GeocodeCache(tmp_path / "sub" / "c.json")
    assert c2.get("k") == PLACE and c2.get("m") == "no online result" and len(c2) == 2


def test_interrupted_write_leaves_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.json"
    c = GeocodeCache(path)
    c.put("k", PLACE)
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError("disk full (simulated crash before the rename)")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(CacheError):
        c.put("k2", PLACE)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]  # no temp file left behind
    assert GeocodeCache(path).get("k2") is None


def test_write_atomic_interrupted_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.json"
    write_atomic(path, "old")

    class Boom(Exception):
        pass

    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        raise Boom

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(Boom):
        write_atomic(path, "new" * 1000)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


@pytest.mark.parametrize("content", ["{broken", '{"version": 99, "entries": {}}', "[]"])
def test_unreadable_cache_is_ignored_with_warning(tmp_path: Path, content: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(content)
    with pytest.warns(UserWarning):
        c = GeocodeCache(path)
    assert len(c) == 0
