"""``python -m benchmarks.fidelity DIR [DIR ...]``: score the extractor on annotated articles.

``DIR`` holds a ``gold.json`` in the format of ``tests/gold/`` (``{"claims": [...],
"furniture": [...]}``; fields and matching rule in ``tests/gold/README.md``), or is such a
file itself. Each entry's ``file`` is looked up relative to the folder of the gold file, its
parent, the current folder, and finally by its base name under the gold folder (so a set
can be moved as a whole). Prints a per-file table (TP, FP, FN, precision, recall, kind and
side accuracy), then every missed, spurious and mislabelled claim, and last the totals.

Matching rule: an extracted claim ``e`` matches a gold entry ``g`` when both come from the
same file, their ``[start, end)`` quote spans overlap, and they name the same place (for a
gold place the gazetteer knows, the ids agree, for ``g.place`` or one of ``g.place_alt``;
for an ``unresolved`` gold place, the normalised mention equals ``e.unresolved_place`` or
``e.place_mention``). Pairs are taken greedily one to one, preferring the same kind, then
the same figure, then a required entry over an optional one, then the larger overlap.
Optional entries count neither as misses nor, when matched, as false positives. Kind and
side accuracy are over matched required entries.

Exit status: 0 when every set was scored, 2 when a set could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "FileScore",
    "Furniture",
    "Gold",
    "GoldClaim",
    "GoldError",
    "SetScore",
    "load_gold",
    "match_file",
    "score",
]


class GoldError(ValueError):
    """A gold file that cannot be read or holds an invalid entry."""


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim; offsets index ``Path(path).read_text(encoding="utf-8")``."""

    file: str
    quote: str
    quote_start: int
    quote_end: int
    kind: str
    claimant: str | None
    side: str
    figure: int | None
    figure_qualifier: str | None
    place: str
    place_basis: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    unresolved: bool = False
    place_alt: tuple[str, ...] = ()
    optional: bool = False
    note: str | None = None
    path: Path | None = None  # where the article was found


@dataclass(frozen=True)
class Furniture:
    """A span of page furniture (never a statement) in one file."""

    file: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Gold:
    claims: tuple[GoldClaim, ...]
    furniture: tuple[Furniture, ...]
    paths: dict[str, Path] = field(default_factory=dict)  # gold ``file`` → article on disk

    @property
    def files(self) -> tuple[str, ...]:
        names = {g.file for g in self.claims} | {f.file for f in self.furniture}
        return tuple(sorted(names))


_REQUIRED = ("file", "quote", "quote_start", "quote_end", "kind", "side", "place")


def _locate(file: str, gold_path: Path) -> Path | None:
    folder = gold_path.resolve().parent
    for base in (folder, *folder.parents, Path.cwd()):
        candidate = base / file
        if candidate.is_file():
            return candidate
    name = Path(file).name
    found = sorted(folder.rglob(name))
    return found[0] if found else None


def _claim(entry: dict[str, Any], where: str) -> GoldClaim:
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        raise GoldError(f"{where}: missing field(s) {', '.join(missing)}")
    try:
        return GoldClaim(
            file=entry["file"],
            quote=entry["quote"],
            quote_start=int(entry["quote_start"]),
            quote_end=int(entry["quote_end"]),
            kind=entry["kind"],
            claimant=entry.get("claimant"),
            side=entry["side"],
            figure=entry.get("figure"),
            figure_qualifier=entry.get("figure_qualifier"),
            place=entry["place"],
            place_basis=entry.get("place_basis", "named in the sentence"),
            date_start=entry.get("date_start"),
            date_end=entry.get("date_end"),
            date_precision=entry.get("date_precision", "unknown"),
            unresolved=bool(entry.get("unresolved", False)),
            place_alt=tuple(entry.get("place_alt", ())),
            optional=bool(entry.get("optional", False)),
            note=entry.get("note"),
        )
    except (TypeError, ValueError) as exc:
        raise GoldError(f"{where}: {exc}") from exc


def load_gold(path: str | Path) -> Gold:
    """The gold of a folder (its ``gold.json``) or of a gold file; articles located on disk."""
    path = Path(path)
    gold_path = path / "gold.json" if path.is_dir() else path
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{gold_path}: cannot read the gold file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise GoldError(f"{gold_path}: expected an object with a 'claims' list")
    claims = tuple(_claim(e, f"{gold_path}: claim {i}") for i, e in enumerate(data["claims"]))
    furniture = tuple(
        Furniture(file=f["file"], text=f["text"], start=f["start"], end=f["end"])
        for f in data.get("furniture", ())
    )
    paths: dict[str, Path] = {}
    for file in {g.file for g in claims} | {f.file for f in furniture}:
        found = _locate(file, gold_path)
        if found is None:
            raise GoldError(f"{gold_path}: article {file!r} not found")
        paths[file] = found
    return Gold(claims, furniture, paths)


# ---------------------------------------------------------------- matching


