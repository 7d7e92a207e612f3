"""Gazetteer figures: exact and fuzzy resolves per second, and the cold load time.

Exact queries are the gazetteer's own names and Latin-script aliases; fuzzy queries are
unseen transliteration variants of them (``corpus.spelling_variant``), none of which is a
known name. Every query is distinct, and each run resolves each query once, so a per-query
cache inside the gazetteer can only help from the second run on (the first run is reported).
The cold load is ``import geo`` + ``load_gazetteer()`` in a fresh interpreter.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from typing import Any

from benchmarks.corpus import PlaceName, _short, spelling_variant
from benchmarks.extraction import BenchmarkUnavailable
from benchmarks.stats import ROOT, spread


def exact_queries(places: list[PlaceName]) -> list[tuple[str, str]]:
    """(query, query) for every distinct name and alias: the exact lookups."""
    names: set[str] = set()
    for p in places:
        names.update((p.name, _short(p), *p.aliases))
    return sorted((n, n) for n in names)


def fuzzy_queries(places: list[PlaceName], seed: int = 7) -> list[tuple[str, str]]:
    """(variant, original name): one unseen variant per known name of 5+ letters."""
    exact = exact_queries(places)
    known = {q.lower() for q, _ in exact}
    rng = random.Random(f"gazetteer-fuzzy:{seed}")
    out: dict[str, str] = {}
    for name, _ in exact:
        if len(name) < 5:
            continue
        variant = spelling_variant(name, rng)
        if variant.lower() not in known:
            out.setdefault(variant, name)
    return sorted(out.items())


def _resolve_all(gaz: Any, queries: list[tuple[str, str]]) -> tuple[float, list[Any]]:
    """Seconds to resolve every query once, and the resolutions."""
    resolve = gaz.resolve
    t0 = time.perf_counter()
    results = [resolve(q) for q, _ in queries]
    return time.perf_counter() - t0, results


def _id_of(resolution: Any) -> str | None:
    place = resolution.place
    return None if place is None else str(place.id)


def _quality(gaz: Any, queries: list[tuple[str, str]], results: list[Any]) -> dict[str, float]:
    """Share resolved, and share resolved to the place its original spelling resolves to."""
    same = sum(
        1
        for r, (_, original) in zip(results, queries, strict=True)
        if r.resolved and _id_of(r) == _id_of(gaz.resolve(original))
    )
    return {
        "resolved_share": round(sum(1 for r in results if r.resolved) / len(queries), 3),
        "same_place_as_original_share": round(same / len(queries), 3),
    }


def _rates(gaz: Any, queries: list[tuple[str, str]], runs: int) -> tuple[list[float], list[float]]:
    """Resolves per second (wall clock, CPU) of ``runs`` runs, each at least ~0.2 s of work
    so the clock's resolution does not matter."""
    times, cpu_rates = [], []
    for _ in range(runs):
        total, calls = 0.0, 0
        c0 = time.process_time()
        while total < 0.2:
            seconds, _ = _resolve_all(gaz, queries)
            total += seconds
            calls += len(queries)
        times.append(calls / total)
        cpu_rates.append(calls / max(time.process_time() - c0, 1e-9))
    return times, cpu_rates


def resolve_rates(places: list[PlaceName], runs: int) -> dict[str, Any]:
    from geo import load_gazetteer

    gaz = load_gazetteer()
    out: dict[str, Any] = {}
    for label, queries in (("exact", exact_queries(places)), ("fuzzy", fuzzy_queries(places))):
        first_seconds, results = _resolve_all(gaz, queries)
        times, cpu_rates = _rates(gaz, queries, runs)
        rates = spread(times)
        out[label] = {
            "queries": len(queries),
            "per_s": rates.to_json(0),
            "per_cpu_s": spread(cpu_rates).to_json(0),
            **_quality(gaz, queries, results),
            "first_pass_per_s": round(len(queries) / first_seconds),
        }
    return out


_COLD = (
    "import json, time; t0 = time.perf_counter(); import geo; t1 = time.perf_counter(); "
    "g = geo.load_gazetteer(); t2 = time.perf_counter(); "
    "print(json.dumps({'import_s': t1 - t0, 'load_s': t2 - t1}))"
)


