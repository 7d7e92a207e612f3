"""``python -m benchmarks.store [--quick] [--save] [--only ingest,size,query] [--pg URL]``

The claim store's figures (issue 11), measured server-side:

- ``ingest``: the seeded corpus (10,000 articles; ``--quick``: 1,000) ingested into a fresh
  SQLite store through Dask with 1 and 2 workers (a LocalCluster started for each run, its
  start-up included), articles/s and scaling efficiency ``rate(2) / (2 × rate(1))``; then
  the unchanged corpus re-ingested (scan + hash + compare; target < 5 s).
- ``size``: bytes on disk per 100,000 claims (SQLite file; PostgreSQL with ``--pg``:
  ``pg_database_size`` less an empty store's).
- ``query``: at 100,000 claims (``benchmarks.corpus.generate_claims``), one dashboard rerun's
  data — count shown + total + markers per place (with 5 sample claims each) + timeline —
  pushed to the store (SQL) vs answered from columns in memory (``store.columnar``), for a
  few typical filter states; median of ``--runs``. Target < 300 ms.

The table goes to stderr, the JSON report to stdout; ``--save`` writes it to
``benchmarks/results/store-<mode>-<date>.json``. The dashboard-side figures (cold start to
first marker, slider step in Chromium, peak memory) need the dashboard wired to the store;
:func:`dashboard_store` builds the 100,000-claim store such a benchmark starts from.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.stats import ROOT, loadavg, machine_info, spread

RESULTS = Path(__file__).parent / "results"
QUERY_CLAIMS = 100_000


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _ingest_once(folder: Path, db: Path, workers: int) -> dict[str, Any]:
    """One ``claim-atlas ingest`` in its own process; wall time and the summary line."""
    t0 = time.perf_counter()
    ran = subprocess.run(
        [sys.executable, "-m", "claims", "ingest", str(folder), "--db", str(db),
         "--workers", str(workers), "--no-progress"],
        capture_output=True, text=True, cwd=ROOT, timeout=3600,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    if ran.returncode != 0:
        raise RuntimeError(f"ingest failed ({ran.returncode}): {ran.stderr[-1500:]}")
    return {"wall_s": wall, "summary": ran.stderr.strip().splitlines()[-1]}


def measure_ingest(n: int, runs: int, scratch: Path) -> dict[str, Any]:
    folder = scratch / "corpus"
    _log(f"writing {n} articles")
    corpus.write_corpus(folder, n, corpus.gazetteer_places())
    out: dict[str, Any] = {"articles": n, "runs": runs}
    rates: dict[int, list[float]] = {1: [], 2: []}
    for run in range(runs):
        for workers in (1, 2):
            db = scratch / f"ingest-{workers}-{run}.sqlite"
            got = _ingest_once(folder, db, workers)
            rates[workers].append(n / got["wall_s"])
            _log(f"{workers} worker(s): {n / got['wall_s']:.1f} articles/s ({got['wall_s']:.1f} s)")
            out.setdefault(f"summary_{workers}", got["summary"])
            if workers == 2 and run == 0:
                out["store_bytes"] = db.stat().st_size
                again = [_ingest_once(folder, db, 2)["wall_s"] for _ in range(max(3, runs))]
                out["reingest_s"] = spread(again).to_json(3)
                _log(f"re-ingest unchanged: {spread(again).median:.2f} s")
            if run < runs - 1 or workers == 1:
                db.unlink(missing_ok=True)
    r1, r2 = spread(rates[1]), spread(rates[2])
    out["articles_per_s_1"] = r1.to_json(2)
    out["articles_per_s_2"] = r2.to_json(2)
    out["scaling_efficiency"] = round(r2.median / (2 * r1.median), 3)
    return out


def _fill(url: str, claims: list, batch: int = 500) -> None:
    from claims.model import Article
    from store.database import open_store
    from store.uploads import put_articles

    by_file: dict[str, list] = {}
    for c in claims:
        by_file.setdefault(c.file, []).append(c)
    items = []
    for file, members in by_file.items():
        text = "\n".join(c.quote for c in members)
        sha = hashlib.sha256(text.encode()).hexdigest()
        items.append((Article(file=file, text=text, sha256=sha), members))
    with open_store(url, create=True) as db:
        for i in range(0, len(items), batch):
            put_articles(db, items[i : i + batch], root="/bench")


def dashboard_store(url: str, n: int = QUERY_CLAIMS) -> str:
    """A store of ``n`` generated claims (the dashboard benchmarks' starting point)."""
    _fill(url, corpus.generate_claims(n, corpus.gazetteer_places()))
    return url


class PeakRss:
    """Peak resident memory of a process and its children, sampled every ``interval`` s on
    a thread while the block runs (for the dashboard process at 100,000 claims)::

        with PeakRss(server.pid) as peak:
            ...drive the dashboard...
        peak.mb
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import threading

        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        try:
            proc = psutil.Process(self.pid)
            procs = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.NoSuchProcess):
                total += p.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())

    @property
    def mb(self) -> float:
        return round(self.peak / 2**20, 1)


def _states() -> dict[str, Any]:
    from store.query import ClaimFilter

    return {
        "everything": ClaimFilter(),
        "one_week": ClaimFilter(start=date(2021, 8, 25), end=date(2021, 9, 1)),
        "week_two_sides": ClaimFilter(start=date(2021, 8, 25), end=date(2021, 9, 1),
                                      excluded_sides=frozenset({"other", "unknown"})),
        "text_search": ClaimFilter(text="casualties near"),
    }  # fmt: skip


def _rerun_sql(db: Any, f: Any, samples: int = 5) -> None:
    db.count(f)
    db.total()
    db.places(f, samples=samples)
    db.timeline(f)


def _rerun_columns(cols: Any, f: Any) -> None:
    cols.count(f)
    cols.count()
    cols.places(f, samples=5)
    cols.timeline(f)


def _timed(fn: Callable[[], object], runs: int) -> dict[str, Any]:
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return spread(times).to_json(1)


def measure_query(url: str, runs: int, label: str) -> dict[str, Any]:
    import psutil

    from store.columnar import ColumnarClaims
    from store.database import open_store

    out: dict[str, Any] = {}
    with open_store(url) as db:
        rss = psutil.Process().memory_info().rss
        t0 = time.perf_counter()
        cols = ColumnarClaims.from_store(db)
        out["columnar_load_s"] = round(time.perf_counter() - t0, 2)
        out["columnar_rss_mb"] = round((psutil.Process().memory_info().rss - rss) / 2**20, 1)
        for name, f in _states().items():
            sql = _timed(lambda f=f: _rerun_sql(db, f), runs)
            bare = _timed(lambda f=f: _rerun_sql(db, f, samples=0), runs)
            mem = _timed(lambda f=f: _rerun_columns(cols, f), runs)
            places = len(cols.places(f, samples=0))
            out[name] = {"sql_ms": sql, "sql_no_samples_ms": bare, "columnar_ms": mem,
                         "shown": db.count(f), "places": places}  # fmt: skip
            _log(f"{label} {name}: SQL {sql['median']} ms ({bare['median']} ms without sample "
                 f"claims), columnar {mem['median']} ms")  # fmt: skip
    worst_sql = max(v["sql_ms"]["median"] for v in out.values() if isinstance(v, dict))
    worst_mem = max(v["columnar_ms"]["median"] for v in out.values() if isinstance(v, dict))
    out["worst_sql_ms"], out["worst_columnar_ms"] = worst_sql, worst_mem
    out["faster"] = "columnar" if worst_mem < worst_sql else "sql"
    return out


def _pg_size(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return int(size)


def _pg_database(admin_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def measure_store(runs: int, scratch: Path, pg: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"claims": QUERY_CLAIMS}
    sqlite_url = f"sqlite:///{scratch / 'query.sqlite'}"
    _log(f"filling SQLite with {QUERY_CLAIMS} claims")
    t0 = time.perf_counter()
    dashboard_store(sqlite_url)
    out["sqlite_fill_s"] = round(time.perf_counter() - t0, 1)
    out["sqlite_bytes_per_100k"] = (scratch / "query.sqlite").stat().st_size
    out["sqlite"] = measure_query(sqlite_url, runs, "sqlite")
    if pg:
        from store.database import open_store

        url = _pg_database(pg, "claim_atlas_bench")
        with open_store(url, create=True):
            empty = _pg_size(url)
        dashboard_store(url)
        out["postgresql_bytes_per_100k"] = _pg_size(url) - empty
        out["postgresql"] = measure_query(url, runs, "postgresql")
    return out


def table(report: dict[str, Any]) -> str:
    lines = []
    ing = report.get("ingest") or {}
    if ing:
        n, r1, r2 = ing["articles"], ing["articles_per_s_1"], ing["articles_per_s_2"]
        lines += [
            f"ingest {n} articles, 1 worker: {r1['median']} articles/s",
            f"ingest {n} articles, 2 workers: {r2['median']} articles/s",
            f"scaling efficiency 1→2: {ing['scaling_efficiency']} (target ≥ 0.8)",
            f"re-ingest unchanged: {ing['reingest_s']['median']} s (target < 5 s)",
        ]
    q = report.get("query") or {}
    for backend in ("sqlite", "postgresql"):
        b = q.get(backend)
        if b:
            lines.append(
                f"{backend} rerun at 100k, worst state: SQL {b['worst_sql_ms']} ms, columnar "
                f"{b['worst_columnar_ms']} ms → {b['faster']} is faster (target < 300 ms)"
            )
        size = q.get(f"{backend}_bytes_per_100k")
        if size:
            lines.append(f"{backend} size per 100k claims: {size / 1e6:.1f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 articles instead of 10,000")
    parser.add_argument("--save", action="store_true")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--only", default="", help="comma list of: ingest, query")
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL superuser URL for size/query")
    args = parser.parse_args(argv)
    only = {s for s in args.only.split(",") if s}
    runs = args.runs or (1 if args.quick else 3)
    report: dict[str, Any] = {
        "schema": 1, "mode": "quick" if args.quick else "full",
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(), "runs_per_figure": runs,
    }  # fmt: skip
    scratch = Path(tempfile.mkdtemp(prefix="claim-atlas-store-bench-"))
    try:
        if not only or "ingest" in only:
            report["ingest"] = measure_ingest(1000 if args.quick else 10_000, runs, scratch)
        if not only or "query" in only:
            report["query"] = measure_store(max(5, runs * 3), scratch, args.pg)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report["machine"]["loadavg_end"] = loadavg()
    print(table(report), file=sys.stderr)
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"store-{report['mode']}-{datetime.now(UTC).date().isoformat()}.json"
        path.write_text(text + "\n", encoding="utf-8")
        _log(f"saved {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
