"""Incremental ingestion through the real command (``python -m claims ingest``) and the API:
skipped when unchanged, replaced when changed, removed files kept until --prune, duplicates
counted once, the same claims as ``load_corpus``, in-process and on a Dask cluster."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from benchmarks.corpus import gazetteer_places, write_corpus
from claims import load_corpus
from store.database import open_store
from store.ingest import corpus_root, ingest
from store.query import ClaimFilter

SEEDS = REPO / "seeds"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _key(claims):
    return sorted((Path(c.file).name, c.id, c.quote_start, c.quote) for c in claims)


def test_ingest_stores_what_load_corpus_extracts(store, corpus):
    summary = ingest(store, [corpus], workers=0)
    expected = load_corpus([corpus], workers=1)
    assert summary.added == len(expected.articles) == 5
    stored = store.claims()
    assert _key(stored) == _key(expected.claims)
    by_name = {Path(c.file).name: c for c in expected.claims}
    for claim in stored:
        assert "/" not in claim.file  # relative to the corpus root
        assert replace(claim, file=by_name[claim.file].file) in expected.claims
        article = store.article(claim.file)
        assert article.text[claim.quote_start : claim.quote_end] == claim.quote
    assert {a.path for a in store.articles()} == {p.name for p in corpus.glob("*.txt")}
    assert all(a.root == str(corpus) == corpus_root(corpus) for a in store.articles())
    assert store.count(ClaimFilter(roots=frozenset({corpus_root(corpus)}))) == len(stored)


def test_unchanged_changed_removed_pruned(store, corpus):
    ingest(store, [corpus], workers=0)
    before = Counter(c.file for c in store.claims())
    again = ingest(store, [corpus], workers=0)
    assert (again.unchanged, again.added, again.changed, again.claims_written) == (5, 0, 0, 0)

    files = sorted(corpus.glob("*.txt"))
    changed, removed = files[0], files[1]
    text = changed.read_text(encoding="utf-8")
    cut = text[: len(text) // 2]
    changed.write_text(cut, encoding="utf-8")
    removed.unlink()
    third = ingest(store, [corpus], workers=0)
    assert (third.changed, third.unchanged, third.removed) == (1, 3, 1)
    assert third.missing == [removed.name]
    after = Counter(c.file for c in store.claims())
    assert after[removed.name] == before[removed.name]  # kept until --prune
    assert after[changed.name] < before[changed.name]
    ids = [c.id for c in store.claims()]
    assert len(ids) == len(set(ids))  # no duplicate claims
    article = store.article(changed.name)
    assert article.text == cut
    assert {a.path for a in store.articles() if a.missing_since} == {removed.name}

    pruned = ingest(store, [corpus], workers=0, prune=True)
    assert pruned.pruned == 1
    assert removed.name not in {c.file for c in store.claims()}
    assert store.article(removed.name) is None


def test_same_text_twice_is_stored_once(store, corpus):
    files = sorted(corpus.glob("*.txt"))
    shutil.copy(files[0], corpus / "zz-copy.txt")
    summary = ingest(store, [corpus], workers=0)
    assert summary.duplicates == 1
    copy = next(a for a in store.articles() if a.path == "zz-copy.txt")
    assert copy.duplicate_of == files[0].name and copy.claims == 0
    assert "zz-copy.txt" not in {c.file for c in store.claims()}


def test_sidecar_and_profile_changes_reextract(store, corpus, tmp_path, monkeypatch):
    ingest(store, [corpus], workers=0)
    sidecar = corpus / "sources.toml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert ingest(store, [corpus], workers=0).changed == 5  # metadata may have changed
    profile = tmp_path / "mine.toml"
    profile.write_text(
        (REPO / "claims" / "profiles" / "panjshir-2021.toml").read_text(encoding="utf-8")
        + "\n# a copy\n", encoding="utf-8",
    )  # fmt: skip
    monkeypatch.setenv("CLAIM_ATLAS_PROFILE", str(profile))
    assert ingest(store, [corpus], workers=0).changed == 5  # another profile in force


def test_unreadable_file_is_a_problem_and_the_others_load(store, corpus):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    summary = ingest(store, [corpus], workers=0)
    assert summary.added == 5 and summary.failed == 1
    (problem,) = store.problems()
    assert problem.path == "binary.txt" and "binary" in problem.message and problem.fatal


def test_cli_ingest_summary_progress_and_exit_status(tmp_path, corpus):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    first = run_cli("ingest", str(corpus), "--db", db, "--progress")
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert "5 added" in first.stderr and db in first.stderr and "claims written" in first.stderr
    assert "ingest: 100%" in first.stderr  # the progress bar, on stderr
    second = run_cli("ingest", str(corpus), "--db", db)
    assert second.returncode == 0 and "5 unchanged" in second.stderr
    assert "ingest:" not in second.stderr  # no bar when stderr is not a terminal
    missing = run_cli("ingest", str(tmp_path / "nope"), "--db", db)
    assert missing.returncode == 1 and "nope" in missing.stderr
    assert "Traceback" not in missing.stderr
    usage = run_cli("ingest", str(corpus), "--db", db, "--workers", "-1")
    assert usage.returncode == 2
    both = run_cli("ingest", str(corpus), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert both.returncode == 2


def test_cli_bad_profile_is_one_message(tmp_path, corpus):
    ran = run_cli("ingest", str(corpus), "--db", str(tmp_path / "p.sqlite"),
                  env={"CLAIM_ATLAS_PROFILE": "no-such-conflict"})  # fmt: skip
    assert ran.returncode == 1
    assert "no-such-conflict" in ran.stderr and "Traceback" not in ran.stderr


def test_cli_uses_claim_atlas_db_then_the_data_folder(tmp_path, corpus):
    db = tmp_path / "env.sqlite"
    ran = run_cli("ingest", str(corpus), env={"CLAIM_ATLAS_DB": str(db)})
    assert ran.returncode == 0, ran.stderr
    assert db.exists() and str(db) in ran.stderr
    home = tmp_path / "data"
    ran = run_cli("ingest", str(corpus), env={"XDG_DATA_HOME": str(home)})
    assert ran.returncode == 0, ran.stderr
    assert (home / "claim-atlas" / "claims.sqlite").exists()


def test_paths_clash_without_a_common_root(tmp_path, store):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "same.txt")
    from store.exc import IngestError

    with pytest.raises(IngestError, match=r"same\.txt"):
        ingest(store, [a, b], workers=0)
    summary = ingest(store, [a, b], root=str(tmp_path), workers=0)
    assert {x.path for x in store.articles()} == {"a/same.txt", "b/same.txt"}
    assert summary.duplicates == 1


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, 60, gazetteer_places())
    return folder


def test_dask_local_cluster_gives_the_same_claims(db_url, synthetic, tmp_path):
    ran = run_cli("ingest", str(synthetic), "--db", db_url, "--workers", "2")
    assert ran.returncode == 0, ran.stderr
    assert "local:2" in ran.stderr
    reference = tmp_path / "ref.sqlite"
    serial = run_cli("ingest", str(synthetic), "--db", str(reference), "--workers", "0")
    assert serial.returncode == 0, serial.stderr
    with open_store(db_url) as got, open_store(str(reference)) as want:
        assert _key(got.claims()) == _key(want.claims())
        assert got.article_count() == 60


def test_existing_cluster_by_scheduler_address(tmp_path, synthetic):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:  # fmt: skip
        db = tmp_path / "sched.sqlite"
        ran = run_cli("ingest", str(synthetic), "--db", str(db), "--scheduler",
                      cluster.scheduler_address)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert cluster.scheduler_address in ran.stderr and "60 added" in ran.stderr


def test_unreachable_scheduler_is_one_message(tmp_path, corpus):
    db = str(tmp_path / "x.sqlite")
    ran = run_cli("ingest", str(corpus), "--db", db, "--scheduler", "tcp://127.0.0.1:9",
                  env={"CLAIM_ATLAS_SCHEDULER_TIMEOUT": "2"})  # fmt: skip
    assert ran.returncode == 1
    assert "tcp://127.0.0.1:9" in ran.stderr and "Traceback" not in ran.stderr
