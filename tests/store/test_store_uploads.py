"""The "save to store" path for uploaded texts: same extraction, same transactional write."""

from __future__ import annotations

from conftest import REPO

from store.uploads import Saved, save_upload

SEED = sorted((REPO / "seeds").glob("*.txt"))[0]


def test_upload_is_extracted_stored_and_replaced(store):
    data = SEED.read_bytes()
    empty = store.version()
    first = save_upload(store, "report.txt", data)
    assert store.version() != empty
    assert first.outcome is Saved.ADDED and first.claims > 0
    assert first.path == "uploaded/report.txt"
    assert first.message == f"uploaded/report.txt: {first.claims} claims saved"
    assert store.count() == first.claims
    assert store.article("uploaded/report.txt").text == data.decode("utf-8")
    shorter = data[: len(data) // 2]
    before = store.version()
    again = save_upload(store, "report.txt", shorter)
    assert again.outcome is Saved.REPLACED
    assert store.version() != before  # what a columnar cache keys on
    assert store.count() == again.claims < first.claims
    ids = [c.id for c in store.claims()]
    assert len(ids) == len(set(ids))


def test_same_text_under_another_name_is_kept_once(store):
    data = SEED.read_bytes()
    save_upload(store, "a.txt", data)
    dup = save_upload(store, "b.txt", data)
    assert dup.outcome is Saved.DUPLICATE and "same text" in dup.message
    assert {c.file for c in store.claims()} == {"uploaded/a.txt"}


def test_unreadable_upload_stores_nothing(store):
    out = save_upload(store, "photo.txt", b"\x89PNG\r\n\x00\x00\x00")
    assert out.outcome is Saved.UNREADABLE and "photo.txt" in out.message
    latin = save_upload(store, "latin.txt", "Kabul caf\xe9".encode("latin-1"))
    assert latin.outcome is Saved.UNREADABLE and "UTF-8" in latin.message
    assert store.count() == 0 and store.article_count() == 0
