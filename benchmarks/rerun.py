"""Dashboard figures, server side: the work of one rerun at 1k / 10k / 50k claims, and the size
of the map sent to the browser.

One rerun's work is what the dashboard does after a filter changes: filter the claims,
group them per place, build the map (base map + marker layer) and serialise it the way
``st_folium`` does. The serialisation is ``st_folium`` itself with its component function
replaced by one that records the arguments Streamlit would send; the payload size is those
arguments as JSON (UTF-8 bytes) — the map HTML, header, script and marker layer.

Claims are synthetic (``corpus.generate_claims``) over the gazetteer's places. The filter is
a realistic one: a date window over the middle of the claims' span, one outlet excluded.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator
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
    from claims.ui.filters import FilterState, date_domain, outlet_counts

    domain = date_domain(claims)
    outlets = outlet_counts(claims)
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

    from claims.ui.filters import filter_claims
    from claims.ui.mapbuild import build_base_map, build_place_layer, group_places

    steps: dict[str, float] = {}
    t = time.perf_counter()
    shown = filter_claims(claims, state)
    steps["filter"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = group_places(shown)
    base = build_base_map(claims, tiles=None)
    layer = build_place_layer(groups)
    steps["map_build"] = time.perf_counter() - t
    t = time.perf_counter()
    with captured_component() as calls:
        st_folium(  # the dashboard's call
            base,
            key="map",
            height=520,
            use_container_width=True,
            feature_group_to_add=layer,
            returned_objects=["last_active_drawing"],
        )
    size = payload_bytes(calls[-1])
    steps["serialise"] = time.perf_counter() - t
    steps["total"] = sum(steps.values())
    return steps, size, len(groups)


def measure(claims_by_size: dict[int, list[Claim]], runs: int, log: Callable | None = None) -> dict:
    out: dict[str, Any] = {"method": "claims.ui functions + st_folium (component captured)"}
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
        }
        if log:
            log(f"rerun n={n}: {out[str(n)]['ms']['total']['median']:.1f} ms, {size:,} bytes")
    return out


def app_rerun(dashboard: Path, corpus_dir: Path, runs: int) -> dict[str, Any]:
    """The real ``dashboard.py`` under Streamlit's AppTest on a folder of articles: the time of
    a rerun after a filter change (the "include undated" toggle flipped), everything the page
    does included (map, timeline, disputes, table), and the map component's payload.
    """
    from streamlit.testing.v1 import AppTest

    from benchmarks.extraction import BenchmarkUnavailable

    saved = {k: os.environ.get(k) for k in ("CLAIM_ATLAS_CORPUS", "CLAIM_ATLAS_TILES")}
    os.environ["CLAIM_ATLAS_CORPUS"] = str(corpus_dir)
    os.environ["CLAIM_ATLAS_TILES"] = "none"
    try:
        at = AppTest.from_file(str(dashboard), default_timeout=900)
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        if at.exception:
            raise BenchmarkUnavailable(f"dashboard raised: {at.exception[0].message[:300]}")
        times = []
        for _ in range(runs):
            toggle = at.toggle(key="f_undated")
            toggle.set_value(not toggle.value)
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
        "first_run_s": round(first, 2),
        "rerun_ms": spread(times).to_json(1),
        "map_payload_bytes": payload,
        "shown": caption,
    }
