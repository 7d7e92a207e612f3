"""One session's data and memo (atlas.session)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from atlas.filters import FilterState
from atlas.sample import make_claim
from atlas.session import Memo, session_data
from atlas.when import DateDomain
from claims.model import Article


def test_session_data_indexes_claims_sources_and_groups(tmp_path: Path):
    x, y = str(tmp_path / "x.txt"), str(tmp_path / "y.txt")
    claims = [
        make_claim(id="a", file=x, date="2021-09-01", outlet="A"),
        make_claim(id="b", file=y, date="2021-09-03", outlet="B"),
        make_claim(id="c", file=x, date=None, outlet="A"),
    ]
    data = session_data([Article(file=x, text="t")], claims, tmp_path)
    assert [c.id for c in data.by_file[x]] == ["a", "c"]
    assert data.domain == DateDomain(date(2021, 9, 1), date(2021, 9, 3))
    assert data.outlets == (("A", 2), ("B", 1))
    assert set(data.articles) == {x} and data.by_id["b"].file == y
    assert set(data.group_of) == {"a", "b", "c"}
    assert data.relative(y) == "y.txt"


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
