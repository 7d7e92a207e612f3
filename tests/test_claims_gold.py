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

from functools import cache
from pathlib import Path

import pytest

from benchmarks import fidelity
from benchmarks.fidelity import (
    FileScore,
    Gold,
    GoldClaim,
    describe_claim,
    describe_gold,
    match_file,
    overlap,
)

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
MIN_KIND_ACCURACY = 0.9
MIN_SIDE_ACCURACY = 0.9
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


@cache
def load_gold(corpus: str) -> Gold:
    return fidelity.load_gold(GOLD_FILES[corpus])


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
    return fidelity.extract_all(load_gold(corpus))


@cache
def result(corpus: str) -> fidelity.SetScore:
    return fidelity.score(load_gold(corpus), corpus, lambda _gold: extracted(corpus))


def scores(corpus: str) -> tuple[FileScore, ...]:
    return tuple(result(corpus).files)


def report(corpus: str) -> str:
    return fidelity.report(result(corpus))


def totals(corpus: str) -> tuple[int, int, int]:
    r = result(corpus)
    return r.tp, r.fp, r.fn


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
