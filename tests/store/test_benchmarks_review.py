"""benchmarks.review on a small store, SQLite and PostgreSQL: the write latencies and the cold
load it reports come from real saves and a real read through the dashboard's own overlay
(numbers are not checked: timings belong to the benchmark)."""

from __future__ import annotations

import time

from benchmarks.review import decide, load_once, table
from benchmarks.store import dashboard_store


def test_review_benchmark_measures_real_writes_and_loads(db_url, tmp_path, monkeypatch):
    url = dashboard_store(db_url, 300)
    write = decide(url, 30)
    assert (write["insert"]["n"], write["update"]["n"]) == (30, 6)
    assert 0 < write["all"]["p50_ms"] <= write["all"]["p95_ms"] <= write["all"]["max_ms"]
    load = load_once(url, time.perf_counter())
    # every third decision a correction; the 6 changes confirm claims 0-5 anew (an Edit is the
    # whole decision), which drops the corrections of claims 0 and 3
    counts = (load["claims"], load["decisions"], load["corrected"], load["orphans"])
    assert counts == (300, 30, 8, 0)
    assert load["open_s"] <= load["claims_columns_s"] <= load["decisions_s"] <= load["total_s"]
    assert load["next_decision_s"] > 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    again = load_once(url, time.perf_counter(), cached=True)  # as the dashboard's start reads
    # the first load saved one more decision (a correction: the next reviewer's save it times)
    assert (again["claims"], again["decisions"], again["corrected"]) == (300, 31, 9)
    report = {"claims": 300, "decisions": 30,
              "sqlite": {"write": write, "cold_load": load, "restart_load": again,
                         "within_target": True}}  # fmt: skip
    assert "review write p50" in table(report) and "postgresql: not measured" in table(report)