def _fresh_interpreter(code: str, *args: str, what: str) -> dict[str, Any]:
    """Run ``code`` in a new Python process; its last stdout line is a JSON object."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:]
        raise BenchmarkUnavailable(f"{what} failed: {' | '.join(tail)}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_load(runs: int) -> dict[str, Any]:
    imports, loads, totals = [], [], []
    for _ in range(runs):
        data = _fresh_interpreter(_COLD, what="gazetteer cold load")
        imports.append(data["import_s"])
        loads.append(data["load_s"])
        totals.append(data["import_s"] + data["load_s"])
    return {
        "import_s": spread(imports).to_json(),
        "load_s": spread(loads).to_json(),
        "total_s": spread(totals).to_json(),
    }


def mention_rate(texts: list[str], runs: int) -> dict[str, Any]:
    """find_mentions over article texts: articles/s and mentions found (one pass per run)."""
    from geo import load_gazetteer

    gaz = load_gazetteer()
    times, found = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = sum(len(gaz.find_mentions(t)) for t in texts)
        times.append(time.perf_counter() - t0)
    secs = spread(times)
    return {
        "articles": len(texts),
        "mentions": found,
        "seconds": secs.to_json(),
        "articles_per_s": round(len(texts) / secs.median, 1),
    }


# -- the world layer -----------------------------------------------------------------------

WORLD_SCOPE = ("UA", "RU")


def world_queries(countries: tuple[str, ...] = WORLD_SCOPE, seed: int = 7) -> dict[str, list]:
    """Exact queries (every distinct name of the scope's world places) and fuzzy ones (one
    unseen spelling variant of each name of 5+ letters), as for the curated layer."""
    from geo import load_gazetteer

    gaz = load_gazetteer(countries=countries)
    layer = gaz.world
    assert layer is not None, "a scope without a world layer"
    names = sorted({p.name for p in layer.places})
    exact = [(n, n) for n in names]
    rng = random.Random(f"world-fuzzy:{seed}")
    fuzzy: dict[str, str] = {}
    for name in names:
        if len(name) < 5:
            continue
        variant = spelling_variant(name, rng)
        if not layer.has_name(variant.lower()) and variant not in fuzzy:
            fuzzy[variant] = name
    return {"exact": exact, "fuzzy": sorted(fuzzy.items())}


def world_resolve_rates(runs: int, countries: tuple[str, ...] = WORLD_SCOPE) -> dict[str, Any]:
    """Resolves/s of the scoped gazetteer (national layers, countries, world layer, outside)."""
    from geo import load_gazetteer

    gaz = load_gazetteer(countries=countries)
    out: dict[str, Any] = {"scope": list(countries)}
    for label, queries in world_queries(countries).items():
        first_seconds, results = _resolve_all(gaz, queries)
        times, cpu_rates = _rates(gaz, queries, runs)
        out[label] = {
            "queries": len(queries),
            "per_s": spread(times).to_json(0),
            "per_cpu_s": spread(cpu_rates).to_json(0),
            "first_pass_per_s": round(len(queries) / first_seconds),
            **_quality(gaz, queries, results),
        }
    return out


_WORLD_COLD = (
    "import json, resource, sys, time; t0 = time.perf_counter(); import geo; "
    "t1 = time.perf_counter(); g = geo.load_gazetteer(countries=tuple(sys.argv[1].split(','))); "
    "t2 = time.perf_counter(); g.resolve('Kharkiv'); "
    "print(json.dumps({'import_s': t1 - t0, 'load_s': t2 - t1, "
    "'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
)


def world_cold_load(runs: int, countries: tuple[str, ...] = WORLD_SCOPE) -> dict[str, Any]:
    """``import geo`` + ``load_gazetteer(countries=…)`` in a fresh interpreter, the index
    already built (built once first if it is not), with the process's peak memory."""
    from geo.worldindex import build_index

    build_index()
    loads, totals, rss = [], [], []
    for _ in range(runs):
        data = _fresh_interpreter(_WORLD_COLD, ",".join(countries), what="world cold load")
        loads.append(data["load_s"])
        totals.append(data["import_s"] + data["load_s"])
        rss.append(data["peak_rss_mb"])
    return {
        "scope": list(countries),
        "load_s": spread(loads).to_json(),
        "total_s": spread(totals).to_json(),
        "peak_rss_mb": spread(rss).to_json(1),
    }


def scoped_mention_rate(
    texts: list[str], runs: int, countries: tuple[str, ...] = ("AF",)
) -> dict[str, Any]:
    """find_mentions over the same texts with the curated layer alone and with a scope, in
    one run: articles/s of each and their ratio (the price of the world layer)."""
    from geo import load_gazetteer

    out: dict[str, Any] = {"scope": list(countries), "articles": len(texts)}
    for label, gaz in (("curated", load_gazetteer()), ("scoped", load_gazetteer(countries))):
        gaz.find_mentions(texts[0]) if texts else None  # warm the caches of both alike
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for t in texts:
                gaz.find_mentions(t)
            times.append(time.perf_counter() - t0)
        out[label] = {"articles_per_s": round(len(texts) / spread(times).median, 1)}
    out["scoped_over_curated"] = round(
        out["scoped"]["articles_per_s"] / out["curated"]["articles_per_s"], 3
    )
    return out
