"""``python -m benchmarks [--quick] [--save] [--runs N] [--only ...]``

Prints a readable table (stderr) and the JSON report (stdout); ``--save`` also writes it to
``benchmarks/results/<mode>-<date>.json``. ``--quick``: 100 and 1,000 articles, 1k and 10k
claims, the 10,000-article time projected from the 1,000-article rate (and labelled so).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import browser, corpus, dashboard_store, extraction, gazetteer, peer, rerun
from benchmarks.report import REQUIRED_KEYS, check_targets, put, table
from benchmarks.stats import ROOT, loadavg, machine_info

RESULTS = Path(__file__).parent / "results"
OUT = Path(__file__).parent / "out"
SECTIONS = (
    "extraction", "peer", "gazetteer", "rerun", "browser", "cold_start", "dashboard_store",
)  # fmt: skip
EXTRA_KEYS = (
    "extract_articles_per_s_single",
    "extract_words_per_s",
    "extract_peak_rss_mb",
    "extract_growth_exponent",
    "extract_linear",
    "extract_cpu_ms_per_article",
    "peer_flashgeotext_ratio",
    "gazetteer_cold_load_s",
    "rerun_ms_1k",
    "rerun_ms_50k",
    "map_payload_bytes_1k",
    "browser_ready_s_1k",
    "browser_ready_s_baseline",
    "dashboard_rerun_ms_10k",
)
WORLD_KEYS = ("world_cold_load_s", "world_peak_rss_mb", "world_exact_per_s", "world_fuzzy_per_s")
STORE_KEYS = (
    "dashboard_100k_cold_start_s",
    "dashboard_100k_rerun_ms",
    "dashboard_100k_slider_step_ms",
    "dashboard_100k_peak_rss_mb",
    "dashboard_floor_frame_s",
)
EXTRA_KEYS = (*EXTRA_KEYS, *WORLD_KEYS, *STORE_KEYS)


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _why(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()[:400]


class Run:
    """One benchmark run: the plan (sizes, runs) and the report being filled."""

    def __init__(self, quick: bool, runs: int, only: set[str]) -> None:
        self.quick = quick
        self.runs = runs
        self.only = only
        if quick:  # the single-process figure only on the peer's texts; 10k projected
            self.extract_plan = {"single": [30], "all_cores": [100, 1000]}
            self.peer_n = 30
            self.claim_sizes = [1000, 10000]
            self.browser_sizes = [1000, 10000]
        else:
            sizes = [100, 1000, 10000]
            self.extract_plan = {"single": sizes, "all_cores": sizes}
            self.peer_n = 100
            self.claim_sizes = [1000, 10000, 50000]
            self.browser_sizes = [1, 1000, 10000]
        self.article_sizes = sorted(
            {n for sizes in self.extract_plan.values() for n in sizes} | {self.peer_n}
        )
        self.report: dict[str, Any] = {
            "schema": 1,
            "mode": "quick" if quick else "full",
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine_info(),
            "runs_per_figure": runs,
            "plan": {
                "extraction": self.extract_plan,
                "peer_articles": self.peer_n,
                "claims": self.claim_sizes,
                "browser_claims": self.browser_sizes,
            },
            "spreads": {},
            "details": {},
            "extra_keys": list(EXTRA_KEYS),
        }
        for key in REQUIRED_KEYS + EXTRA_KEYS:
            put(self.report, key, None, "not run (see --only)")
        self.places: list[corpus.PlaceName] | None = None
        self.folder: Path | None = None
        self.words: dict[int, int] = {}

    def section(self, name: str, fn: Callable[[], None], keys: tuple[str, ...]) -> None:
        if self.only and name not in self.only:
            return
        _log(f"{name} …")
        t0 = time.perf_counter()
        try:
            fn()
        except Exception as exc:
            reason = _why(exc)
            _log(f"{name} unavailable: {reason}")
            self.report["details"].setdefault(name, {})["error"] = traceback.format_exc(limit=3)[
                -1500:
            ]
            for key in keys:
                if self.report.get(key) is None:
                    put(self.report, key, None, f"{name}: {reason}")
        self.report["details"].setdefault(name, {})["wall_s"] = round(time.perf_counter() - t0, 1)

    # -- shared inputs --------------------------------------------------------------------

    def need_places(self) -> list[corpus.PlaceName]:
        if self.places is None:
            self.places = corpus.gazetteer_places()
        return self.places

    def need_corpus(self) -> Path:
        if self.folder is None:
            places = self.need_places()
            OUT.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix="corpus-", dir=OUT))
            t0 = time.perf_counter()
            cumulative = 0
            for i, art in enumerate(corpus.generate_articles(max(self.article_sizes), places)):
                (self.folder / art.name).write_text(art.text, encoding="utf-8")
                cumulative += art.words
                if i + 1 in self.article_sizes:
                    self.words[i + 1] = cumulative
            _log(f"corpus: {max(self.article_sizes):,} articles in {time.perf_counter() - t0:.1f}s")
            self.report["corpus"] = {
                "seed": corpus.SEED,
                "articles": max(self.article_sizes),
                "words": {str(k): v for k, v in self.words.items()},
                "mean_words_per_article": round(
                    self.words[max(self.article_sizes)] / max(self.article_sizes), 1
                ),
                "places_available": len(places),
            }
        return self.folder

    def cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- sections -------------------------------------------------------------------------

    def extraction(self) -> None:
        folder = self.need_corpus()
        plan = self.extract_plan
        data = extraction.measure(folder, plan, self.words, self.runs, _log)
        self.report["details"]["extraction"] = data
        allc = data["sizes"][str(max(plan["all_cores"]))]["all_cores"]
        single = data["sizes"][str(max(plan["single"]))]["single"]
        put(self.report, "extract_articles_per_s", allc["articles_per_s"]["median"])
        self.report["spreads"]["extract_articles_per_s"] = allc["articles_per_s"]
        put(self.report, "extract_articles_per_s_single", single["articles_per_s"]["median"])
        self.report["spreads"]["extract_articles_per_s_single"] = single["articles_per_s"]
        put(self.report, "extract_words_per_s", allc["words_per_s"]["median"])
        put(self.report, "extract_peak_rss_mb", max(allc["peak_rss_mb"], single["peak_rss_mb"]))
        growth = data.get("growth_exponent", {})
        label = "single" if "single" in growth else "all_cores"
        put(
            self.report,
            "extract_growth_exponent",
            growth.get(label, {}).get("cpu"),
            "only one corpus size measured",
        )
        put(self.report, "extract_linear", data.get("linear"), "only one corpus size measured")
        put(self.report, "extract_cpu_ms_per_article", single["cpu_ms_per_article"])
        # what the same work would take with every core to itself (the machine may be shared)
        cores = data["cores"]
        data["idle_estimate_10k_s"] = round(10 * allc["cpu_ms_per_article"] / cores, 1)
        data["idle_estimate_note"] = (
            "10,000 × all-cores CPU ms per article ÷ cores: the 10k time on an otherwise idle "
            "machine with perfect parallel use; an estimate, not a measurement"
        )
        if max(plan["all_cores"]) == 10000:
            put(self.report, "extract_10k_s", allc["seconds"]["median"])
            self.report["spreads"]["extract_10k_s"] = allc["seconds"]
            put(self.report, "extract_10k_projected", False)
        else:
            rate = allc["articles_per_s"]["median"]
            put(self.report, "extract_10k_s", round(10000 / rate, 2))
            self.report["spreads"]["extract_10k_s"] = {
                k: round(10000 / v, 2) if k in ("min", "max") else v
                for k, v in allc["articles_per_s"].items()
                if k in ("min", "max", "runs")
            }
            # min time comes from max rate
            sp = self.report["spreads"]["extract_10k_s"]
            sp["min"], sp["max"] = sp["max"], sp["min"]
            put(self.report, "extract_10k_projected", True)
            self.report["extract_10k_basis"] = (
                f"projected: 10,000 / all-cores rate measured at {max(plan['all_cores']):,} "
                "articles"
            )

    def peer(self) -> None:
        folder = self.need_corpus()
        n = self.peer_n
        put(self.report, "peer_name", peer.PEERS["spacy"])
        spacy = peer.measure("spacy", folder, n, self.words[n], self.runs)
        self.report["details"]["peer"] = {"spacy": spacy}
        ours = self.report["details"].get("extraction", {}).get("sizes", {}).get(str(n))
        if ours is None:
            raise extraction.BenchmarkUnavailable(
                "our extraction at the peer's corpus size was not measured"
            )
        our_rate = ours["single"]["articles_per_s"]["median"]
        put(self.report, "peer_ratio", round(our_rate / spacy["articles_per_s"], 2))
        # the same ratio from CPU time, which the load of a shared machine disturbs least
        our_cpu = ours["single"]["cpu_ms_per_article"]
        self.report["details"]["peer"]["ratio_by_cpu_time"] = round(
            spacy["cpu_ms_per_article"] / our_cpu, 2
        )
        self.report["peer_basis"] = (
            f"our single-process articles/s ÷ the peer's, same {n} articles, medians of "
            f"{self.runs} runs each"
        )
        try:
            fgt = peer.measure("flashgeotext", folder, n, self.words[n], self.runs)
            self.report["details"]["peer"]["flashgeotext"] = fgt
            put(self.report, "peer_flashgeotext_ratio", round(our_rate / fgt["articles_per_s"], 3))
        except (extraction.BenchmarkUnavailable, OSError, ValueError) as exc:
            put(self.report, "peer_flashgeotext_ratio", None, _why(exc))

    def gazetteer(self) -> None:
        places = self.need_places()
        rates = gazetteer.resolve_rates(places, self.runs)
        cold = gazetteer.cold_load(self.runs)
        details: dict[str, Any] = {"resolve": rates, "cold_load": cold}
        self.report["details"]["gazetteer"] = details
        put(self.report, "gazetteer_exact_per_s", rates["exact"]["per_s"]["median"])
        put(self.report, "gazetteer_fuzzy_per_s", rates["fuzzy"]["per_s"]["median"])
        self.report["spreads"]["gazetteer_exact_per_s"] = rates["exact"]["per_s"]
        self.report["spreads"]["gazetteer_fuzzy_per_s"] = rates["fuzzy"]["per_s"]
        put(self.report, "gazetteer_cold_load_s", cold["total_s"]["median"])
        self.report["spreads"]["gazetteer_cold_load_s"] = cold["total_s"]
        folder = self.need_corpus()
        paths = sorted(folder.glob("*.txt"))[: self.peer_n]
        texts = [p.read_text(encoding="utf-8") for p in paths]
        details["find_mentions"] = gazetteer.mention_rate(texts, self.runs)
        self._world_gazetteer(details, texts)

    def _world_gazetteer(self, details: dict[str, Any], texts: list[str]) -> None:
        """The world layer (scope UA, RU): cold load, memory, resolve rates; and what a scope
        costs find_mentions on the Afghan texts."""
        try:
            cold = gazetteer.world_cold_load(self.runs)
            rates = gazetteer.world_resolve_rates(self.runs)
        except (extraction.BenchmarkUnavailable, OSError, ValueError) as exc:
            for key in WORLD_KEYS:
                put(self.report, key, None, _why(exc))
            return
        details["world"] = {"cold_load": cold, "resolve": rates}
        details["find_mentions_scoped"] = gazetteer.scoped_mention_rate(texts, self.runs)
        put(self.report, "world_cold_load_s", cold["total_s"]["median"])
        put(self.report, "world_peak_rss_mb", cold["peak_rss_mb"]["median"])
        put(self.report, "world_exact_per_s", rates["exact"]["per_s"]["median"])
        put(self.report, "world_fuzzy_per_s", rates["fuzzy"]["per_s"]["median"])
        spreads = self.report["spreads"]
        spreads["world_cold_load_s"] = cold["total_s"]
        spreads["world_exact_per_s"] = rates["exact"]["per_s"]
        spreads["world_fuzzy_per_s"] = rates["fuzzy"]["per_s"]

    def _claims(self, n: int) -> list[Any]:
        return corpus.generate_claims(n, self.need_places())

    def rerun(self) -> None:
        if 50000 not in self.claim_sizes:
            put(self.report, "rerun_ms_50k", None, "full run only")
        data = rerun.measure({n: self._claims(n) for n in self.claim_sizes}, self.runs, _log)
        self.report["details"]["rerun"] = data
        for n, label in ((1000, "1k"), (10000, "10k"), (50000, "50k")):
            if str(n) not in data:
                continue
            ms = data[str(n)]["ms"]["total"]
            put(self.report, f"rerun_ms_{label}", ms["median"])
            self.report["spreads"][f"rerun_ms_{label}"] = ms
            if label != "50k":
                put(self.report, f"map_payload_bytes_{label}", data[str(n)]["payload_bytes"])
        if self.quick:
            put(self.report, "dashboard_rerun_ms_10k", None, "full run only (python -m benchmarks)")
        else:
            self._dashboard_rerun(10000)

    def _dashboard_rerun(self, n_claims: int) -> None:
        """The real dashboard.py (AppTest) on enough synthetic articles for ~n_claims claims."""
        from claims import load_corpus

        dashboard = ROOT / "dashboard.py"
        details = self.report["details"]["rerun"]
        if not dashboard.exists():
            details["dashboard"] = {"error": "dashboard.py does not exist"}
            return
        places = self.need_places()
        sample = list(corpus.generate_articles(50, places))
        folder = Path(tempfile.mkdtemp(prefix="dash-", dir=OUT))
        try:
            for art in sample:
                (folder / art.name).write_text(art.text, encoding="utf-8")
            per_article = len(load_corpus([folder], workers=1).claims) / len(sample)
            k = max(1, round(n_claims / per_article))
            for art in corpus.generate_articles(k, places):
                (folder / art.name).write_text(art.text, encoding="utf-8")
            got = rerun.app_rerun(dashboard, folder, self.runs)
            got["articles"] = k
            details[f"dashboard_{n_claims // 1000}k"] = got
            put(self.report, f"dashboard_rerun_ms_{n_claims // 1000}k", got["rerun_ms"]["median"])
            self.report["spreads"][f"dashboard_rerun_ms_{n_claims // 1000}k"] = got["rerun_ms"]
            _log(f"dashboard rerun (~{n_claims:,} claims): {got['rerun_ms']['median']:.0f} ms")
        except Exception as exc:  # recorded, the section's own figures stand
            details[f"dashboard_{n_claims // 1000}k"] = {"error": _why(exc)}
            put(self.report, f"dashboard_rerun_ms_{n_claims // 1000}k", None, _why(exc))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _bench_app(self) -> Path:
        app_dir = OUT / "app"
        app_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).parent / "app.py", app_dir / "app.py")
        return app_dir / "app.py"

    def browser(self) -> None:
        app = self._bench_app()
        details: dict[str, Any] = {"app": "benchmarks/app.py (same claims.ui calls as dashboard)"}
        self.report["details"]["browser"] = details
        labels = {1: "baseline", 1000: "1k", 10000: "10k"}
        for n, label in labels.items():
            if n not in self.browser_sizes:
                put(self.report, f"browser_ready_s_{label}", None, "full run only")
        for n in self.browser_sizes:
            label = labels[n]
            path = OUT / "app" / f"claims-{n}.jsonl"
            lines = (json.dumps(c.to_dict(), ensure_ascii=False) for c in self._claims(n))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            env = {"CLAIM_ATLAS_BENCH_CLAIMS": str(path), "CLAIM_ATLAS_TILES": "none"}
            try:
                got = browser.ready_times(app, env, self.runs)
            except Exception as exc:
                put(self.report, f"browser_ready_s_{label}", None, _why(exc))
                continue
            details[label] = got
            put(self.report, f"browser_ready_s_{label}", got["seconds"]["median"])
            self.report["spreads"][f"browser_ready_s_{label}"] = got["seconds"]
            _log(f"browser n={n}: {got['seconds']['median']:.2f}s, {got['markers_drawn']} markers")

    def cold_start(self) -> None:
        app = ROOT / "dashboard.py"
        if not app.exists():
            raise extraction.BenchmarkUnavailable("dashboard.py does not exist yet")
        OUT.mkdir(parents=True, exist_ok=True)
        data = tempfile.mkdtemp(prefix="data-", dir=OUT)  # the default store: not the user's
        env = {"CLAIM_ATLAS_TILES": "none", "XDG_DATA_HOME": data}
        try:
            got = browser.cold_start(app, env, self.runs)
        finally:
            shutil.rmtree(data, ignore_errors=True)
        self.report["details"]["cold_start"] = {"app": "dashboard.py on the bundled seeds", **got}
        put(self.report, "cold_start_s", got["seconds"]["median"])
        self.report["spreads"]["cold_start_s"] = got["seconds"]

    def dashboard_store(self) -> None:
        """The dashboard on a store of 100,000 claims (10,000 with ``--quick``)."""
        n = 10_000 if self.quick else dashboard_store.QUERY_CLAIMS
        got = dashboard_store.measure(self.runs, n, _log)
        self.report["details"]["dashboard_store"] = got
        for key, value in dashboard_store.figures(got).items():
            if self.quick:
                put(self.report, key, None, f"full run only (--quick measured {n:,} claims)")
            else:
                put(self.report, key, value, "no slider step changed the markers")

    # -- all ------------------------------------------------------------------------------

    def run_all(self) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            self.section(
                "extraction",
                self.extraction,
                (
                    "extract_articles_per_s",
                    "extract_10k_s",
                    "extract_10k_projected",
                    "extract_articles_per_s_single",
                    "extract_words_per_s",
                    "extract_peak_rss_mb",
                    "extract_growth_exponent",
                    "extract_linear",
                    "extract_cpu_ms_per_article",
                ),
            )
            self.section("peer", self.peer, ("peer_name", "peer_ratio", "peer_flashgeotext_ratio"))
            self.section(
                "gazetteer",
                self.gazetteer,
                (
                    "gazetteer_exact_per_s",
                    "gazetteer_fuzzy_per_s",
                    "gazetteer_cold_load_s",
                    *WORLD_KEYS,
                ),
            )
            self.section(
                "rerun",
                self.rerun,
                (
                    "rerun_ms_1k",
                    "rerun_ms_10k",
                    "rerun_ms_50k",
                    "map_payload_bytes_1k",
                    "map_payload_bytes_10k",
                ),
            )
            self.section(
                "browser",
                self.browser,
                ("browser_ready_s_baseline", "browser_ready_s_1k", "browser_ready_s_10k"),
            )
            self.section("cold_start", self.cold_start, ("cold_start_s",))
            self.section("dashboard_store", self.dashboard_store, STORE_KEYS)
        finally:
            self.cleanup()
        self.report["loadavg_end"] = loadavg()
        self.report["wall_s"] = round(time.perf_counter() - t0, 1)
        self.report["targets"] = check_targets(self.report)
        return self.report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="reduced sizes, under two minutes")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument(
        "--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/…json")
    parser.add_argument("--out", type=Path, help="write the JSON report to this file")
    args = parser.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    report = Run(args.quick, args.runs, only).run_all()
    print(table(report), file=sys.stderr)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    targets = [args.out] if args.out else []
    if args.save:
        day = datetime.now(UTC).strftime("%Y-%m-%d")
        targets.append(RESULTS / f"{report['mode']}-{day}.json")
    for path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        _log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
