"""Uploaded articles (atlas.uploads): added, or refused with a message naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.uploads import UPLOAD_PREFIX, Outcome, judge_uploads, read_upload
from claims.reader import MAX_BYTES

REPO = Path(__file__).resolve().parents[1]
GOOD = (REPO / "tests" / "corpus" / "a_wire_bazarak.md").read_bytes()


def test_a_good_file_is_added_under_its_own_name():
    good = read_upload("a.md", GOOD)
    assert good.outcome is Outcome.ADDED and good.counts and good.error is None
    assert good.article.file == UPLOAD_PREFIX + "a.md"
    assert good.claims and all(c.file == UPLOAD_PREFIX + "a.md" for c in good.claims)
    assert good.message == f"a.md: {len(good.claims)} claims added"


@pytest.mark.parametrize(
    ("data", "outcome", "words"),
    [
        (b"", Outcome.EMPTY, "empty (no text)"),
        (b"   \n\n ", Outcome.EMPTY, "empty (no text)"),
        (b"---\ntitle: Only a title\n---\n\n", Outcome.EMPTY, "only front matter"),
        (b"\xff\xfe\x00\x00binary", Outcome.UNREADABLE, ""),
        (b"x" * (MAX_BYTES + 1), Outcome.TOO_BIG, f"{MAX_BYTES:,}-byte limit"),
        (b"The weather was fine.\n", Outcome.NO_CLAIMS, "no claim found"),
    ],
)
def test_files_that_count_as_nothing(data, outcome, words):
    upload = read_upload("f.md", data)
    assert upload.outcome is outcome
    assert upload.message.startswith("f.md: ") and words in upload.message
    assert UPLOAD_PREFIX not in upload.message
    assert upload.claims == ()
    assert upload.counts is (outcome is Outcome.NO_CLAIMS)
    assert outcome.level == ("error" if outcome is Outcome.UNREADABLE else "warning")


def test_duplicates_of_the_corpus_and_of_earlier_uploads_are_refused():
    first, again = read_upload("a.md", GOOD), read_upload("b.md", GOOD)
    other = read_upload("c.md", b"The NRF said 20 Taliban were killed in Bazarak on Sunday.\n")
    judged = judge_uploads([first, again, other], {})
    assert [u.outcome for u in judged] == [Outcome.ADDED, Outcome.DUPLICATE, other.outcome]
    assert judged[1].message == "b.md: same text as a.md, already loaded; not added"
    assert judged[1].claims == () and not judged[1].counts
    (vs_corpus,) = judge_uploads([first], {first.article.sha256: "corpus/a_wire_bazarak.md"})
    assert (
        vs_corpus.outcome is Outcome.DUPLICATE and "corpus/a_wire_bazarak.md" in vs_corpus.message
    )
    # removing the first upload frees the second
    assert judge_uploads([again], {})[0].outcome is Outcome.ADDED


def test_a_bug_in_extraction_costs_the_upload_only():
    def boom(article):
        raise RuntimeError("bug")

    upload = read_upload("x.md", b"text\n", extract=boom)
    assert upload.outcome is Outcome.FAILED and "RuntimeError" in upload.message
