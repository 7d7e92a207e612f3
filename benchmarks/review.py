"""``python -m benchmarks.review [--quick] [--save] [--pg ADMIN_URL]``: analyst review (issue 12).

- ``write``: latency of :func:`store.review.save` (one transaction: the decision, its audit
  row, the generation counter) on a store of 100,000 claims — first decisions (inserts) and
  changes of existing ones (version-checked updates), p50 and p95 over the writes, SQLite and
  (``--pg``, or a throwaway server from ``scripts/pg_server.sh`` when PostgreSQL is installed)
  PostgreSQL.
- ``load``: what a cold dashboard process reads before its first marker (imports included,
  Streamlit's own start-up and the page's drawing not), at 100,000 claims with
  10,000 decisions (a third of them corrections): open the store, load the snapshot's columns
  (:class:`store.columnar.ColumnarClaims`) and session data, read every decision, lay them
  over the columns (:func:`atlas.review.overlay`: status per row, corrected rows replaced),
  the reviewed session data. Target: within the store's cold-start budget (< 3 s). Also
  ``next_decision_s``: one more save and the overlay laid again over the same snapshot (what
  the reviewer's next rerun pays; the claims are not reloaded).

``--quick``: 20,000 claims and 2,000 decisions. Table on stderr, JSON on stdout; ``--save``
writes ``benchmarks/results/review-<mode>-<date>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.stats import ROOT, loadavg, machine_info
from benchmarks.store import _log, _pg_database, dashboard_store

RESULTS = Path(__file__).parent / "results"
COLD_START_TARGET_S = 3.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    at = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[at], 2)


def _latency(ms: list[float]) -> dict[str, float]:
    return {"p50_ms": _percentile(ms, 0.5), "p95_ms": _percentile(ms, 0.95),
            "max_ms": round(max(ms), 2), "n": len(ms)}  # fmt: skip


def _edit(i: int) -> Any:
    from store.review import Edit, Verdict

    if i % 3 == 0:
        return Edit(Verdict.CORRECTED, corrections={"figure": str(1_000_003 + i)})
    if i % 3 == 1:
        return Edit(Verdict.CONFIRMED, note="checked against the original")
    return Edit(Verdict.REJECTED, reason="history, not a claim")


def decide(url: str, n: int) -> dict[str, Any]:
    """``n`` first decisions, then ``n // 5`` changes of existing ones; latencies in ms."""
    from store.database import open_store
    from store.review import Edit, Reviewer, Verdict, save

    who = Reviewer("bench")
    with open_store(url) as db:
        claims = db.claims()[:n]
        inserts: list[float] = []
        for i, claim in enumerate(claims):
            t0 = time.perf_counter()
            save(db, claim, _edit(i), who, 0)
            inserts.append((time.perf_counter() - t0) * 1000)
        updates: list[float] = []
        for claim in claims[: max(1, n // 5)]:
            t0 = time.perf_counter()
            save(db, claim, Edit(Verdict.CONFIRMED, note="second look"), who, 1)
            updates.append((time.perf_counter() - t0) * 1000)
    return {"insert": _latency(inserts), "update": _latency(updates),
            "all": _latency(inserts + updates)}  # fmt: skip


def cold_load(url: str, data_home: Path | None = None) -> dict[str, Any]:
    """One cold read of everything the dashboard needs, in a fresh process; with
    ``data_home`` (as the user cache folder) the claims go through the snapshot file there, as
    the dashboard reads them (the first such run writes it, a restart reads it back)."""
    import os

    code = (
        "import json, sys, time\n"
        "t0 = time.perf_counter()\n"
        "from benchmarks.review import load_once\n"
        "print(json.dumps(load_once(sys.argv[1], t0, sys.argv[2] == '1')))\n"
    )
    env = {**os.environ, **({"XDG_CACHE_HOME": str(data_home)} if data_home else {})}
    ran = subprocess.run(
        [sys.executable, "-c", code, url, "1" if data_home else "0"],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=env,
    )  # fmt: skip
    if ran.returncode != 0:
        raise RuntimeError(f"cold load failed: {ran.stderr[-1500:]}")
    return json.loads(ran.stdout.strip().splitlines()[-1])


def load_once(url: str, t0: float, cached: bool = False) -> dict[str, Any]:
    """What the dashboard does before drawing, timed from ``t0`` (the process's start of work,
    imports included): the store's snapshot, its session data, every decision read and laid
    over the columns (:func:`atlas.review.overlay`, corrections applied by
    :meth:`~store.columnar.ColumnarClaims.replaced`), the session data of the reviewed columns.
    Then the cost of one more decision as a reviewer's next rerun pays it: the save, the
    decisions read again and laid over the same snapshot. ``cached``: the snapshot read
    through :class:`store.snapshot_cache.SnapshotCache` as the dashboard reads it."""
    from atlas.review import overlay
    from atlas.session import from_snapshot, with_columns
    from store.database import open_store
    from store.review import Edit, Reviewer, Verdict, all_decisions, decision_for, save

    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = round(time.perf_counter() - t0, 3)

    mark("imports_s")
    with open_store(url) as db:
        mark("open_s")
        snapshot = _snapshot(db, url) if cached else db.snapshot()
        base = from_snapshot(snapshot, db.article, root=None, name="bench")
        mark("claims_columns_s")
        decisions = all_decisions(db)
        mark("decisions_s")
        view = overlay(base.columns, decisions)
        data = with_columns(base, view.columns, snapshot.version)
        mark("attached_s")
        claim = base.columns.claim_at(base.columns.n - 1)
        known = decision_for(db, claim)
        t1 = time.perf_counter()
        save(db, claim, Edit(Verdict.CORRECTED, corrections={"figure": "77"}), Reviewer("b"),
             known.version if known else 0)  # fmt: skip
        again = overlay(base.columns, all_decisions(db))
        with_columns(base, again.columns, db.version())
        after_save = round(time.perf_counter() - t1, 3)
    corrected = sum(1 for d in view.book.values() if d.corrections)
    return {"claims": data.total, "decisions": len(decisions), "corrected": corrected,
            "orphans": len(view.orphans), **marks, "total_s": marks["attached_s"],
            "review_part_s": round(marks["attached_s"] - marks["claims_columns_s"], 3),
            "next_decision_s": after_save}  # fmt: skip


def _snapshot(db: Any, url: str) -> Any:
    """The snapshot as the dashboard's start reads it: the file when it is current, else the
    store's (and the file written)."""
    from store.snapshot_cache import SnapshotCache

    files = SnapshotCache()
    found = files.load(url, None, (db.version()[0],))
    if found is None:
        found = db.snapshot()
        files.save(url, None, found)
    return found


@contextlib.contextmanager
def _pg_server(given: str | None, scratch: Path) -> Iterator[str | None]:
    if given:
        yield given
        return
    script = ROOT / "scripts" / "pg_server.sh"
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        yield None
        return
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="claim-atlas-bench-pg-"))
    if hasattr(shutil, "chown"):
        with contextlib.suppress(LookupError, PermissionError, OSError):
            shutil.chown(folder, "postgres")
    started = subprocess.run(["bash", str(script), "start", str(folder), str(port)],
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    if started.returncode != 0:
        raise RuntimeError(f"could not start PostgreSQL: {started.stderr[-1500:]}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def measure(claims: int, decisions: int, pg: str | None, scratch: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"claims": claims, "decisions": decisions}
    urls = {"sqlite": f"sqlite:///{scratch / 'review.sqlite'}"}
    with _pg_server(pg, scratch) as admin:
        if admin:
            urls["postgresql"] = _pg_database(admin, "claim_atlas_review_bench")
        for backend, url in urls.items():
            _log(f"{backend}: filling {claims} claims")
            dashboard_store(url, claims)
            _log(f"{backend}: {decisions} decisions")
            write = decide(url, decisions)
            _log(
                f"{backend}: write p50 {write['all']['p50_ms']} ms, p95 {write['all']['p95_ms']} ms"
            )
            load = [cold_load(url) for _ in range(3)]
            best = sorted(load, key=lambda r: r["total_s"])[1]  # the median of three
            _log(f"{backend}: cold load {best['total_s']} s (median of 3)")
            home = scratch / f"data-{backend}"
            first = cold_load(url, home)  # writes the snapshot file, as a first start does
            again = [cold_load(url, home) for _ in range(3)]
            restart = sorted(again, key=lambda r: r["total_s"])[1]
            _log(f"{backend}: restart (snapshot file) {restart['total_s']} s (median of 3)")
            out[backend] = {"write": write, "cold_load": best,
                            "cold_load_runs_s": [r["total_s"] for r in load],
                            "first_start_load": first, "restart_load": restart,
                            "restart_load_runs_s": [r["total_s"] for r in again],
                            "within_target": best["total_s"] < COLD_START_TARGET_S}  # fmt: skip
    return out


def table(report: dict[str, Any]) -> str:
    lines = [f"{report['claims']:,} claims, {report['decisions']:,} decisions"]
    for backend in ("sqlite", "postgresql"):
        b = report.get(backend)
        if not b:
            lines.append(f"{backend}: not measured (no server)")
            continue
        w, c = b["write"], b["cold_load"]
        lines.append(
            f"{backend}: review write p50 {w['all']['p50_ms']} ms, p95 {w['all']['p95_ms']} ms "
            f"(first decision p50 {w['insert']['p50_ms']} ms, change p50 {w['update']['p50_ms']} "
            f"ms); cold load {c['total_s']} s (claims {c['claims_columns_s']} s, decisions "
            f"{c['decisions_s']} s, attached {c['attached_s']} s: review's part "
            f"{c['review_part_s']} s; next decision + overlay again {c['next_decision_s']} s; "
            f"restart with the snapshot file {b['restart_load']['total_s']} s; "
            f"target < "
            f"{COLD_START_TARGET_S:g} s: {'met' if b['within_target'] else 'MISSED'})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.review", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20,000 claims, 2,000 decisions")
    parser.add_argument("--save", action="store_true")
    parser.add_argument("--pg", metavar="ADMIN_URL", help="a PostgreSQL superuser URL")
    args = parser.parse_args(argv)
    claims, decisions = (20_000, 2_000) if args.quick else (100_000, 10_000)
    scratch = Path(tempfile.mkdtemp(prefix="claim-atlas-review-bench-"))
    try:
        report = {"machine": machine_info(), "load_before": loadavg(),
                  "when": datetime.now(UTC).isoformat(timespec="seconds"),
                  **measure(claims, decisions, args.pg, scratch)}  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(table(report), file=sys.stderr)
    text = json.dumps(report, indent=1)
    print(text)
    if args.save:
        mode = "quick" if args.quick else "full"
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"review-{mode}-{date.today().isoformat()}.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
