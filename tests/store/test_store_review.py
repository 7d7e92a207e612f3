"""Review decisions in the store, on SQLite and PostgreSQL: saved apart from the machine's
claims with an audit row each, checked field by field, refused without an identity, guarded by
versions, kept across re-ingestion and re-attached by quote after an edit."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from conftest import FULL_CLAIM, REPO, claim_variants
from sqlalchemy import text
from test_store_schema import article_for

from store.exc import ReviewConflict, ReviewInvalid, ReviewReadOnly, StoreError
from store.ingest import ingest
from store.review import (
    INGEST_REVIEWER,
    Action,
    Edit,
    Link,
    Relation,
    Reviewer,
    Status,
    Verdict,
    all_decisions,
    audit,
    decision_for,
    orphans,
    save,
)
from store.uploads import put_article

ANA, BEN = Reviewer("ana"), Reviewer("ben")


@pytest.fixture
def stored(store):
    variants = claim_variants()
    put_article(store, article_for(variants), variants)
    return store


def test_confirm_reject_correct_round_trip_with_audit(stored):
    claim = FULL_CLAIM
    assert decision_for(stored, claim) is None
    v0 = stored.version()
    first = save(stored, claim, Edit(Verdict.CONFIRMED), ANA, 0)
    assert (first.status, first.version, first.reviewer) == (Status.CONFIRMED, 1, "ana")
    corrected = save(
        stored, claim, Edit(corrections={"figure": "1,200", "side": "Taliban"}), BEN, 1
    )
    assert corrected.status is Status.CORRECTED
    assert corrected.corrections == {"figure": 1200, "side": "Taliban"}
    assert corrected.reviewed(claim).figure == 1200
    assert corrected.machine_claim() == claim  # the machine's value stays beside it
    rejected = save(stored, claim, Edit(Verdict.REJECTED, reason=" history, not news "), ANA, 2)
    assert (rejected.status, rejected.reason, rejected.corrections) == (
        Status.REJECTED,
        "history, not news",
        {},
    )
    assert decision_for(stored, claim) == rejected
    assert stored.version()[1] == v0[1] + 3
    assert stored.claims() and all(c.figure != 1200 for c in stored.claims())  # machine intact
    log = audit(stored, rejected)
    assert [(e.reviewer, e.action, e.version) for e in log] == [
        ("ana", Action.CONFIRM, 1),
        ("ben", Action.CORRECT, 2),
        ("ana", Action.REJECT, 3),
    ]
    assert log[0].before is None
    assert ("figure", None, 1200) in log[1].changes()
    assert ("verdict", "corrected", "rejected") in log[2].changes()


def test_note_and_links(stored):
    other = claim_variants()[1]
    d = save(
        stored,
        FULL_CLAIM,
        Edit(note="seen on video", links=(Link(other.id, Relation.DENIES),)),
        ANA,
        0,
    )
    assert d.status is Status.UNREVIEWED and d.note == "seen on video"
    assert d.links == (Link(other.id, Relation.DENIES),)
    assert audit(stored, d)[0].action is Action.LINK


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (Edit(corrections={"figure": "abc"}), "figure", "whole number"),
        (
            Edit(corrections={"date_start": "2021-02-30", "date_precision": "day"}),
            "date_start",
            "calendar date",
        ),
        (Edit(Verdict.REJECTED, reason="  "), "reason", "why"),
        (
            Edit(
                corrections={
                    "date_start": "2021-09-04",
                    "date_end": "2021-09-01",
                    "date_precision": "range",
                }
            ),
            "date_end",
            "before it starts",
        ),
        (Edit(corrections={"lat": "35.1", "lon": ""}), "lon", "both"),
        (Edit(corrections={"kind": "rumour"}), "kind", "expected a kind"),
        (Edit(corrections={"side": "Martians"}), "side", "expected a side"),
        (Edit(corrections={"quote": "x"}), "quote", "not a field"),
        (
            Edit(Verdict.CORRECTED, corrections={"side": FULL_CLAIM.side}),
            "corrections",
            "no value differs",
        ),
        (Edit(links=(Link(FULL_CLAIM.id, Relation.CORROBORATES),)), "links", "itself"),
    ],
)
def test_bad_input_is_reported_at_the_field_and_nothing_is_saved(stored, edit, field, words):
    before = stored.version()
    with pytest.raises(ReviewInvalid) as caught:
        save(stored, FULL_CLAIM, edit, ANA, 0)
    assert words in caught.value.errors[field]
    assert all_decisions(stored) == [] and stored.version() == before


def test_every_bad_field_at_once(stored):
    edit = Edit(Verdict.REJECTED, reason="", corrections={"figure": "abc", "date_end": "x"})
    with pytest.raises(ReviewInvalid) as caught:
        save(stored, FULL_CLAIM, edit, ANA, 0)
    assert set(caught.value.errors) == {"figure", "date_end", "reason"}


def test_read_only_without_identity(stored):
    for nobody in (None, Reviewer("  ")):
        with pytest.raises(ReviewReadOnly, match="CLAIM_ATLAS_REVIEWER"):
            save(stored, FULL_CLAIM, Edit(Verdict.CONFIRMED), nobody, 0)
    assert isinstance(ReviewReadOnly("x"), PermissionError)
    assert all_decisions(stored) == []


def test_second_reviewer_gets_a_conflict_with_the_others_change(stored):
    save(stored, FULL_CLAIM, Edit(corrections={"figure": "40"}), ANA, 0)
    with pytest.raises(ReviewConflict) as caught:
        save(stored, FULL_CLAIM, Edit(Verdict.CONFIRMED), BEN, 0)  # opened before ana saved
    message = str(caught.value)
    assert "ana" in message and "figure" in message and "40" in message
    assert caught.value.current.corrections == {"figure": 40}
    assert decision_for(stored, FULL_CLAIM).corrections == {"figure": 40}  # not overwritten
    assert len(audit(stored, caught.value.current)) == 1
    save(stored, FULL_CLAIM, Edit(Verdict.CONFIRMED), BEN, 1)  # after reloading: fine


def test_concurrent_first_decisions_one_wins(stored):
    barrier = threading.Barrier(2)
    results: list[object] = []

    def decide(who: Reviewer) -> None:
        barrier.wait()
        try:
            results.append(save(stored, FULL_CLAIM, Edit(Verdict.CONFIRMED), who, 0))
        except StoreError as exc:
            results.append(exc)

    threads = [threading.Thread(target=decide, args=(r,)) for r in (ANA, BEN)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(type(r).__name__ for r in results) == ["Decision", "ReviewConflict"]
    assert len(all_decisions(stored)) == 1


def test_audit_log_is_append_only(stored):
    d = save(stored, FULL_CLAIM, Edit(Verdict.CONFIRMED), ANA, 0)
    for statement in ("UPDATE review_audit SET reviewer = 'eve'", "DELETE FROM review_audit"):
        with pytest.raises(StoreError, match="append-only"), stored.writing() as conn:
            conn.execute(text(statement))
    assert [e.reviewer for e in audit(stored, d)] == ["ana"]


# -- across ingestion ------------------------------------------------------------------------


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    return folder


def _claims_of(store, name):
    return sorted((c for c in store.claims() if c.file == name), key=lambda c: c.quote_start)


def test_decisions_survive_reingestion_and_follow_an_edit(store, seeds):
    ingest(store, [seeds], workers=0)
    name = sorted(p.name for p in seeds.glob("*.txt"))[0]
    claims = _claims_of(store, name)
    first = claims[0]
    second = next(c for c in claims if c.quote not in first.quote and first.quote not in c.quote)
    kept = save(store, first, Edit(corrections={"figure": "7"}), ANA, 0)
    gone = save(store, second, Edit(Verdict.REJECTED, reason="not a claim"), ANA, 0)
    other = next(c for c in store.claims() if c.file != name)
    linker = save(store, other, Edit(links=(Link(first.id, Relation.CORROBORATES),)), BEN, 0)

    ingest(store, [seeds], workers=0)  # unchanged: skipped
    ingest(store, [seeds], workers=0)
    assert decision_for(store, first) == kept

    path = seeds / name
    body = path.read_text(encoding="utf-8")
    assert body.count(second.quote) == 1
    edited = body.replace(second.quote, "Nothing was said here.", 1)
    path.write_text(edited + "\n\nThis article was updated.\n", encoding="utf-8")
    summary = ingest(store, [seeds], workers=0)
    assert summary.changed == 1
    now = _claims_of(store, name)
    assert first.id not in {c.id for c in now}  # the text changed: new claim ids
    moved = decision_for(store, next(c for c in now if c.quote == first.quote))
    assert moved is not None and moved.pk == kept.pk and moved.corrections == {"figure": 7}
    assert audit(store, moved)[-1].action is Action.REATTACH
    assert audit(store, moved)[-1].reviewer == INGEST_REVIEWER
    assert [d.pk for d in orphans(store)] == [gone.pk]  # listed, not dropped
    relinked = decision_for(store, other)
    assert relinked.pk == linker.pk and relinked.links[0].target == moved.claim_id
    assert audit(store, relinked)[-1].action is Action.REATTACH

    path.write_text(body, encoding="utf-8")  # the edit undone: the orphan comes back
    ingest(store, [seeds], workers=0)
    assert orphans(store) == []
    assert decision_for(store, second).verdict is Verdict.REJECTED


KILLED_WRITER = """
import sys
from store.database import open_store
from store.review import Edit, Reviewer, Verdict, decision_for, save
with open_store(sys.argv[1]) as db:
    claims = db.claims()
    print("ready", flush=True)
    for i in range(100000):
        claim = claims[i % len(claims)]
        d = decision_for(db, claim)
        note = f"pass {i}"
        save(db, claim, Edit(Verdict.CONFIRMED, note=note), Reviewer("w"), d.version if d else 0)
"""


def test_a_writer_killed_mid_review_leaves_whole_decisions(stored):
    import os
    import signal
    import subprocess
    import sys
    import time

    url = stored.settings.url.render_as_string(hide_password=False)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, url], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while stored.version()[1] < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the writer stopped before the kill"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    found = all_decisions(stored)
    assert found
    for d in found:  # every saved version has exactly its audit row, and the last one matches
        log = audit(stored, d)
        assert [e.version for e in log] == list(range(1, d.version + 1))
        assert log[-1].after["note"] == d.note
    total = sum(d.version for d in found)
    assert stored.version()[1] == total  # the counter moved with each whole write, no more
    save(stored, found[0].machine_claim(), Edit(Verdict.CONFIRMED), ANA, found[0].version)
