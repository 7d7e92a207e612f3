"""``claim-atlas review export-gold DIR [--db URL] [--unreviewed optional|omit]`` and
``claim-atlas review orphans [--db URL]``.

``export-gold`` writes the reviewed claims as a gold set (:mod:`store.gold`) that
``python -m benchmarks.fidelity DIR`` scores; ``orphans`` lists decisions whose claim is gone
(their article was edited or removed), one per line. Exit status: 0 on success, 1 when the
store cannot be used or the folder cannot be written, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

PROG = "claim-atlas"


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``review`` subcommand to the ``claim-atlas`` parser's subparsers."""
    p = sub.add_parser("review", help="analysts' review decisions: export them, list orphans")
    actions = p.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    gold = actions.add_parser(
        "export-gold", help="write the reviewed claims as a gold set for benchmarks.fidelity"
    )
    gold.add_argument("folder", metavar="DIR", help="where gold.json and the articles go")
    gold.add_argument(
        "--unreviewed", choices=["optional", "omit"], default="optional",
        help="claims of reviewed articles nobody decided on: optional entries (default) "
        "or left out (then an extractor making them scores false positives)",
    )  # fmt: skip
    orphans = actions.add_parser("orphans", help="list decisions whose claim is gone")
    for q in (gold, orphans):
        q.add_argument("--db", metavar="URL", help="the store (default: $CLAIM_ATLAS_DB)")
    return p


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from store.database import open_store
    from store.exc import StoreError

    try:
        with open_store(args.db, upgrade=False) as store:
            if args.review_command == "orphans":
                return _orphans(store)
            return _export(store, args)
    except (StoreError, OSError) as exc:
        _say(f"error: {exc}")
        return 1


def _export(store: Any, args: argparse.Namespace) -> int:
    from store.gold import Unreviewed, export_gold

    done = export_gold(store, args.folder, Unreviewed(args.unreviewed))
    _say(
        f"{done.entries} gold entries ({done.required} reviewed, "
        f"{done.entries - done.required} optional) from {done.articles} articles, "
        f"{done.rejected} rejected claims left out, {done.orphaned} orphaned decisions not "
        f"exported; score with: python -m benchmarks.fidelity {done.folder}"
    )
    if not done.articles:
        _say("warning: no decision is attached to a stored claim: the gold set is empty")
    return 0


def _orphans(store: Any) -> int:
    from store.review import orphans

    found = orphans(store)
    for d in found:
        status = d.verdict.value if d.verdict else "note"
        print(f"{d.file}\t{d.claim_id}\t{status}\t{d.reviewer}\t{d.quote}")
    _say(f"{len(found)} orphaned decisions (kept; their quotes are no longer in the articles)")
    return 0
