"""Command line: ``python -m claims extract|disputes|ingest PATH ...`` (also ``claim-atlas``).

``ingest`` (the claim store) lives in :mod:`store.cli`; ``extract`` and ``disputes`` stay
stateless: they read files and print, and never touch a store.

Exit status: 0 on success (unresolved places are not errors), 1 when an input path named on
the command line is missing or unreadable or nothing could be read, 2 for usage errors.
Problems with single files inside folders are reported on stderr and do not fail the run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from claims.corpus import Corpus, Problem, load_corpus
from claims.disputes import find_disputes
from claims.exc import ClaimsError
from claims.export import FORMATS, render, write_atomic
from geo import GeoError
from store import cli as store_cli

PROGRESS_EVERY = 500


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claim-atlas",
        description="Turn news articles into attributed, dated, located claims.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract claims (GeoJSON on stdout by default)")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    extract.add_argument("--format", choices=FORMATS, default="geojson")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    extract.add_argument("--workers", type=int, default=None, help="processes (default: auto)")
    extract.add_argument(
        "--online",
        action="store_true",
        help="ask the online geocoder (Nominatim, 1 request/s) for places the gazetteer lacks",
    )
    disputes = sub.add_parser("disputes", help="print disputes between claims as JSON")
    disputes.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    disputes.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    disputes.add_argument("--workers", type=int, default=None, help="processes (default: auto)")
    disputes.add_argument(
        "--online",
        action="store_true",
        help="ask the online geocoder (Nominatim, 1 request/s) for places the gazetteer lacks",
    )
    store_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "ingest":
        return store_cli.run(args, sys.argv[1:] if argv is None else list(argv))
    try:
        corpus = _load(args.paths, args.workers, online=args.online or None)
    except (ClaimsError, GeoError) as exc:
        print(f"claim-atlas: error: {exc}", file=sys.stderr)
        return 1
    failed = _report(corpus, args.paths)
    if failed:
        return 1
    if args.command == "extract":
        text = render(corpus.claims, args.format)
    else:
        disputes = find_disputes(corpus.claims)
        text = json.dumps([d.to_dict() for d in disputes], ensure_ascii=False, indent=1) + "\n"
    try:
        if args.output:
            write_atomic(args.output, text)
        else:
            sys.stdout.write(text)
    except OSError as exc:
        print(f"claim-atlas: error: cannot write {args.output}: {exc}", file=sys.stderr)
        return 1
    return 0


def _load(paths: Sequence[str], workers: int | None, online: bool | None) -> Corpus:
    def progress(done: int, total: int) -> None:
        if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            print(f"claim-atlas: {done}/{total} files", file=sys.stderr, flush=True)

    return load_corpus(paths, workers=workers, progress=progress, online=online)


def _report(corpus: Corpus, paths: Sequence[str]) -> bool:
    """Print problems on stderr; True when the run failed (a named input is unusable)."""
    named = {str(Path(p)) for p in paths}
    failed = False
    for problem in corpus.problems:
        fatal = problem.fatal and problem.file in named
        failed = failed or fatal
        label = "error" if fatal else "warning"
        print(f"claim-atlas: {label}: {problem.file}: {_strip_name(problem)}", file=sys.stderr)
    for dup in corpus.duplicates:
        print(f"claim-atlas: note: {dup}: duplicate of an article already read", file=sys.stderr)
    if not corpus.articles and not failed:
        print("claim-atlas: error: no article could be read", file=sys.stderr)
        failed = True
    located = sum(c.located for c in corpus.claims)
    print(
        f"claim-atlas: {len(corpus.articles)} articles, {len(corpus.claims)} claims "
        f"({len(corpus.claims) - located} without coordinates), {len(corpus.problems)} problems, "
        f"{len(corpus.duplicates)} duplicates",
        file=sys.stderr,
    )
    return failed


def _strip_name(problem: Problem) -> str:
    prefix = f"{problem.file}: "
    return problem.message[len(prefix) :] if problem.message.startswith(prefix) else problem.message


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