def normalise(name: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a place mention."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@cache
def _gazetteer() -> Any:
    from geo import load_gazetteer

    return load_gazetteer()


@cache
def place_ids(names: tuple[str, ...]) -> frozenset[str]:
    """Gazetteer ids of the places ``names`` resolve to."""
    ids = set()
    for name in names:
        resolution = _gazetteer().resolve(name)
        if resolution.place is not None:
            ids.add(resolution.place.id)
    return frozenset(ids)


def same_place(g: GoldClaim, e: Any) -> bool:
    if g.unresolved:
        wanted = normalise(g.place)
        return wanted in {normalise(e.unresolved_place), normalise(e.place_mention)}
    return e.place_id is not None and e.place_id in place_ids((g.place, *g.place_alt))


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


@dataclass
class FileScore:
    file: str
    pairs: list  # (GoldClaim, Claim)
    missed: list  # required GoldClaim not matched
    spurious: list  # Claim not matched

    @property
    def tp(self) -> int:
        return sum(not g.optional for g, _ in self.pairs)

    @property
    def required_pairs(self) -> list:
        return [(g, e) for g, e in self.pairs if not g.optional]


def match_file(gold: Sequence[GoldClaim], found: Sequence[Any]) -> FileScore:
    """Greedy one-to-one matching of one file's extracted claims to its gold entries."""
    candidates = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(found):
            shared = overlap(g.quote_start, g.quote_end, e.quote_start, e.quote_end)
            if shared and same_place(g, e):
                rank = (e.kind == g.kind, e.figure == g.figure, not g.optional, shared)
                candidates.append((rank, gi, ei))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    used_g: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for _, gi, ei in candidates:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        pairs.append((gold[gi], found[ei]))
    missed = [g for i, g in enumerate(gold) if i not in used_g and not g.optional]
    spurious = [e for i, e in enumerate(found) if i not in used_e]
    return FileScore(gold[0].file if gold else "", pairs, missed, spurious)


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class SetScore:
    """The scores of one annotated set, file by file."""

    name: str
    files: list[FileScore]

    def _pairs(self) -> list:
        return [p for s in self.files for p in s.required_pairs]

    @property
    def tp(self) -> int:
        return sum(s.tp for s in self.files)

    @property
    def fp(self) -> int:
        return sum(len(s.spurious) for s in self.files)

    @property
    def fn(self) -> int:
        return sum(len(s.missed) for s in self.files)

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def kind_accuracy(self) -> float:
        pairs = self._pairs()
        return ratio(sum(g.kind == e.kind for g, e in pairs), len(pairs))

    @property
    def side_accuracy(self) -> float:
        pairs = self._pairs()
        return ratio(sum(g.side == e.side for g, e in pairs), len(pairs))

    def summary(self) -> dict[str, float | int | str]:
        return {
            "set": self.name,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "kind": round(self.kind_accuracy, 3),
            "side": round(self.side_accuracy, 3),
        }


def extract_all(gold: Gold) -> dict[str, tuple]:
    """Run the extractor on every article of a gold set: {gold file name: claims}."""
    import claims

    gaz = _gazetteer()
    return {
        file: tuple(claims.extract_claims(claims.read_article(path), gaz))
        for file, path in gold.paths.items()
    }


def score(
    gold: Gold,
    name: str = "",
    extract: Callable[[Gold], dict[str, tuple]] = extract_all,
) -> SetScore:
    found = extract(gold)
    files = []
    for file in gold.files:
        s = match_file([g for g in gold.claims if g.file == file], found.get(file, ()))
        s.file = file
        files.append(s)
    return SetScore(name, files)


# ---------------------------------------------------------------- report


def describe_claim(e: Any) -> str:
    place = e.place or e.unresolved_place or e.place_mention
    return f"{e.kind}/{e.side}/{place}/{e.figure} [{e.quote_start}:{e.quote_end}] {e.quote[:90]!r}"


def describe_gold(g: GoldClaim) -> str:
    return (
        f"{g.kind}/{g.side}/{g.place}/{g.figure} [{g.quote_start}:{g.quote_end}] {g.quote[:90]!r}"
    )


_HEADER = (
    f"{'file':44} {'TP':>3} {'FP':>3} {'FN':>3} {'prec':>5} {'rec':>5} {'kind':>5} {'side':>5}"
)


def _row(name: str, group: Iterable[FileScore]) -> str:
    s = SetScore(name, list(group))
    return (
        f"{name[:44]:44} {s.tp:3} {s.fp:3} {s.fn:3} {s.precision:5.2f} {s.recall:5.2f} "
        f"{s.kind_accuracy:5.2f} {s.side_accuracy:5.2f}"
    )


def _errors(s: FileScore) -> list[str]:
    name = Path(s.file).name
    lines = [f"  MISSED   {name}: {describe_gold(g)}" for g in s.missed]
    lines += [f"  SPURIOUS {name}: {describe_claim(e)}" for e in s.spurious]
    for g, e in s.pairs:
        if g.kind != e.kind or g.side != e.side:
            tag = "optional" if g.optional else "gold"
            lines.append(
                f"  MISLABEL {name}: {tag} {g.kind}/{g.side}, got {e.kind}/{e.side} "
                f"({e.claimant!r}): {g.quote[:70]!r}"
            )
    return lines


def report(result: SetScore, errors: bool = True) -> str:
    """Per-file table, every error, and the totals line last."""
    lines = [_HEADER] + [_row(Path(s.file).name, [s]) for s in result.files]
    if errors:
        for s in result.files:
            lines += _errors(s)
    lines.append(_HEADER)
    lines.append(_row("TOTAL " + result.name, result.files))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fidelity",
        description="Score the claim extractor on annotated folders (gold.json in the "
        "tests/gold format).",
    )
    parser.add_argument("sets", nargs="+", type=Path, help="a folder with gold.json, or a file")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON lines")
    parser.add_argument("--quiet", action="store_true", help="tables only, no error lines")
    args = parser.parse_args(argv)
    status = 0
    for path in args.sets:
        try:
            gold = load_gold(path)
        except GoldError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        result = score(gold, name=str(path))
        if args.json:
            print(json.dumps(result.summary()))
        else:
            print(report(result, errors=not args.quiet))
            print(
                f"{path}: precision {result.precision:.3f}  recall {result.recall:.3f}  "
                f"kind {result.kind_accuracy:.3f}  side {result.side_accuracy:.3f}  "
                f"(TP {result.tp} FP {result.fp} FN {result.fn})"
            )
    return status


if __name__ == "__main__":
    sys.exit(main())
