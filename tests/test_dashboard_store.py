"""The dashboard on the claim store (AppTest): ``--db`` shows a store as it is, ``--corpus``
is ingested into the store first and only once (a restart is a look-up), uploads are saved to
the store by a button, ``--profile`` puts a profile in force (country outlines) or stops the
page with one message."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from atlas.page import data as page_data
from claims import load_corpus
from claims.profile import PROFILE_ENV
from store.database import open_store
from store.exc import StoreError
from store.ingest import ingest

REPO = Path(__file__).resolve().parents[1]
CAPTION = re.compile(r"(\d+) of (\d+) claims shown")
UPLOAD = (
    "---\ntitle: Saved report\noutlet: Saved Wire\npublished: 2021-09-05\n---\n\n"
    "Taliban spokesman Bilal Karimi said 123 resistance fighters were killed in Bazarak on "
    "Sunday.\n"
)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    return folder


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch: pytest.MonkeyPatch):
    """Each test starts as a new dashboard process would: no cached store or snapshot, no
    command-line arguments but its own, the default profile."""
    st.cache_resource.clear()
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")
    monkeypatch.delenv("CLAIM_ATLAS_CORPUS", raising=False)
    monkeypatch.setenv(PROFILE_ENV, "")  # recorded, so what --profile sets is undone after
    monkeypatch.delenv(PROFILE_ENV)
    yield
    st.cache_resource.clear()


def run(args: list[str] | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> AppTest:
    if args is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "argv", ["dashboard.py", *args])
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def caption(at: AppTest) -> tuple[int, int]:
    for element in at.markdown:
        found = CAPTION.search(element.value)
        if found:
            return int(found.group(1)), int(found.group(2))
    raise AssertionError("no 'N of M claims shown' caption")


def setup_config(at: AppTest) -> dict:
    """What the base map's ``ClaimAtlas.setup`` was given."""
    (component,) = list(at.get("component_instance"))
    script = json.loads(component.proto.json_args)["script"]
    found = re.search(r"ClaimAtlas\.setup\(\w+, (\{.*?\})\);\n", script, re.S)
    assert found, "no setup call in the map's script"
    return json.loads(found.group(1))


def _places(at: AppTest) -> list[dict]:
    (component,) = list(at.get("component_instance"))
    layer = json.loads(component.proto.json_args)["feature_group"]
    found = re.search(r"ClaimAtlas\.places\(\w+, (\{.*?\})\);", layer, re.S)
    assert found, "no places in the map's feature group"
    return json.loads(found.group(1))["places"]


def test_db_shows_the_store_as_it_is(seeds, tmp_path, monkeypatch):
    db = tmp_path / "team.sqlite"
    with open_store(str(db), create=True) as store:
        ingest(store, [seeds], workers=0)
        total = store.total()
    at = run(["--db", f"sqlite:///{db}"], monkeypatch)
    assert caption(at) == (total, total)
    assert total == len(load_corpus([seeds]).claims)
    assert "team.sqlite" in " ".join(m.value for m in at.markdown)


def test_db_from_the_environment(seeds, tmp_path, monkeypatch):
    db = tmp_path / "env.sqlite"
    with open_store(str(db), create=True) as store:
        ingest(store, [seeds], workers=0)
        total = store.total()
    monkeypatch.setenv("CLAIM_ATLAS_DB", str(db))
    assert caption(run()) == (total, total)


def test_a_missing_store_is_one_message(tmp_path, monkeypatch):
    at = run(["--db", str(tmp_path / "nothing.sqlite")], monkeypatch)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "nothing.sqlite" in errors[0], errors
    assert not list(at.get("component_instance"))


