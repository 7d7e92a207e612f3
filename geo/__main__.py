"""Command line: ``python -m geo resolve NAME [NAME ...] [--context AREA] [--countries CODES]
[--online]``.

Without ``--countries`` a name is looked up in the default scope's curated layer first
(Afghanistan, as always), then in the world layer (GeoNames places anywhere, the more
important of far-apart namesakes winning), then online if asked. With ``--countries UA,RU``
the scope is those countries (national layers first, then the world).

Prints one JSON object per line; exit 0 when every name resolved, 1 when any did not,
2 on a usage or configuration error (message on stderr).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from geo.config import Config
from geo.exc import GeoError, UnknownContext
from geo.gazetteer import AMBIGUOUS, DEFAULT_COUNTRIES, Context, load_gazetteer
from geo.model import Resolution
from geo.resolver import Resolver


class _Chain:
    """The curated layer alone first; the world (and online) only for what it lacks."""

    def __init__(self, config: Config, countries: tuple[str, ...] | None) -> None:
        self.config = config
        self.countries = countries
        self._national = None if countries else load_gazetteer()
        self._scoped: Resolver | None = None

    def scoped(self) -> Resolver:
        if self._scoped is None:
            gaz = load_gazetteer(countries=self.countries or DEFAULT_COUNTRIES)
            self._scoped = Resolver(gazetteer=gaz, config=self.config)  # type: ignore[arg-type]
        return self._scoped

    def check_context(self, context: str) -> None:
        if self._national is not None:
            try:
                self._national.context_box(context)
                return
            except UnknownContext:
                pass
        self.scoped().gazetteer.context_box(context)

    def resolve(self, name: str, context: Context) -> Resolution:
        if self._national is not None:
            try:
                res = self._national.resolve(name, context)
            except UnknownContext:  # a context of the world layer ("Kharkiv Oblast")
                res = Resolution(name, reason="context outside the curated layer")
            # a near miss at home does not beat an exact name elsewhere ("El Fasher")
            if (res.resolved and res.method != "fuzzy") or res.reason == AMBIGUOUS:
                return res
        return self.scoped().resolve(name, context)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.upper() for c in re.split(r"[\s,]+", text) if c)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Resolve place names.")
    sub = ap.add_subparsers(dest="command", required=True)
    rp = sub.add_parser("resolve", help="resolve names, one JSON object per line")
    rp.add_argument("names", nargs="+", metavar="NAME")
    rp.add_argument(
        "--context", metavar="AREA", help="prefer places in this province, division or country"
    )
    rp.add_argument(
        "--countries",
        metavar="CODES",
        type=_codes,
        help="scope: ISO 3166-1 alpha-2 codes, e.g. UA,RU (default: Afghanistan, then the world)",
    )
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
        chain = _Chain(config, args.countries or None)
        if args.context:
            chain.check_context(args.context)  # fail early on a bad context
        all_ok = True
        for name in args.names:
            res = chain.resolve(name, args.context)
            all_ok &= res.resolved
            print(json.dumps(res.to_json(), ensure_ascii=False), flush=True)
    except GeoError as exc:
        print(f"python -m geo: error: {exc}", file=sys.stderr)
        return 2
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
