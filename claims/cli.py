"""Command line: ``python -m claims extract|disputes PATH ... [--profile NAME|FILE]``,
``python -m claims profiles`` and ``python -m claims ingest PATH ...`` (also ``claim-atlas``).

``ingest`` (the claim store) lives in :mod:`store.cli`; ``extract`` and ``disputes`` stay
stateless: they read files and print, and never touch a store.

Exit status: 0 on success (unresolved places are not errors), 1 when an input path named on
the command line is missing or unreadable or nothing could be read, 2 for usage errors (an
unknown profile or a profile file with an error included: the message names the file, the
line and the field). Problems with single files inside folders are reported on stderr and do
not fail the run.
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
from claims.profile import Profile, ProfileError, default_profile_name, list_profiles, load_profile
from geo import Gazetteer, GeoError, load_gazetteer
from store import cli as store_cli
from store import review_cli

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
    _add_profile_option(extract)
    disputes = sub.add_parser("disputes", help="print disputes between claims as JSON")
    disputes.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    disputes.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    disputes.add_argument("--workers", type=int, default=None, help="processes (default: auto)")
    disputes.add_argument(
        "--online",
        action="store_true",
        help="ask the online geocoder (Nominatim, 1 request/s) for places the gazetteer lacks",
    )
    _add_profile_option(disputes)
    profiles = sub.add_parser("profiles", help="list the bundled conflict profiles")
    profiles.add_argument("--json", action="store_true", help="one JSON object per profile")
    store_cli.add_parser(sub)
    review_cli.add_parser(sub)
    return parser


def _add_profile_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--profile",
        metavar="NAME|FILE",
        help="conflict profile: a bundled name (see `claim-atlas profiles`) or a .toml file; "
        "its countries scope the gazetteer (default: no profile, the Afghan gazetteer)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "profiles":
        return _profiles(args.json)
    if args.command == "ingest":
        return store_cli.run(args, sys.argv[1:] if argv is None else list(argv))
    if args.command == "review":
        return review_cli.run(args)
    try:
        profile = load_profile(args.profile) if args.profile else None
    except ProfileError as exc:
        print(f"claim-atlas: error: profile {exc}", file=sys.stderr)
        return 2
    try:
        corpus = _load(args.paths, args.workers, online=args.online or None, profile=profile)
    except (ClaimsError, GeoError) as exc:
        print(f"claim-atlas: error: {exc}", file=sys.stderr)
        return 1
    failed = _report(corpus, args.paths)
    if failed:
        return 1
    if args.command == "extract":
        text = render(corpus.claims, args.format)
    else:
        disputes = find_disputes(corpus.claims, _gazetteer_of(profile))
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


def _load(
    paths: Sequence[str], workers: int | None, online: bool | None, profile: Profile | None
) -> Corpus:
    def progress(done: int, total: int) -> None:
        if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            print(f"claim-atlas: {done}/{total} files", file=sys.stderr, flush=True)

    return load_corpus(
        paths,
        workers=workers,
        progress=progress,
        online=online,
        profile=profile,
        gazetteer=_gazetteer_of(profile),
    )


def _gazetteer_of(profile: Profile | None) -> Gazetteer | None:
    """The gazetteer scoped to the profile's countries (None: the default one)."""
    if profile is None or not profile.countries:
        return None
    return load_gazetteer(countries=profile.countries)  # type: ignore[return-value]


def _profiles(as_json: bool) -> int:
    """``claim-atlas profiles``: id, title, countries and sides of each bundled profile."""
    try:
        infos = list_profiles()
    except ProfileError as exc:
        print(f"claim-atlas: error: profile {exc}", file=sys.stderr)
        return 1
    default = default_profile_name()
    for info in infos:
        if as_json:
            row = {
                "id": info.id,
                "title": info.title,
                "countries": list(info.countries),
                "sides": list(info.sides),
                "path": str(info.path),
                "default": info.id == default,
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            mark = " (default)" if info.id == default else ""
            print(f"{info.id}{mark}: {info.title}")
            countries = ", ".join(info.countries) or "-"
            print(f"    countries: {countries}; sides: {', '.join(info.sides)}")
    return 0


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
