"""The benchmark report: required keys, null-with-reason, targets, table. No timing asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import report as rep
from benchmarks.__main__ import Run, main
from benchmarks.stats import spread, time_runs


def test_a_run_of_nothing_still_has_every_key_each_null_with_a_reason() -> None:
    out = Run(quick=True, runs=1, only={"no-such-section"}).run_all()
    for key in rep.REQUIRED_KEYS:
        assert key in out
        assert out[key] is None
        assert out[f"{key}_reason"]
    assert out["mode"] == "quick"
    assert {"cpu_model", "cores", "ram_gb", "python", "loadavg_start"} <= set(out["machine"])
    assert [t["key"] for t in out["targets"]] == [t.key for t in rep.TARGETS]
    assert all(t["met"] is None for t in out["targets"])
    json.dumps(out)  # serialisable
    text = rep.table(out)
    for key in rep.REQUIRED_KEYS:
        assert key in text


def test_put_keeps_the_reason_only_while_null() -> None:
    r: dict = {}
    rep.put(r, "x", None, "no browser")
    assert r == {"x": None, "x_reason": "no browser"}
    rep.put(r, "x", 1.5)
    assert r == {"x": 1.5}


@pytest.mark.parametrize(
    ("key", "value", "met"),
    [
        ("extract_10k_s", 59.9, True),
        ("extract_10k_s", 60.0, False),
        ("gazetteer_exact_per_s", 100_000, True),
        ("gazetteer_fuzzy_per_s", 4_999, False),
        ("map_payload_bytes_10k", 1_999_999, True),
        ("cold_start_s", None, None),
        ("cold_start_s", True, None),
    ],
)
def test_targets(key: str, value: object, met: bool | None) -> None:
    rows = {row["key"]: row for row in rep.check_targets({key: value})}
    assert rows[key]["met"] is met


def test_spread_and_time_runs() -> None:
    s = spread([3.0, 1.0, 2.0, 10.0, 4.0])
    assert (s.median, s.min, s.max, s.runs) == (3.0, 1.0, 10.0, 5)
    assert s.to_json()["values"] == [3.0, 1.0, 2.0, 10.0, 4.0]
    calls = []
    got = time_runs(lambda: calls.append(1), runs=5, warmup=2)
    assert len(calls) == 7 and got.runs == 5
    with pytest.raises(ValueError, match="at least one"):
        spread([])


def test_cli_rejects_unknown_sections() -> None:
    with pytest.raises(SystemExit):
        main(["--only", "nonsense"])


def test_rerun_section_fills_its_keys() -> None:
    """The server-side rerun figures on real atlas code, with the smallest sizes."""
    run = Run(quick=True, runs=1, only={"rerun"})
    run.claim_sizes = [200]
    out = run.run_all()
    detail = out["details"]["rerun"]["200"]
    assert detail["markers"] > 0
    assert detail["payload_bytes"] > 1000
    assert set(detail["ms"]) == {"filter", "disputes", "map_build", "serialise", "total"}
    assert detail["groups_ms"]["median"] > 0


def test_extraction_section_reports_rates_memory_and_growth(tmp_path: Path) -> None:
    """Two tiny sizes through the real subprocess harness: the keys exist and are numbers."""
    from benchmarks import corpus, extraction

    places = corpus.gazetteer_places()
    _, words3 = corpus.write_corpus(tmp_path, 3, places)
    _, words6 = corpus.write_corpus(tmp_path, 6, places)
    data = extraction.measure(tmp_path, {"single": [3, 6]}, {3: words3, 6: words6}, runs=1)
    entry = data["sizes"]["6"]["single"]
    assert entry["articles"] == 6 and entry["claims"] > 0
    assert entry["articles_per_s"]["median"] > 0 and entry["cpu_ms_per_article"] > 0
    assert entry["peak_rss_mb"] > 0
    assert set(data["growth_exponent"]["single"]) == {"wall", "cpu"}
    assert isinstance(data["linear"], bool)
