"""Reviewed claims as a gold set in the ``tests/gold`` format, so ``python -m
benchmarks.fidelity DIR`` scores the extractor against an analyst's decisions.

``export_gold(store, DIR)`` writes ``DIR/gold.json`` and, under ``DIR/articles/``, each
reviewed article's text exactly as stored (the offsets index it) with a ``sources.toml``
holding its metadata (the extractor then reads the same title, outlet and date). Only articles
with at least one attached decision are exported. Per claim of such an article:

- confirmed: an entry with the machine's values; corrected: with the reviewer's values;
- rejected: no entry (an extractor that still makes the claim scores a false positive);
- not reviewed: an ``optional`` entry (neither a miss nor a false positive) under
  :attr:`Unreviewed.OPTIONAL`, the default; no entry under :attr:`Unreviewed.OMIT`.

Orphaned decisions (their claim is gone) are not exported; the result lists how many.
The files are written to a temporary folder beside ``DIR`` and renamed into place.
"""

from __future__ import annotations

import enum
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from claims.model import Claim
from store.exc import StoreError
from store.reattach import quote_hash
from store.review import Decision, Status, all_decisions

if TYPE_CHECKING:
    from store.database import Store

ARTICLES = "articles"
SIDECAR = "sources.toml"
META = ("title", "outlet", "url", "author")


class Unreviewed(enum.Enum):
    OPTIONAL = "optional"
    OMIT = "omit"


class GoldTargetError(StoreError, FileExistsError):
    """The export folder holds something else than an earlier export."""


def _foreign(target: Path) -> bool:
    return any(target.iterdir()) and not (target / "gold.json").is_file()


@dataclass(frozen=True)
class GoldExport:
    folder: Path
    articles: int
    entries: int
    required: int
    rejected: int
    orphaned: int


def _place(claim: Claim) -> dict[str, Any]:
    """The gold place: a gazetteer name when the claim has a gazetteer id, else the mention as
    written (``unresolved``), which is also how a place put on the map by hand is scored."""
    if claim.place_id and claim.place:
        return {"place": claim.place}
    name = claim.unresolved_place or claim.place_mention or claim.place or ""
    return {"place": name, "unresolved": True}


def entry(claim: Claim, file: str, decision: Decision | None) -> dict[str, Any]:
    """One gold entry for ``claim`` (already corrected), its ``file`` as the gold names it."""
    out: dict[str, Any] = {
        "file": file, "quote": claim.quote, "quote_start": claim.quote_start,
        "quote_end": claim.quote_end, "kind": claim.kind, "claimant": claim.claimant,
        "side": claim.side, "figure": claim.figure, "figure_qualifier": claim.figure_qualifier,
        **_place(claim), "place_basis": claim.place_basis or "inferred from the article",
        "date_start": claim.date_start, "date_end": claim.date_end,
        "date_precision": claim.date_precision,
    }  # fmt: skip
    if decision is None:
        out["optional"] = True
        out["note"] = "not reviewed"
    else:
        fixed = ", ".join(sorted(decision.corrections))
        out["note"] = f"{decision.status.value} by {decision.reviewer}" + (
            f" ({fixed})" if fixed else ""
        )
    return out


def _toml_value(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else json.dumps(str(value))


def sidecar(articles: Iterable[Any]) -> str:
    """A ``sources.toml`` with each article's stored metadata (JSON strings are TOML strings)."""
    lines = ["# written by claim-atlas review export-gold: the stored metadata of each article"]
    for article in articles:
        lines.append(f"\n[{json.dumps(PurePosixPath(article.file).name)}]")
        meta = article.meta
        for name in (*META, "published"):
            value = getattr(meta, name)
            if value is not None:
                lines.append(f"{name} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _attached(store: Store) -> tuple[dict[tuple[str, str], Decision], int]:
    decided = all_decisions(store)
    return {(d.claim_id, d.quote_sha): d for d in decided}, len(decided)


def export_gold(
    store: Store, folder: str | os.PathLike[str], unreviewed: Unreviewed = Unreviewed.OPTIONAL
) -> GoldExport:
    """Write the gold set of the store's reviewed articles into ``folder`` (replaced whole)."""
    target = Path(folder)
    if target.exists() and (not target.is_dir() or _foreign(target)):
        raise GoldTargetError(
            f"{target}: exists and is not an earlier gold export (no gold.json); "
            "choose an empty or new folder"
        )
    by_key, n_decisions = _attached(store)
    by_file: dict[str, list[Claim]] = {}
    for claim in store.claims():
        by_file.setdefault(claim.file, []).append(claim)
    entries: list[dict[str, Any]] = []
    kept: list[str] = []
    attached = rejected = 0
    for path in sorted(by_file):
        found = [(c, by_key.get((c.id, quote_hash(c.quote)))) for c in by_file[path]]
        if not any(d for _c, d in found):
            continue
        kept.append(path)
        for claim, decision in sorted(found, key=lambda p: (p[0].quote_start, p[0].id)):
            attached += decision is not None
            if decision is not None and decision.status is Status.REJECTED:
                rejected += 1
            elif decision is not None and decision.status is not Status.UNREVIEWED:
                entries.append(entry(decision.reviewed(claim), f"{ARTICLES}/{path}", decision))
            elif unreviewed is Unreviewed.OPTIONAL:
                entries.append(entry(claim, f"{ARTICLES}/{path}", None))
    _write(store, target, kept, entries)
    required = sum(1 for e in entries if not e.get("optional"))
    return GoldExport(target, len(kept), len(entries), required, rejected, n_decisions - attached)


def _write(store: Store, target: Path, paths: list[str], entries: list[dict[str, Any]]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        by_folder: dict[PurePosixPath, list[Any]] = {}
        for path in paths:
            article = store.article(path)
            if article is None:
                continue
            out = work / ARTICLES / path
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "w", encoding="utf-8", newline="") as fh:
                fh.write(article.text)
            by_folder.setdefault(PurePosixPath(path).parent, []).append(article)
        for parent, articles in by_folder.items():
            (work / ARTICLES / parent / SIDECAR).write_text(sidecar(articles), encoding="utf-8")
        gold = {"claims": entries, "furniture": []}
        text = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        (work / "gold.json").write_text(text, encoding="utf-8")
        _swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _swap(work: Path, target: Path) -> None:
    """Put ``work`` where ``target`` is: an old export is moved aside, then deleted."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    work.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
