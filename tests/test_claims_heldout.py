"""Blind held-out check of the claim extractor (see tests/heldout/README.md).

Eight synthetic articles in ``tests/heldout/`` that the extractor's author never saw while
tuning, annotated in ``tests/heldout/gold.json`` with the same format, matching rule and
thresholds as ``tests/gold/`` (the matcher and reporting helpers are imported from
``test_claims_gold.py``, not copied):

- the gold checks itself (quotes exact at their offsets, valid fields, places resolve in the
  gazetteer, optional entries under 15 %, no gold quote inside page furniture);
- every extracted claim quotes its file exactly and never quotes page furniture;
- precision and recall are at least 0.9; kind and side accuracy over matched required
  entries are at least 0.85.

Run ``.venv/bin/pytest tests/test_claims_heldout.py -s`` to see the per-file table of
TP/FP/FN with every missed, spurious and mislabelled quote, even when the test passes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from test_claims_gold import (
    DATE_PRECISIONS,
    KINDS,
    MAX_OPTIONAL_SHARE,
    MIN_KIND_ACCURACY,
    MIN_PRECISION,
    MIN_RECALL,
    MIN_SIDE_ACCURACY,
    PLACE_BASES,
    ROOT,
    SIDES,
    FileScore,
    Furniture,
    Gold,
    GoldClaim,
    describe_claim,
    describe_gold,
    file_text,
    gazetteer,
    match_file,
    overlap,
)

HELDOUT_DIR = ROOT / "tests" / "heldout"
GOLD_FILE = HELDOUT_DIR / "gold.json"


@cache
def load_heldout() -> Gold:
    data = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
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
def extracted() -> dict[str, tuple]:
    """Run the extractor on every held-out article: {gold file name: claims}."""
    import claims

    gaz = gazetteer()
    return {
        file: tuple(claims.extract_claims(claims.read_article(ROOT / file), gaz))
        for file in load_heldout().files
    }


@cache
def scores() -> tuple[FileScore, ...]:
    gold = load_heldout()
    found = extracted()
    out = []
    for file in gold.files:
        score = match_file([g for g in gold.claims if g.file == file], found[file])
        score.file = file
        out.append(score)
    return tuple(out)


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report() -> str:
    """Per-file TP/FP/FN, precision, recall, kind and side accuracy, then every error."""
    lines = [
        f"{'file':34} {'TP':>3} {'FP':>3} {'FN':>3} {'prec':>5} {'rec':>5} {'kind':>5} {'side':>5}"
    ]
    for s in scores():
        req = [(g, e) for g, e in s.pairs if not g.optional]
        fp, fn = len(s.spurious), len(s.missed)
        lines.append(
            f"{Path(s.file).name:34} {s.tp:3} {fp:3} {fn:3} "
            f"{ratio(s.tp, s.tp + fp):5.2f} {ratio(s.tp, s.tp + fn):5.2f} "
            f"{ratio(sum(g.kind == e.kind for g, e in req), len(req)):5.2f} "
            f"{ratio(sum(g.side == e.side for g, e in req), len(req)):5.2f}"
        )
    for s in scores():
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


# ---------------------------------------------------------------- the gold checks itself


def test_heldout_gold_quotes_are_exact_substrings() -> None:
    gold = load_heldout()
    assert len(gold.files) >= 8, gold.files
    for g in gold.claims:
        assert file_text(g.file)[g.quote_start : g.quote_end] == g.quote, describe_gold(g)
    for f in gold.furniture:
        assert file_text(f.file)[f.start : f.end] == f.text, f


def test_heldout_gold_fields_are_valid() -> None:
    gold = load_heldout()
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


def test_heldout_gold_places_are_known_to_the_gazetteer() -> None:
    problems = []
    for g in load_heldout().claims:
        for name in (g.place, *g.place_alt):
            if gazetteer().resolve(name).resolved == g.unresolved:
                problems.append(f"{name!r} ({g.file})")
    assert not problems, "\n".join(sorted(set(problems)))


# ---------------------------------------------------------------- the extractor


def test_heldout_extracted_quotes_are_exact() -> None:
    bad = []
    for file, found in extracted().items():
        text = file_text(file)
        bad += [
            f"{file}: {describe_claim(e)}"
            for e in found
            if text[e.quote_start : e.quote_end] != e.quote
        ]
    assert not bad, "quotes not at their offsets:\n" + "\n".join(bad)


def test_heldout_no_claim_quotes_page_furniture() -> None:
    gold = load_heldout()
    bad = []
    for file, found in extracted().items():
        for e in found:
            for f in gold.furniture:
                if f.file == file and overlap(e.quote_start, e.quote_end, f.start, f.end):
                    bad.append(f"{file}: {describe_claim(e)} overlaps furniture {f.text[:60]!r}")
    assert not bad, "\n".join(bad)


def test_heldout_precision_and_recall() -> None:
    tp = sum(s.tp for s in scores())
    fp = sum(len(s.spurious) for s in scores())
    fn = sum(len(s.missed) for s in scores())
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    summary = f"heldout: precision {precision:.3f} recall {recall:.3f} (TP {tp} FP {fp} FN {fn})"
    print(summary)
    print(report())
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, f"{summary}\n{report()}"


def test_heldout_kind_and_side_accuracy() -> None:
    pairs = [(g, e) for s in scores() for g, e in s.pairs if not g.optional]
    assert pairs, f"heldout: no matched claims at all\n{report()}"
    kind_ok = ratio(sum(g.kind == e.kind for g, e in pairs), len(pairs))
    side_ok = ratio(sum(g.side == e.side for g, e in pairs), len(pairs))
    summary = f"heldout: kind accuracy {kind_ok:.3f}, side accuracy {side_ok:.3f} ({len(pairs)})"
    print(summary)
    assert kind_ok >= MIN_KIND_ACCURACY and side_ok >= MIN_SIDE_ACCURACY, f"{summary}\n{report()}"
