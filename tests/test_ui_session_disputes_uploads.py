"""Session data and memo, dispute columns, and reading uploads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from claims.model import Article
from claims.ui.disputes_view import side_columns
from claims.ui.filters import DateDomain, FilterState
from claims.ui.sample import make_claim
from claims.ui.session import Memo, session_data
from claims.ui.uploads import UPLOAD_PREFIX, read_upload

REPO = Path(__file__).resolve().parents[1]


def test_session_data_indexes_claims():
    claims = [
        make_claim(id="a", file="x.txt", date="2021-09-01", outlet="A"),
        make_claim(id="b", file="y.txt", date="2021-09-03", outlet="B"),
        make_claim(id="c", file="x.txt", date=None, outlet="A"),
    ]
    data = session_data([Article(file="x.txt", text="t")], claims)
    assert [c.id for c in data.by_file["x.txt"]] == ["a", "c"]
    assert data.domain == DateDomain(date(2021, 9, 1), date(2021, 9, 3))
    assert data.outlets == (("A", 2), ("B", 1))
    assert set(data.articles) == {"x.txt"}


def test_memo_keeps_recent_results_only():
    memo = Memo(size=2)
    calls = []

    def compute(v):
        calls.append(v)
        return v * 10

    assert memo.get(FilterState(text="a"), lambda: compute(1)) == 10
    assert memo.get(FilterState(text="a"), lambda: compute(2)) == 10  # hit
    memo.get("k2", lambda: compute(3))
    memo.get("k3", lambda: compute(4))  # evicts the FilterState key
    assert memo.get(FilterState(text="a"), lambda: compute(5)) == 50
    assert calls == [1, 3, 4, 5] and len(memo) == 2


@dataclass
class FakeDispute:
    claim_ids: tuple[str, ...]


def test_side_columns_group_sort_and_cap():
    claims = {
        c.id: c
        for c in [
            make_claim(id="t1", side="Taliban", figure=40),
            make_claim(id="n1", side="NRF", figure=600),
            make_claim(id="n2", side="NRF", figure=None),
            make_claim(id="n3", side="NRF", figure=1000),
            make_claim(id="n4", side="NRF", figure=5),
        ]
    }
    columns = side_columns(FakeDispute(("t1", "n1", "n2", "n3", "n4", "gone")), claims, 2)
    assert [(c.side, [x.id for x in c.claims], c.more) for c in columns] == [
        ("NRF", ["n3", "n1"], 2),
        ("Taliban", ["t1"], 0),
    ]


def test_read_upload_good_duplicate_and_bad():
    data = (REPO / "tests" / "corpus" / "a_wire_bazarak.md").read_bytes()
    good = read_upload("a.md", data)
    assert good.error is None and good.article.file == UPLOAD_PREFIX + "a.md"
    assert good.claims and all(c.file == UPLOAD_PREFIX + "a.md" for c in good.claims)
    again = read_upload("b.md", data, known_sha256={good.article.sha256})
    assert again.article is None and "already loaded" in again.error
    bad = read_upload("bad.txt", b"\xff\xfe\x00\x00binary")
    assert bad.article is None and bad.claims == () and "bad.txt" in bad.error