def test_corpus_is_ingested_once_then_a_restart_is_a_look_up(seeds, tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    at = run(["--corpus", str(seeds), "--db", db], monkeypatch)
    n = len(load_corpus([seeds]).claims)
    assert caption(at) == (n, n)
    at.run()  # a rerun: no new ingest
    with open_store(db) as store:
        assert len(store.runs()) == 1
        assert store.runs()[0].counts["added"] == 5
    st.cache_resource.clear()  # as a restarted process
    assert caption(run()) == (n, n)
    with open_store(db) as store:
        runs = store.runs()
        assert len(runs) == 2
        latest = max(runs, key=lambda r: r.id)
        assert latest.counts["unchanged"] == 5
        assert latest.counts["added"] == latest.counts["changed"] == 0


def test_default_is_the_seeds_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    at = run()
    n = len(load_corpus([REPO / "seeds"]).claims)
    assert caption(at) == (n, n)
    assert (tmp_path / "data" / "claim-atlas" / "claims.sqlite").exists()


def _upload(at: AppTest) -> AppTest:
    at.file_uploader(key="uploads").set_value(("saved.md", UPLOAD.encode(), "text/markdown"))
    at.run()
    assert not at.exception, at.exception
    return at


def test_uploads_stay_in_the_session_until_saved(seeds, tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'up.sqlite'}"
    at = run(["--corpus", str(seeds), "--db", db], monkeypatch)
    _, total = caption(at)
    _upload(at)
    assert caption(at)[1] > total
    with open_store(db) as store:
        assert store.article("uploaded/saved.md") is None  # not saved yet
    assert caption(run())[1] == total  # another session does not see it
    (save,) = [b for b in at.sidebar.button if b.key == "save_uploads"]
    assert save.label == "Save 1 uploaded article to the store"
    save.click()
    at.run()
    assert not at.exception, at.exception
    with open_store(db) as store:
        saved = store.article("uploaded/saved.md")
        assert saved is not None and "123 resistance fighters" in saved.text
    assert any("saved.md" in s.value and "saved" in s.value for s in at.sidebar.success)
    after = caption(at)[1]
    assert after > total
    assert not [b for b in at.sidebar.button if b.key == "save_uploads"], "uploader not emptied"
    assert caption(run())[1] == after  # a new session sees it: it is in the store


def test_unknown_profile_is_one_message(seeds, monkeypatch):
    at = run(["--corpus", str(seeds), "--profile", "atlantis-2099"], monkeypatch)
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    assert "atlantis-2099" in errors[0] and "panjshir-2021" in errors[0]
    assert not list(at.get("component_instance"))


def test_profile_draws_its_countries_outlines(seeds, monkeypatch):
    at = run(["--corpus", str(seeds), "--profile", "russia-ukraine-2022"], monkeypatch)
    config = setup_config(at)
    codes = [f["properties"]["code"] for f in config["countries"]["features"]]
    assert codes == ["UA", "RU"]
    assert config["outlines"]["features"], "the Afghan province outlines stay"
    assert "Natural Earth" in config["attribution"]


def test_default_profile_draws_afghanistan(seeds, monkeypatch):
    config = setup_config(run(["--corpus", str(seeds)], monkeypatch))
    assert [f["properties"]["code"] for f in config["countries"]["features"]] == ["AF"]


def test_large_store_finds_disputes_when_asked(seeds, monkeypatch, tmp_path):
    monkeypatch.setattr("atlas.session.LIVE_DISPUTES", 10)
    monkeypatch.setattr("atlas.page.app.LIVE_DISPUTES", 10)
    monkeypatch.setattr("atlas.page.tabs.LIVE_DISPUTES", 10)
    at = run(["--corpus", str(seeds), "--db", str(tmp_path / "big.sqlite")], monkeypatch)
    (find,) = [b for b in at.button if b.key == "find_disputes"]
    assert not [h for h in at.get("html") if 'class="ca-side-head"' in h.proto.body]
    assert not any(p["disputed"] for p in _places(at))
    find.click()
    at.run()
    assert not at.exception, at.exception
    assert not [b for b in at.button if b.key == "find_disputes"]
    assert [h for h in at.get("html") if 'class="ca-side-head"' in h.proto.body], "no dispute shown"
    assert any(p["disputed"] for p in _places(at)), "no dispute badge on the map"


def test_opened_names_the_store(tmp_path):
    source = page_data.DataSource(str(tmp_path / "x.sqlite"), None)
    with pytest.raises(StoreError, match=r"x\.sqlite"):
        page_data.opened(source)


def _join_review_writers() -> None:
    import threading

    for thread in threading.enumerate():
        if thread.name == "claim-atlas-keep-review":
            thread.join(30)


def test_a_restart_reads_the_kept_review_overlay_and_a_new_decision_voids_it(
    seeds, tmp_path, monkeypatch
):
    """A large store's start keeps the review overlay beside the snapshot; a restart with no
    decision saved since shows the same page without reading a decision; one saved since (by
    another server) is read and shown."""
    import store.review as store_review
    import store.snapshot_cache as snapshot_cache
    from store.review import Edit, Reviewer, Verdict, save

    monkeypatch.setattr(snapshot_cache, "MIN_CLAIMS", 0)  # the seeds stand for a large store
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    db = tmp_path / "r.sqlite"
    with open_store(str(db), create=True) as store:
        ingest(store, [seeds], workers=0)
        total, claims = store.total(), store.snapshot().columns
        save(store, claims.claim_at(0), Edit(Verdict.REJECTED, reason="old"), Reviewer("a"), 0)
    args = ["--db", f"sqlite:///{db}"]
    assert caption(run(args, monkeypatch)) == (total - 1, total)  # the rejected one hidden
    _join_review_writers()
    kept = list((tmp_path / "cache" / "claim-atlas" / "snapshots").glob("*-review.pickle"))
    assert len(kept) == 1

    def no_reading(_store):
        raise AssertionError("decisions read although the kept overlay is current")

    real = store_review.all_decisions
    monkeypatch.setattr(store_review, "all_decisions", no_reading)
    st.cache_resource.clear()  # a restarted process
    assert caption(run(args, monkeypatch)) == (total - 1, total)
    monkeypatch.setattr(store_review, "all_decisions", real)
    with open_store(str(db)) as store:
        save(store, claims.claim_at(1), Edit(Verdict.REJECTED, reason="new"), Reviewer("b"), 0)
    st.cache_resource.clear()
    assert caption(run(args, monkeypatch)) == (total - 2, total)
    _join_review_writers()
