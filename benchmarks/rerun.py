"""Dashboard figures, server side: the work of one rerun at 1k / 10k / 50k claims, and the size
of the map sent to the browser.

One rerun's work is what the dashboard does after a filter changes: filter the claims,
group them per place, find the disputes among the shown claims and the counter-claim
pointers (they mark disputed places on the map), build the map (base map + marker layer) and
serialise it the way ``st_folium`` does. Corroboration groups are computed once per session
(not per rerun) and are timed on their own (``groups_ms``). The serialisation is
``st_folium`` itself with its component function replaced by one that records the arguments
Streamlit would send; the payload size is those arguments as JSON (UTF-8 bytes): the map
HTML, header, script and marker layer.

Claims are synthetic (``corpus.generate_claims``) over the gazetteer's places. The filter is
a realistic one: a date window over the middle of the claims' span, one outlet excluded.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.stats import spread

if TYPE_CHECKING:
    from claims.model import Claim


@contextlib.contextmanager
def captured_component() -> Iterator[list[dict[str, Any]]]:
    """Replace st_folium's component call by a recorder for the duration of the block."""
    import streamlit_folium

    calls: list[dict[str, Any]] = []
    original = streamlit_folium._component_func

    def record(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return kwargs.get("default")

    streamlit_folium._component_func = record
    try:
        yield calls
    finally:
        streamlit_folium._component_func = original


def payload_bytes(call: dict[str, Any]) -> int:
    """Bytes of the component arguments as JSON (what the browser receives for the map)."""
    data = {k: v for k, v in call.items() if not callable(v)}
    return len(json.dumps(data, separators=(",", ":"), default=str).encode("utf-8"))


def typical_state(claims: list[Claim]) -> Any:
    """A date window over the middle half of the claims' days, with one outlet excluded."""
    from collections import Counter

    from atlas.filters import FilterState
    from atlas.sources import plain_label
    from atlas.when import date_domain

    domain = date_domain(claims)
    outlets = Counter(plain_label(c) for c in claims).most_common()
    if domain is None:
        return FilterState()
    quarter = (domain.last - domain.first) / 4
    return FilterState(
        start=domain.first + timedelta(days=quarter.days),
        end=domain.last - timedelta(days=quarter.days),
        excluded_outlets=frozenset({outlets[-1][0]}) if len(outlets) > 1 else frozenset(),
    )


def rerun_steps(claims: list[Claim], state: Any) -> tuple[dict[str, float], int, int]:
    """One rerun's work, timed per step: (seconds by step, payload bytes, markers)."""
    from streamlit_folium import st_folium

    from atlas.filters import filter_claims
    from atlas.mapbuild import build_base_map, build_place_layer
    from atlas.places import claim_bounds, group_places
    from claims.disputes import counter_claim_pointers, find_disputes

    steps: dict[str, float] = {}
    t = time.perf_counter()
    shown = filter_claims(claims, state)
    steps["filter"] = time.perf_counter() - t
    t = time.perf_counter()
    disputes = find_disputes(shown)
    by_id = {c.id: c for c in shown}
    pointers = counter_claim_pointers(disputes, by_id)
    disputed = set(pointers) | {
        by_id[i].place_id for d in disputes for i in d.claim_ids if by_id[i].place_id
    }
    steps["disputes"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = group_places(shown)
    base = build_base_map(bounds=claim_bounds(claims), tiles=None)
    layer = build_place_layer(groups, selected=groups[0].key if groups else None, disputed=disputed)
    steps["map_build"] = time.perf_counter() - t
    t = time.perf_counter()
    with captured_component() as calls:
        st_folium(  # the dashboard's call
            base,
            key="map",
            height=430,
            use_container_width=True,
            feature_group_to_add=layer,
            returned_objects=["last_active_drawing"],
        )
    size = payload_bytes(calls[-1])
    steps["serialise"] = time.perf_counter() - t
    steps["total"] = sum(steps.values())
    return steps, size, len(groups)


def groups_ms(claims: list[Claim], runs: int) -> dict[str, Any]:
    """Corroboration groups of all claims (once per session in the dashboard)."""
    from claims.corroboration import find_groups

    times = []
    for _ in range(max(runs, 1)):
        t = time.perf_counter()
        find_groups(claims)
        times.append((time.perf_counter() - t) * 1000)
    return spread(times).to_json(1)


def measure(claims_by_size: dict[int, list[Claim]], runs: int, log: Callable | None = None) -> dict:
    out: dict[str, Any] = {"method": "atlas functions + st_folium (component captured)"}
    for n, claims in claims_by_size.items():
        state = typical_state(claims)
        rerun_steps(claims, state)  # warm-up (imports, outline decoding, template compiles)
        per_step: dict[str, list[float]] = {}
        size = markers = 0
        for _ in range(runs):
            steps, size, markers = rerun_steps(claims, state)
            for k, v in steps.items():
                per_step.setdefault(k, []).append(v * 1000)
        out[str(n)] = {
            "claims": n,
            "markers": markers,
            "ms": {k: spread(v).to_json(2) for k, v in per_step.items()},
            "payload_bytes": size,
            "groups_ms": groups_ms(claims, runs),
        }
        if log:
            log(f"rerun n={n}: {out[str(n)]['ms']['total']['median']:.1f} ms, {size:,} bytes")
    return out


def _windows(at: Any, runs: int) -> list[tuple[Any, Any]]:
    """``runs`` distinct day windows of the dashboard's slider (so no rerun is a memo hit)."""
    first, last = at.slider(key="f_dates").value  # the whole period on the first run
    days = (last - first).days
    windows = []
    for i in range(runs):
        start = first + timedelta(days=(i * 7) % max(days, 1))
        end = min(last, start + timedelta(days=3 + i % 5))
        windows.append((start, end))
    return list(dict.fromkeys(windows)) or [(first, last)]


def app_rerun(
    dashboard: Path,
    corpus_dir: Path | None,
    runs: int,
    tab: str | None = None,
    env: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The real ``dashboard.py`` under Streamlit's AppTest on a folder of articles (or on what
    ``env`` names, e.g. ``CLAIM_ATLAS_DB``): the time of a rerun after a filter change (the
    date window moved to a window not seen before, so the session memo never answers),
    everything the page does included (map, place panel, timeline, the open tab: ``tab``,
    default the first, Disputes), and the map's payload.
    """
    from streamlit.testing.v1 import AppTest

    from benchmarks.extraction import BenchmarkUnavailable

    wanted = {"CLAIM_ATLAS_TILES": "none", **(env or {})}
    if corpus_dir is not None:
        wanted["CLAIM_ATLAS_CORPUS"] = str(corpus_dir)
    saved = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    try:
        at = AppTest.from_file(str(dashboard), default_timeout=900)
        if tab:
            at.session_state["tab"] = tab
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        if at.exception:
            raise BenchmarkUnavailable(f"dashboard raised: {at.exception[0].message[:300]}")
        times = []
        for window in _windows(at, runs):
            at.slider(key="f_dates").set_value(window)
            t0 = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - t0) * 1000)
            if at.exception:
                raise BenchmarkUnavailable(f"dashboard raised: {at.exception[0].message[:300]}")
        maps = [e for e in at.get("component_instance") if "st_folium" in e.proto.component_name]
        payload = sum(len(e.proto.json_args.encode("utf-8")) for e in maps)
        caption = " ".join(m.value for m in at.markdown if "claims shown" in m.value)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return {
        "tab": tab or "Disputes",
        "first_run_s": round(first, 2),
        "rerun_ms": spread(times).to_json(1),
        "map_payload_bytes": payload,
        "shown": caption,
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.rerun [--claims N] [--runs R]``: the dashboard's rerun after a
    filter change at ~N claims (synthetic articles), for each tab; JSON on stdout."""
    import argparse
    import shutil
    import sys
    import tempfile

    from benchmarks import corpus
    from benchmarks.stats import ROOT
    from claims import load_corpus

    parser = argparse.ArgumentParser(prog="python -m benchmarks.rerun")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    places = corpus.gazetteer_places()
    out_dir = Path(__file__).parent / "out"
    out_dir.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="dash-", dir=out_dir))
    report: dict[str, Any] = {"claims_wanted": args.claims}
    try:
        sample = list(corpus.generate_articles(50, places))
        for art in sample:
            (folder / art.name).write_text(art.text, encoding="utf-8")
        per_article = len(load_corpus([folder], workers=1).claims) / len(sample)
        k = max(1, round(args.claims / per_article))
        for art in corpus.generate_articles(k, places):
            (folder / art.name).write_text(art.text, encoding="utf-8")
        report["articles"] = k
        report["claims"] = len(load_corpus([folder]).claims)
        for tab in ("Disputes", "Reported by several outlets", "Claims table", "Sources"):
            got = app_rerun(ROOT / "dashboard.py", folder, args.runs, tab)
            report[tab] = got
            print(f"{tab}: rerun {got['rerun_ms']['median']:.0f} ms", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
