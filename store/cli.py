"""``claim-atlas ingest PATH... [--db URL] [--workers N] [--scheduler ADDR] [--profile P]``
(``[--root DIR] [--prune]``).

Exit status as ``extract``: 0 on success (problems with single files inside folders are
warnings), 1 when a path named on the command line is missing or unreadable, nothing could be
read, or the store or the cluster cannot be used (one message naming it, no traceback), 2 for
usage errors, 130 when interrupted (what was written so far stays, and a rerun goes on).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PROG = "claim-atlas"


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``ingest`` subcommand to the ``claim-atlas`` parser's subparsers."""
    p = sub.add_parser(
        "ingest",
        help="extract new and changed articles into the claim store (incremental)",
        description="Extract claims from new and changed articles into the claim store; "
        "unchanged articles are skipped.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument(
        "--db", metavar="URL",
        help="sqlite:///PATH, postgresql+psycopg://USER@HOST/DB or a file path "
        "(default: $CLAIM_ATLAS_DB, else claims.sqlite in the user data folder)",
    )  # fmt: skip
    p.add_argument("--workers", type=int, metavar="N",
                   help="start a local Dask cluster of N processes (0: extract in this "
                   "process; default: one per core, in-process for small jobs)")  # fmt: skip
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="use the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://HOST:8786)")  # fmt: skip
    p.add_argument("--root", metavar="DIR",
                   help="store paths relative to DIR (default: each folder named)")  # fmt: skip
    p.add_argument(
        "--profile", metavar="NAME|FILE",
        help="conflict profile: a bundled name (see `claim-atlas profiles`) or a .toml file; "
        "its countries scope the gazetteer (default: $CLAIM_ATLAS_PROFILE, else panjshir-2021)",
    )  # fmt: skip
    p.add_argument(
        "--prune",
        action="store_true",
        help="delete stored articles whose files are gone (default: report them)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return p


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _bar(enabled: bool | None) -> Callable[[int, int], Callable[[int], None]]:
    from tqdm import tqdm

    def start(total: int, done: int) -> Callable[[int], None]:
        bar = tqdm(total=total, initial=done, unit="article", file=sys.stderr,
                   disable=(not sys.stderr.isatty()) if enabled is None else not enabled,
                   dynamic_ncols=True, desc="ingest", mininterval=0.5)  # fmt: skip
        bars.append(bar)
        return bar.update

    bars: list[Any] = []
    start.bars = bars  # type: ignore[attr-defined]
    return start


def _use_profile(name_or_path: str) -> bool:
    """Put the profile in force (:func:`store.tasks.use_profile`); False, said, if unknown."""
    from claims.profile import ProfileError
    from store.tasks import use_profile

    try:
        use_profile(name_or_path)
    except ProfileError as exc:
        _say(f"error: profile {exc}")
        return False
    return True


def run(args: argparse.Namespace, argv: Sequence[str] = ()) -> int:
    """Run ``ingest`` for parsed ``args``; returns the exit status."""
    from claims.exc import ClaimsError
    from store.database import open_store
    from store.exc import StoreError
    from store.ingest import ingest

    if args.workers is not None and args.workers < 0:
        _say("error: --workers must be 0 or more")
        return 2
    if args.workers is not None and args.scheduler:
        _say("error: give --workers or --scheduler, not both")
        return 2
    if args.profile and not _use_profile(args.profile):
        return 2
    progress = _bar(args.progress)
    try:
        with open_store(args.db, create=True) as store:
            summary = ingest(
                store, args.paths, root=args.root, workers=args.workers,
                scheduler=args.scheduler, prune=args.prune, progress=progress,
                command=list(argv) or args.paths,
            )  # fmt: skip
            url = store.url
            kept = _warm_snapshot(store)
    except (StoreError, ClaimsError) as exc:  # a store, cluster or profile that cannot be used
        _close(progress)
        _say(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        _close(progress)
        _say("interrupted; what was written so far is kept — run the same command to go on")
        return 130
    _close(progress)
    if kept:
        _say(f"note: a snapshot of the store was kept for the dashboard's next start ({kept})")
    return _report(summary, args.paths, url)


def _warm_snapshot(store: Any) -> str:
    """Keep the snapshot a dashboard start with ``--db`` reads (store.snapshot_cache), so its
    first start after this ingest reads one file instead of loading every claim; '' when none
    was written (a small store, the kept one current, or no cache folder)."""
    from store.exc import StoreError
    from store.snapshot_cache import SnapshotCache, default_folder

    try:
        return str(default_folder()) if SnapshotCache().warm(store) else ""
    except StoreError:  # the ingest itself is done; the dashboard will load from the store
        return ""


def _close(progress: Any) -> None:
    for bar in getattr(progress, "bars", []):
        bar.close()


def _report(summary: Any, paths: Sequence[str], url: str) -> int:
    named = {str(Path(p)) for p in paths}
    failed = False
    for problem in summary.problems:
        fatal = problem.fatal and (problem.file in named or str(Path(problem.file)) in named)
        failed = failed or fatal
        _say(f"{'error' if fatal else 'warning'}: {problem.file}: {problem.message}")
    if summary.notes:
        _say(
            f"note: {summary.notes} reader notes on articles that were read (such as a "
            "publication date taken from a date line); kept with each article"
        )
    for path in summary.missing[:20]:
        verb = "pruned" if summary.pruned else "kept until --prune"
        _say(f"note: {path}: file removed; its claims are {verb}")
    if len(summary.missing) > 20:
        _say(f"note: … and {len(summary.missing) - 20} more removed files")
    if summary.seen == 0 and not failed:
        _say("error: no article could be read")
        failed = True
    rate = summary.extracted / summary.seconds if summary.seconds > 0 else 0.0
    speed = f"{rate:.0f} articles/s, {summary.workers}" if summary.extracted else "nothing to do"
    removed = f"{summary.removed} removed" + (f" ({summary.pruned} pruned)" if summary.pruned
                                               else " (kept; --prune deletes them)")  # fmt: skip
    _say(
        f"{summary.seen} articles: {summary.added} added, {summary.changed} changed, "
        f"{summary.unchanged} unchanged, {summary.duplicates} duplicates, {summary.failed} "
        f"failed, {removed}; {summary.claims_written} claims written in {summary.seconds:.1f} s "
        f"({speed}) into {url}"
    )
    return 1 if failed else 0
