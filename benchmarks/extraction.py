"""Extraction figures: articles/s and words/s of ``claims.load_corpus``, one process and all
cores, peak memory, and how the cost grows with the corpus size.

Each (size, workers) configuration runs in a fresh subprocess
(``python -m benchmarks.extraction <folder> <n> <workers> <runs>``), so peak memory is that
configuration's own. The gazetteer is loaded and a 10-file warm-up done before the clock
starts (the gazetteer's cold load is a figure of its own); the clock covers each
``load_corpus(paths, workers=...)`` call: reading, splitting, matching, dating, resolving.
"""

from __future__ import annotations

import json
import math
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.stats import ROOT, Spread, spread


class BenchmarkUnavailable(RuntimeError):
    """A measurement cannot be taken here; the message says why (it becomes the null reason)."""


@dataclass(frozen=True)
class RunResult:
    """All timed runs of one (size, workers) configuration, from one subprocess."""

    seconds: list[float]
    cpu_seconds: list[float]
    articles: int
    claims: int
    problems: int
    peak_rss_mb: float
    child_peak_rss_mb: float


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (pool workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _worker(folder: str, n: int, workers: int, runs: int) -> dict[str, Any]:
    """Run inside the subprocess: one untimed warm-up on 10 files, then ``runs`` timed
    ``load_corpus`` calls over the first ``n`` files (each call reads every file again)."""
    from claims import load_corpus
    from geo import load_gazetteer

    load_gazetteer()
    paths = sorted(Path(folder).glob("*.txt"))[:n]
    load_corpus(paths[:10], workers=1)  # imports and lazy tables, outside the clock
    seconds, cpu = [], []
    for _ in range(runs):
        c0 = _cpu()
        t0 = time.perf_counter()
        corpus = load_corpus(paths, workers=workers)
        seconds.append(time.perf_counter() - t0)
        cpu.append(_cpu() - c0)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles": len(corpus.articles),
        "claims": len(corpus.claims),
        "problems": len(corpus.problems),
        "peak_rss_mb": round(self_rss, 1),
        "child_peak_rss_mb": round(child_rss, 1),
    }


def run_config(folder: Path, n: int, workers: int, runs: int, timeout: float = 3600) -> RunResult:
    """``runs`` timed extractions of the first ``n`` articles in a fresh interpreter."""
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.extraction",
        str(folder),
        str(n),
        str(workers),
        str(runs),
    ]
    proc = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise BenchmarkUnavailable(f"extraction run failed: {' | '.join(tail)}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return RunResult(**data)


def _rates(result: RunResult, words: int) -> dict[str, Any]:
    secs = spread(result.seconds)
    n = result.articles
    return {
        "articles": n,
        "claims": result.claims,
        "problems": result.problems,
        "seconds": secs.to_json(),
        "articles_per_s": _inverse(secs, n).to_json(1),
        "words_per_s": _inverse(secs, words).to_json(0),
        "ms_per_article": round(1000 * secs.median / max(n, 1), 3),
        "cpu_ms_per_article": round(1000 * spread(result.cpu_seconds).median / max(n, 1), 3),
        "peak_rss_mb": result.peak_rss_mb,
        "child_peak_rss_mb": result.child_peak_rss_mb,
    }


def _inverse(secs: Spread, amount: float) -> Spread:
    """Rates from times: the median rate is amount / median time; min rate from max time."""
    return Spread(
        amount / secs.median,
        amount / secs.max,
        amount / secs.min,
        tuple(amount / v for v in secs.values),
    )


def measure(
    folder: Path,
    plan: dict[str, list[int]],
    words_by_size: dict[int, int],
    runs: int,
    log: Any = None,
) -> dict[str, Any]:
    """Extraction at each planned size, ``single`` (one process) and ``all_cores``; the growth
    exponent from log-log between the smallest and largest size of each."""
    cores = os.cpu_count() or 1
    out: dict[str, Any] = {"cores": cores, "runs": runs, "sizes": {}}
    workers_of = {"single": 1, "all_cores": cores}
    for label, sizes in plan.items():
        for n in sizes:
            result = run_config(folder, n, workers_of[label], runs)
            entry = _rates(result, words_by_size[n])
            entry["workers"] = workers_of[label]
            out["sizes"].setdefault(str(n), {})[label] = entry
            if log:
                log(
                    f"extract n={n} workers={workers_of[label]}: median "
                    f"{entry['seconds']['median']:.2f}s, {entry['articles_per_s']['median']:.0f} "
                    f"articles/s, {result.claims} claims"
                )
    growth: dict[str, dict[str, float]] = {}
    for label, sizes in plan.items():
        small, large = str(min(sizes)), str(max(sizes))
        if small == large:
            continue
        a, b = out["sizes"][small][label], out["sizes"][large][label]
        ratio = math.log(int(large) / int(small))
        growth[label] = {
            "wall": round(math.log(b["seconds"]["median"] / a["seconds"]["median"]) / ratio, 3),
            "cpu": round(
                math.log(
                    (b["cpu_ms_per_article"] * int(large)) / (a["cpu_ms_per_article"] * int(small))
                )
                / ratio,
                3,
            ),
        }
    if growth:
        out["growth_exponent"] = growth
        out["growth_note"] = (
            "slope of log(cost) against log(articles) between the smallest and largest size, "
            "from wall time and from CPU time (CPU time is what load on a shared machine "
            "disturbs least); 1.0 is linear, below 1 means fixed costs are amortised"
        )
        label = "single" if "single" in growth else next(iter(growth))
        out["linear"] = growth[label]["cpu"] <= 1.1
        out["linear_basis"] = f"{label} CPU-time exponent <= 1.1"
    return out


if __name__ == "__main__":
    print(json.dumps(_worker(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
