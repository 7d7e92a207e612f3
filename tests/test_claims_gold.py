"""Score the claim extractor against hand-made gold annotations (see tests/gold/README.md).

Four annotated sets, each scored on its own: the five seed articles (``tests/gold/seeds.json``),
synthetic articles in other outlets' styles (``tests/gold/corpus.json``), and two sets written
blind, without the extractor's code or output (``tests/heldout/``, ``tests/blind/``; their first
blind runs are recorded in their READMEs). For each set:

- the gold checks itself (quotes are exact substrings at their offsets, fields are valid,
  places resolve in the gazetteer, few optional entries);
- every extracted claim quotes its file exactly;
- precision and recall of extracted claims against the gold are at least 0.9;
- over matched pairs, kind accuracy and side accuracy are at least 0.85;
- no extracted claim quotes page furniture (front matter, share buttons, captions, ...).

Matching rule: an extracted claim ``e`` matches a gold entry ``g`` when both come from the
same file, their ``[start, end)`` quote spans overlap, and they name the same place: for a
gold place the gazetteer knows, ``resolve(g.place).place.id == e.place_id`` (or the same for
one of ``g.place_alt``); for an unresolved gold place, the normalised mention equals the
normalised ``e.unresolved_place`` or ``e.place_mention``. Pairs are taken greedily one to one,
preferring the same kind, then the same figure, then a required over an optional gold entry,
then the larger overlap. Optional gold entries count neither as misses nor, when matched, as
false positives.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = {
    "seeds": ROOT / "tests" / "gold" / "seeds.json",
    "corpus": ROOT / "tests" / "gold" / "corpus.json",
    "heldout": ROOT / "tests" / "heldout" / "gold.json",
    "blind": ROOT / "tests" / "blind" / "gold.json",
}
CORPORA = tuple(GOLD_FILES)
SYNTHETIC = ("corpus", "heldout", "blind")
MIN_PRECISION = 0.9
MIN_RECALL = 0.9
MIN_KIND_ACCURACY = 0.85
MIN_SIDE_ACCURACY = 0.85
MAX_OPTIONAL_SHARE = 0.15

KINDS = (
    "casualties",
    "captured_people",
    "territorial_control",
    "clashes",
    "equipment",
    "negotiation",
    "infrastructure",
    "other",
)
SIDES = ("NRF", "Taliban", "other", "unknown")
PLACE_BASES = ("named in the sentence", "inferred from the article")
DATE_PRECISIONS = ("day", "range", "unknown")


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim; offsets index ``Path(file).read_text(encoding="utf-8")``."""

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

    @property
    def files(self) -> tuple[str, ...]:
        names = {g.file for g in self.claims} | {f.file for f in self.furniture}
        return tuple(sorted(names))


@cache
def load_gold(corpus: str) -> Gold:
    data = json.loads(GOLD_FILES[corpus].read_text(encoding="utf-8"))
    claims = tuple(
        GoldClaim(
            file=e["file"],
            quote=e["quote"],
            quote_start=e["quote_start"],
            quote_end=e["quote_end"],
            kind=e["kind"],
            claimant=e.get("claimant"),
            side=e["side"],
            figure=e.get("figure"),
            figure_qualifier=e.get("figure_qualifier"),
            place=e["place"],
            place_basis=e["place_basis"],
            date_start=e.get("date_start"),
            date_end=e.get("date_end"),
            date_precision=e["date_precision"],
            unresolved=bool(e.get("unresolved", False)),
            place_alt=tuple(e.get("place_alt", ())),
            optional=bool(e.get("optional", False)),
            note=e.get("note"),
        )
        for e in data["claims"]
    )
    furniture = tuple(
        Furniture(file=f["file"], text=f["text"], start=f["start"], end=f["end"])
        for f in data["furniture"]
    )
    return Gold(claims, furniture)


@cache
def file_text(file: str) -> str:
    return (ROOT / file).read_text(encoding="utf-8")


