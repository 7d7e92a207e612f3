"""The benchmark report: its required keys, the targets, and the readable table.

Every figure is a number or ``null`` with ``<key>_reason`` beside it saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REQUIRED_KEYS: tuple[str, ...] = (
    "extract_articles_per_s",
    "extract_10k_s",
    "extract_10k_projected",
    "peer_name",
    "peer_ratio",
    "gazetteer_exact_per_s",
    "gazetteer_fuzzy_per_s",
    "rerun_ms_10k",
    "map_payload_bytes_10k",
    "browser_ready_s_10k",
    "cold_start_s",
)


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    op: str  # "<" or ">="
    bound: float
    unit: str

    def met(self, value: Any) -> bool | None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        return value < self.bound if self.op == "<" else value >= self.bound

    def text(self) -> str:
        bound = f"{self.bound:,.0f}" if self.bound == int(self.bound) else f"{self.bound:g}"
        return f"{self.op} {bound} {self.unit}".strip()


TARGETS: tuple[Target, ...] = (
    Target("extract_10k_s", "10,000 articles extracted (all cores)", "<", 60, "s"),
    Target("extract_articles_per_s", "whole pipeline, all cores", ">=", 100, "articles/s"),
    Target("extract_peak_rss_mb", "peak memory per extraction worker", "<", 1000, "MB"),
    Target("peer_ratio", "speed over spaCy's full small pipeline", ">=", 5, "×"),
    Target("gazetteer_exact_per_s", "exact gazetteer resolves", ">=", 100_000, "/s"),
    Target("gazetteer_fuzzy_per_s", "fuzzy gazetteer resolves", ">=", 5_000, "/s"),
    Target("world_cold_load_s", "world gazetteer cold load (UA, RU)", "<", 1, "s"),
    Target("world_peak_rss_mb", "world gazetteer memory (UA, RU)", "<", 300, "MB"),
    Target("world_exact_per_s", "world exact resolves (UA, RU)", ">=", 100_000, "/s"),
    Target("world_fuzzy_per_s", "world fuzzy resolves (UA, RU)", ">=", 5_000, "/s"),
    Target("rerun_ms_10k", "rerun at 10k claims, server side", "<", 300, "ms"),
    Target("map_payload_bytes_10k", "map payload at 10k claims", "<", 2_000_000, "bytes"),
    Target("browser_ready_s_10k", "markers visible at 10k claims", "<", 1.5, "s"),
    Target("cold_start_s", "cold start to first marker", "<", 4, "s"),
    Target("dashboard_100k_cold_start_s", "store of 100k claims: cold start to marker", "<", 3,
           "s"),
    Target("dashboard_100k_rerun_ms", "store of 100k claims: rerun, server side", "<", 300, "ms"),
    Target("dashboard_100k_slider_step_ms", "100k claims: slider step in Chromium", "<", 500,
           "ms"),
)  # fmt: skip


def put(report: dict[str, Any], key: str, value: Any, reason: str | None = None) -> None:
    """Set a figure; a None value must come with the reason it is missing."""
    report[key] = value
    if value is None:
        report[f"{key}_reason"] = reason or "not measured"
    else:
        report.pop(f"{key}_reason", None)


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for t in TARGETS:
        value = report.get(t.key)
        rows.append(
            {"key": t.key, "what": t.label, "target": t.text(), "value": value, "met": t.met(value)}
        )
    return rows


def _fmt(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _range(spread: dict[str, Any] | None, scale: float = 1.0) -> str:
    if not spread:
        return ""
    return f"{_fmt(spread['min'] * scale)}–{_fmt(spread['max'] * scale)} (n={spread['runs']})"


def table(report: dict[str, Any]) -> str:
    """The report as an aligned plain-text table: figure, median, min–max, target, met."""
    spreads = report.get("spreads", {})
    targets = {row["key"]: row for row in report.get("targets", [])}
    lines = [
        f"Claim Atlas benchmarks ({report.get('mode')}) on {report['machine'].get('cpu_model')}, "
        f"{report['machine'].get('cores')} cores, load {report['machine'].get('loadavg_start')} "
        f"→ {report.get('loadavg_end')}",
    ]
    rows = [("figure", "median", "min–max", "target", "met")]
    for key in REQUIRED_KEYS + tuple(report.get("extra_keys", ())):
        value = report.get(key)
        shown = _fmt(value)
        if key == "extract_10k_s" and report.get("extract_10k_projected"):
            shown += " (projected)"
        row = targets.get(key)
        rows.append(
            (
                key,
                shown,
                _range(spreads.get(key)),
                row["target"] if row else "",
                _fmt(row["met"]) if row and row["met"] is not None else "",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    reasons = [(k[: -len("_reason")], v) for k, v in report.items() if k.endswith("_reason")]
    for key, why in reasons:
        lines.append(f"  {key}: null because {why}")
    return "\n".join(lines)
