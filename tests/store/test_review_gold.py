"""Reviewed claims exported as a gold set (``claim-atlas review export-gold``) that
``python -m benchmarks.fidelity`` scores: confirmed and corrected claims are gold, rejected
ones are not, undecided ones optional; the articles travel with their metadata."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from benchmarks.fidelity import load_gold
from store.database import open_store
from store.gold import GoldTargetError, Unreviewed, export_gold
from store.ingest import ingest
from store.review import Edit, Reviewer, Verdict, save

ANA = Reviewer("ana")


@pytest.fixture
def reviewed(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    url = f"sqlite:///{tmp_path / 'claims.sqlite'}"
    with open_store(url, create=True) as db:
        ingest(db, [folder], workers=0)
        claims = sorted(
            (c for c in db.claims() if c.file == "000_a9b789ae002b407c.txt"),
            key=lambda c: (c.quote_start, c.id),
        )
        quotes = {}
        for c in claims:  # three claims with quotes of their own
            quotes.setdefault(c.quote, c)
        confirm, reject, correct = list(quotes.values())[:3]
        save(db, confirm, Edit(Verdict.CONFIRMED), ANA, 0)
        save(db, reject, Edit(Verdict.REJECTED, reason="background, not a claim"), ANA, 0)
        other = "clashes" if correct.kind != "clashes" else "casualties"
        save(db, correct, Edit(corrections={"kind": other, "figure": "12"}), ANA, 0)
        yield url, db, claims, (confirm, reject, correct, other)


def test_export_is_a_gold_set_fidelity_scores(reviewed, tmp_path):
    url, _db, _claims, (confirm, reject, correct, other) = reviewed
    out = tmp_path / "gold"
    done = run_cli("review", "export-gold", str(out), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "2 reviewed" in done.stderr and "1 rejected" in done.stderr
    gold = load_gold(out)
    assert {g.file for g in gold.claims} == {"articles/000_a9b789ae002b407c.txt"}
    required = [g for g in gold.claims if not g.optional]
    assert sorted(g.quote for g in required) == sorted([confirm.quote, correct.quote])
    fixed = next(g for g in required if g.quote == correct.quote)
    assert (fixed.kind, fixed.figure) == (other, 12)
    assert reject.quote not in {g.quote for g in gold.claims}
    text = gold.paths[required[0].file].read_text(encoding="utf-8")
    assert all(text[g.quote_start : g.quote_end] == g.quote for g in gold.claims)
    assert "Pop Smoke Media" in (out / "articles" / "sources.toml").read_text(encoding="utf-8")

    scored = subprocess.run(
        [sys.executable, "-m", "benchmarks.fidelity", str(out), "--json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert scored.returncode == 0, scored.stderr
    totals = json.loads(scored.stdout.strip().splitlines()[-1])
    # the extractor still makes the rejected claim (a false positive) and the corrected one
    # with its old kind (a kind error); the two reviewed claims are found
    assert (totals["tp"], totals["fn"]) == (2, 0), totals
    assert totals["fp"] >= 1 and totals["kind"] == 0.5, totals


def test_omit_unreviewed_and_refuse_a_foreign_folder(reviewed, tmp_path):
    _url, db, claims, _ = reviewed
    done = export_gold(db, tmp_path / "g", Unreviewed.OMIT)
    assert done.entries == done.required == 2
    again = export_gold(db, tmp_path / "g")  # an earlier export is replaced whole
    assert again.entries == len(claims) - 1  # all but the rejected one
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(GoldTargetError, match="not an earlier gold export"):
        export_gold(db, foreign)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert not list(Path(tmp_path).glob(".g-*"))  # no temporary folder left behind