@cache
def gazetteer():
    from geo import load_gazetteer

    return load_gazetteer()


@cache
def extracted(corpus: str) -> dict[str, tuple]:
    """Run the extractor on every file of a corpus: {gold file name: claims}."""
    import claims

    gaz = gazetteer()
    out = {}
    for file in load_gold(corpus).files:
        article = claims.read_article(ROOT / file)
        out[file] = tuple(claims.extract_claims(article, gaz))
    return out


def normalise(name: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a place mention."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(ch for ch in decomposed if ch.isalnum())
    return kept


@cache
def place_ids(names: tuple[str, ...]) -> frozenset[str]:
    ids = set()
    for name in names:
        resolution = gazetteer().resolve(name)
        if resolution.place is not None:
            ids.add(resolution.place.id)
    return frozenset(ids)


def same_place(g: GoldClaim, e) -> bool:
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


def match_file(gold: list[GoldClaim], found: tuple) -> FileScore:
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


@cache
def scores(corpus: str) -> tuple[FileScore, ...]:
    gold = load_gold(corpus)
    found = extracted(corpus)
    out = []
    for file in gold.files:
        score = match_file([g for g in gold.claims if g.file == file], found[file])
        score.file = file
        out.append(score)
    return tuple(out)


def describe_claim(e) -> str:
    place = e.place or e.unresolved_place or e.place_mention
    return f"{e.kind}/{e.side}/{place}/{e.figure} [{e.quote_start}:{e.quote_end}] {e.quote[:90]!r}"


def describe_gold(g: GoldClaim) -> str:
    return (
        f"{g.kind}/{g.side}/{g.place}/{g.figure} [{g.quote_start}:{g.quote_end}] {g.quote[:90]!r}"
    )


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def row(name: str, group: list[FileScore]) -> str:
    """One table line: TP/FP/FN, precision, recall, kind and side accuracy of ``group``."""
    tp = sum(s.tp for s in group)
    fp = sum(len(s.spurious) for s in group)
    fn = sum(len(s.missed) for s in group)
    req = [(g, e) for s in group for g, e in s.pairs if not g.optional]
    kind = ratio(sum(g.kind == e.kind for g, e in req), len(req))
    side = ratio(sum(g.side == e.side for g, e in req), len(req))
    return (
        f"{name:34} {tp:3} {fp:3} {fn:3} {ratio(tp, tp + fp):5.2f} {ratio(tp, tp + fn):5.2f} "
        f"{kind:5.2f} {side:5.2f}"
    )


def report(corpus: str) -> str:
    """Per-file and total TP/FP/FN, precision, recall, kind and side, then every error."""
    lines = [
        f"{'file':34} {'TP':>3} {'FP':>3} {'FN':>3} {'prec':>5} {'rec':>5} {'kind':>5} {'side':>5}"
    ]
    lines += [row(Path(s.file).name, [s]) for s in scores(corpus)]
    lines.append(row("TOTAL", list(scores(corpus))))
    for s in scores(corpus):
        name = Path(s.file).name
        lines += [f"  MISSED   {name}: {describe_gold(g)}" for g in s.missed]
        lines += [f"  SPURIOUS {name}: {describe_claim(e)}" for e in s.spurious]
        for g, e in s.pairs:
            if g.kind != e.kind or g.side != e.side:
                tag = "optional" if g.optional else "gold"
                lines.append(
                    f"  MISLABEL {name}: {tag} {g.kind}/{g.side}, got {e.kind}/{e.side}: "
                    f"{g.quote[:70]!r}"
                )
    return "\n".join(lines)


def totals(corpus: str) -> tuple[int, int, int]:
    tp = sum(s.tp for s in scores(corpus))
    fp = sum(len(s.spurious) for s in scores(corpus))
    fn = sum(len(s.missed) for s in scores(corpus))
    return tp, fp, fn


# ---------------------------------------------------------------- the gold checks itself


@pytest.mark.parametrize("corpus", CORPORA)
def test_gold_quotes_are_exact_substrings(corpus: str) -> None:
    gold = load_gold(corpus)
    assert gold.claims, f"no gold claims for {corpus}"
    for g in gold.claims:
        assert file_text(g.file)[g.quote_start : g.quote_end] == g.quote, describe_gold(g)
    for f in gold.furniture:
        assert file_text(f.file)[f.start : f.end] == f.text, f


@pytest.mark.parametrize("corpus", SYNTHETIC)
def test_synthetic_articles_say_so(corpus: str) -> None:
    for file in load_gold(corpus).files:
        assert "synthetic" in file_text(file)[:400].lower(), file


@pytest.mark.parametrize("corpus", CORPORA)
def test_gold_fields_are_valid(corpus: str) -> None:
    gold = load_gold(corpus)
    for g in gold.claims:
        assert g.kind in KINDS, describe_gold(g)
        assert g.side in SIDES, describe_gold(g)
        assert g.place_basis in PLACE_BASES, describe_gold(g)
        assert g.date_precision in DATE_PRECISIONS, describe_gold(g)
        assert (g.date_start is None) == (g.date_precision == "unknown"), describe_gold(g)
        if g.figure_qualifier is not None:
            assert g.figure is not None, describe_gold(g)
        for f in gold.furniture:
            if f.file == g.file:
                assert not overlap(g.quote_start, g.quote_end, f.start, f.end), (g, f)
    optional = sum(g.optional for g in gold.claims)
    assert optional / len(gold.claims) < MAX_OPTIONAL_SHARE, (optional, len(gold.claims))


@pytest.mark.parametrize("corpus", CORPORA)
def test_gold_places_are_known_to_the_gazetteer(corpus: str) -> None:
    problems = []
    for g in load_gold(corpus).claims:
        for name in (g.place, *g.place_alt):
            resolution = gazetteer().resolve(name)
            if resolution.resolved == g.unresolved:
                problems.append(f"{name!r} resolved={resolution.resolved} ({g.file})")
    assert not problems, "\n".join(sorted(set(problems)))


# ---------------------------------------------------------------- the extractor


@pytest.mark.parametrize("corpus", CORPORA)
def test_extracted_quotes_are_exact(corpus: str) -> None:
    bad = []
    for file, found in extracted(corpus).items():
        for e in found:
            path = Path(e.file)
            if not path.is_file():  # a bare file name: it must name the article it came from
                assert path.name == Path(file).name, (e.file, file)
                path = ROOT / file
            text = path.read_text(encoding="utf-8")
            if text[e.quote_start : e.quote_end] != e.quote:
                bad.append(f"{file}: {describe_claim(e)}")
    assert not bad, "quotes not at their offsets:\n" + "\n".join(bad)


@pytest.mark.parametrize("corpus", CORPORA)
def test_precision_and_recall(corpus: str) -> None:
    tp, fp, fn = totals(corpus)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    summary = f"{corpus}: precision {precision:.3f} recall {recall:.3f} (TP {tp} FP {fp} FN {fn})"
    print(summary)
    print(report(corpus))
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, f"{summary}\n{report(corpus)}"


@pytest.mark.parametrize("corpus", CORPORA)
def test_kind_and_side_accuracy(corpus: str) -> None:
    pairs = [(g, e) for s in scores(corpus) for g, e in s.pairs if not g.optional]
    assert pairs, f"{corpus}: no matched claims at all\n{report(corpus)}"
    kind_ok = sum(g.kind == e.kind for g, e in pairs) / len(pairs)
    side_ok = sum(g.side == e.side for g, e in pairs) / len(pairs)
    summary = f"{corpus}: kind accuracy {kind_ok:.3f}, side accuracy {side_ok:.3f} ({len(pairs)})"
    print(summary)
    assert kind_ok >= MIN_KIND_ACCURACY and side_ok >= MIN_SIDE_ACCURACY, (
        f"{summary}\n{report(corpus)}"
    )


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_claim_quotes_page_furniture(corpus: str) -> None:
    gold = load_gold(corpus)
    bad = []
    for file, found in extracted(corpus).items():
        for e in found:
            for f in gold.furniture:
                if f.file == file and overlap(e.quote_start, e.quote_end, f.start, f.end):
                    bad.append(f"{file}: {describe_claim(e)} overlaps furniture {f.text[:60]!r}")
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------- the matcher itself


def _gold(start: int, end: int, kind: str, place: str, **extra: object) -> GoldClaim:
    fields = {
        "file": "f.txt",
        "quote": "x" * (end - start),
        "quote_start": start,
        "quote_end": end,
        "kind": kind,
        "claimant": None,
        "side": "other",
        "figure": None,
        "figure_qualifier": None,
        "place": place,
        "place_basis": "named in the sentence",
        "date_start": None,
        "date_end": None,
        "date_precision": "unknown",
    }
    fields.update(extra)
    return GoldClaim(**fields)


def _found(start: int, end: int, kind: str, place: str | None, mention: str | None = None):
    from types import SimpleNamespace

    place_id = gazetteer().resolve(place).place.id if place else None
    return SimpleNamespace(
        quote_start=start,
        quote_end=end,
        kind=kind,
        figure=None,
        place_id=place_id,
        unresolved_place=None if place else mention,
        place_mention=mention or place,
    )


@pytest.mark.parametrize(
    ("gold", "found", "tp", "fp", "fn"),
    [
        # same span, same place: a match even when the kind differs
        ([_gold(0, 10, "clashes", "Paryan")], [_found(0, 10, "casualties", "Paryan")], 1, 0, 0),
        # overlapping spans suffice; disjoint spans never match
        ([_gold(0, 10, "clashes", "Paryan")], [_found(9, 30, "clashes", "Paryan")], 1, 0, 0),
        ([_gold(0, 10, "clashes", "Paryan")], [_found(10, 30, "clashes", "Paryan")], 0, 1, 1),
        # a different place is a miss plus a false positive; a spelling variant is the same place
        ([_gold(0, 10, "clashes", "Paryan")], [_found(0, 10, "clashes", "Kapisa")], 0, 1, 1),
        ([_gold(0, 10, "clashes", "Khinj")], [_found(0, 10, "clashes", "Khenj")], 1, 0, 0),
        # unresolved places compare their normalised mentions
        (
            [_gold(0, 10, "other", "Danah", unresolved=True)],
            [_found(0, 10, "other", None, mention="danah")],
            1,
            0,
            0,
        ),
        # one to one, preferring the same kind
        (
            [_gold(0, 10, "clashes", "Paryan"), _gold(0, 10, "casualties", "Paryan")],
            [_found(0, 10, "casualties", "Paryan")],
            1,
            0,
            1,
        ),
        # optional gold: neither a miss when absent nor a false positive when found
        ([_gold(0, 10, "clashes", "Paryan", optional=True)], [], 0, 0, 0),
        (
            [_gold(0, 10, "clashes", "Paryan", optional=True)],
            [_found(0, 10, "clashes", "Paryan")],
            0,
            0,
            0,
        ),
    ],
)
def test_matching_rule(gold: list, found: list, tp: int, fp: int, fn: int) -> None:
    score = match_file(gold, tuple(found))
    assert (score.tp, len(score.spurious), len(score.missed)) == (tp, fp, fn)


def test_matching_prefers_the_same_kind() -> None:
    gold = [_gold(0, 10, "clashes", "Paryan"), _gold(0, 10, "casualties", "Paryan")]
    score = match_file(gold, (_found(0, 10, "casualties", "Paryan"),))
    assert [g.kind for g, _ in score.pairs] == ["casualties"]
    assert [g.kind for g in score.missed] == ["clashes"]
