"""Command line: ``python -m geo resolve NAME [NAME ...] [--context PROVINCE] [--online]``.

Prints one JSON object per line; exit 0 when every name resolved, 1 when any did not,
2 on a usage or configuration error (message on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys

from geo.config import Config
from geo.exc import GeoError
from geo.resolver import Resolver


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Resolve Afghan place names.")
    sub = ap.add_subparsers(dest="command", required=True)
    rp = sub.add_parser("resolve", help="resolve names, one JSON object per line")
    rp.add_argument("names", nargs="+", metavar="NAME")
    rp.add_argument("--context", metavar="PROVINCE", help="prefer places in this province")
    rp.add_argument(
        "--online",
        action="store_true",
        help="also ask the online geocoder (Nominatim) for names not in the gazetteer",
    )
    args = ap.parse_args(argv)
    try:
        config = Config.from_env()
        if args.online and not config.online:
            config = config.with_online()
        resolver = Resolver(config=config)
        if args.context:
            resolver.gazetteer.context_box(args.context)  # fail early on a bad context
        all_ok = True
        for name in args.names:
            res = resolver.resolve(name, args.context)
            all_ok &= res.resolved
            print(json.dumps(res.to_json(), ensure_ascii=False), flush=True)
    except GeoError as exc:
        print(f"python -m geo: error: {exc}", file=sys.stderr)
        return 2
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
