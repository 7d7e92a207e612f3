"""Sources told apart (atlas.sources): outlet when stated, else the article itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from atlas.sample import make_claim
from atlas.sources import UNKNOWN_OUTLET, SourceIndex, plain_label
from claims.model import Article, ArticleMeta


def article(file: str, **meta) -> Article:
    return Article(file=file, text="x", meta=ArticleMeta(**meta))


def test_unknown_outlets_are_kept_apart_per_article(tmp_path: Path):
    a = str(tmp_path / "003_a0278a4b7164d643.txt")
    b = str(tmp_path / "002_e1696c1e9824bb27.txt")
    c = str(tmp_path / "sub" / "c.txt")
    d = str(tmp_path / "d.txt")
    same = "Taliban suffer heavy losses"
    articles = [article(a, title=same), article(b, title="Over 700 killed"), article(c),
                article(d, title=same)]  # fmt: skip
    claims = [make_claim(id=f, file=f, outlet=None, title=x.meta.title) for f, x in
              zip((a, b, c, d), articles, strict=True)]  # fmt: skip
    index = SourceIndex(articles, claims, tmp_path)
    labels = [index.label(x) for x in claims]
    assert len(set(labels)) == 4
    assert labels[1] == f"{UNKNOWN_OUTLET} Over 700 killed"
    assert labels[2] == f"{UNKNOWN_OUTLET} c.txt"
    assert labels[0].endswith("· 003_a0278a4b7164d643.txt")  # same title: the file tells them apart
    assert index.relative(c) == "sub/c.txt"
    assert index.relative("/elsewhere/x.md") == "x.md"
    assert index.relative("uploaded/u.md") == "uploaded/u.md"


def test_stated_outlets_group_their_articles():
    claims = [make_claim(id="1", file="a", outlet=" Republic "), make_claim(id="2", file="b",
              outlet="Republic")]  # fmt: skip
    index = SourceIndex([article("a", outlet="Republic"), article("b", outlet="Republic")], claims,
                        None)  # fmt: skip
    assert {index.label(c) for c in claims} == {"Republic"}
    assert index.counts(claims) == [("Republic", 2)]
    assert plain_label(claims[0]) == "Republic"


def test_article_info_has_outlet_title_date_and_safe_link(tmp_path: Path):
    f = str(tmp_path / "a.md")
    good = article(
        f, title="T", outlet="O", url="https://example.org/x", published=date(2021, 9, 5)
    )
    bad = article(str(tmp_path / "b.md"), url="javascript:alert(1)")
    index = SourceIndex([good, bad], [], tmp_path)
    info = {i.name: i for i in index.articles()}
    assert info["a.md"].url == "https://example.org/x" and info["a.md"].published == "2021-09-05"
    assert info["a.md"].file == "a.md" and info["a.md"].heading == "T"
    assert info["b.md"].url is None and info["b.md"].heading == "b.md"
    assert str(tmp_path) not in repr(index.articles())
