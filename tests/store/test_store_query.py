"""The dashboard's questions answered by the store (SQL) and by columns in memory, held to the
dashboard's own filter (``atlas.filters``) and grouping (``atlas.places``)."""

from __future__ import annotations

import hashlib
from collections import Counter
from contextlib import ExitStack
from datetime import date

import pytest
from conftest import BACKENDS, fresh_database

from atlas.filters import FilterState, filter_claims
from atlas.places import group_places
from atlas.when import when
from benchmarks.corpus import gazetteer_places, generate_claims
from claims.model import Article, Claim
from store.columnar import ColumnarClaims
from store.database import open_store
from store.query import ClaimFilter, Order
from store.uploads import put_article

N_CLAIMS = 900


def claim_dates(claim: Claim) -> tuple[date | None, date] | None:
    found = when(claim)
    return None if found is None else (found.start, found.end)


@pytest.fixture(scope="module")
def sample_claims() -> list[Claim]:
    claims = generate_claims(N_CLAIMS, gazetteer_places())
    # a few hostile and odd ones: blank outlet, LIKE wildcards, non-ASCII case folding
    odd = [
        claims[0].__class__(**{**claims[0].to_dict(), "id": "odd1", "outlet": "  ",
                               "quote": "100% of 50_50 fighters: STRASSE ß"}),
        claims[0].__class__(**{**claims[0].to_dict(), "id": "odd2", "outlet": None,
                               "quote": "Die Straße nach Ärzte; İstanbul"}),
    ]  # fmt: skip
    return claims + odd


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, sample_claims, tmp_path_factory):
    """One store per backend for the whole module (the tests only read it)."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('q') / 'claims.sqlite'}"
        else:
            url = stack.enter_context(fresh_database(request.getfixturevalue("pg_admin_url")))
        store = stack.enter_context(open_store(url, create=True))
        _fill(store, sample_claims)
        yield store


def _fill(store, sample_claims):
    by_file: dict[str, list[Claim]] = {}
    for c in sample_claims:
        by_file.setdefault(c.file, []).append(c)
    for i, (file, claims) in enumerate(sorted(by_file.items())):
        article = Article(file=file, text="…", sha256=hashlib.sha256(file.encode()).hexdigest())
        put_article(store, article, claims, root="/corpus/a" if i % 2 else "/corpus/b")


def _ranked(places):
    return sorted(((p.key, p.count) for p in places), key=lambda kc: (-kc[1], kc[0]))


STATES = [
    FilterState(),
    FilterState(start=date(2021, 8, 20), end=date(2021, 9, 1)),
    FilterState(start=date(2021, 8, 20), end=date(2021, 9, 1), include_undated=False),
    FilterState(end=date(2021, 8, 15)),
    FilterState(excluded_sides=frozenset({"Taliban", "unknown"})),
    FilterState(excluded_kinds=frozenset({"casualties", "other"}), include_undated=False),
    FilterState(excluded_outlets=frozenset({"(outlet not stated)", "Kabul Ledger"})),
    FilterState(text="near"),
    FilterState(text="CASUALTIES near"),
    FilterState(text="100% 50_50"),
    FilterState(text="strasse"),
    FilterState(text="straße"),
    FilterState(text="i̇stanbul"),
    FilterState(text="%"),
    FilterState(text="nothing-matches-this"),
    FilterState(start=date(2021, 9, 5), end=date(2021, 9, 5), excluded_sides=frozenset({"NRF"})),
]


def _ids(claims) -> list[str]:
    return sorted(c.id for c in claims)


@pytest.mark.parametrize("state", STATES, ids=lambda s: repr(s)[11:70])
def test_filters_match_the_dashboard(filled, sample_claims, state):
    expected = filter_claims(sample_claims, state)
    f = ClaimFilter.from_state(state)
    assert filled.count(f) == len(expected)
    page = filled.page(f, limit=len(sample_claims))
    assert _ids(page.claims) == _ids(expected)
    assert page.total == len(expected)
    columns = ColumnarClaims.from_store(filled)
    assert columns.count(f) == len(expected)
    assert _ids(columns.page(f, limit=len(sample_claims))) == _ids(expected)


@pytest.mark.parametrize("state", STATES[:8], ids=lambda s: repr(s)[11:70])
def test_places_match_the_dashboards_groups(filled, sample_claims, state):
    groups = group_places(filter_claims(sample_claims, state))
    f = ClaimFilter.from_state(state)
    for places in (filled.places(f, samples=3), ColumnarClaims.from_store(filled).places(f, 3)):
        assert _ranked(places) == sorted(
            ((g.key, len(g.claims)) for g in groups), key=lambda kc: (-kc[1], kc[0])
        )
        by_key = {g.key: g for g in groups}
        for p in places:
            g = by_key[p.key]
            assert dict(p.side_counts) == dict(g.side_counts)
            assert (p.lat, p.lon) == pytest.approx((g.lat, g.lon))
            assert p.undated_only == g.undated_only
            assert [c.id for c in p.samples] == [c.id for c in g.claims[:3]]


def test_columnar_and_store_agree_on_everything(filled):
    columns = ColumnarClaims.from_store(filled)
    f = ClaimFilter(start=date(2021, 8, 25), text="near", excluded_sides=frozenset({"other"}))
    assert filled.places(f) == columns.places(f)
    assert filled.timeline(f) == columns.timeline(f)
    assert filled.page(f, offset=7, limit=20).claims == tuple(columns.page(f, offset=7, limit=20))


def test_timeline_and_place_days_add_up(filled, sample_claims):
    f = ClaimFilter(excluded_kinds=frozenset({"other"}))
    shown = filter_claims(sample_claims, FilterState(excluded_kinds=frozenset({"other"})))
    timeline = filled.timeline(f)
    assert sum(d.count for d in timeline) == len(shown)
    firsts = Counter((claim_dates(c) or (None,))[0] for c in shown)
    assert {d: sum(t.count for t in timeline if t.day == d) for d in firsts} == dict(firsts)
    days = filled.place_days(f)
    assert sum(d.count for d in days) == sum(1 for c in shown if c.located)


def test_pages_are_stable_and_complete(filled, sample_claims):
    seen = []
    for offset in range(0, len(sample_claims), 100):
        page = filled.page(offset=offset, limit=100)
        assert page.total == len(sample_claims)
        seen.extend(page.claims)
    assert len(seen) == len(sample_claims)
    assert [c.id for c in seen] == [c.id for c in filled.page(limit=10_000).claims]
    newest = filled.page(order=Order.NEWEST, limit=10_000).claims
    spans = [claim_dates(c) for c in newest]
    dated = [s[0] for s in spans if s]
    assert dated == sorted(dated, reverse=True)
    assert all(s is None for s in spans[len(dated) :])


def test_place_panel_pages(filled, sample_claims):
    top = filled.places()[0]
    page = filled.page(place=top.key, order=Order.NEWEST, limit=5)
    assert page.total == top.count
    assert [c.id for c in page.claims] == [c.id for c in top.samples]


def test_overview_counts_facets_and_domain(filled, sample_claims):
    o = filled.overview()
    assert o.claims == len(sample_claims) == filled.total()
    spans = [s for s in map(claim_dates, sample_claims) if s]
    assert (o.first_day, o.last_day) == (min(s[0] for s in spans), max(s[1] for s in spans))
    outlets = Counter((c.outlet or "").strip() or "(outlet not stated)" for c in sample_claims)
    assert dict(o.outlets) == dict(outlets)
    assert [n for _, n in o.outlets] == sorted(outlets.values(), reverse=True)
    assert dict(o.sides) == dict(Counter(c.side for c in sample_claims))
    assert o.articles == len({c.file for c in sample_claims})


def test_roots_restrict_to_one_corpus(filled, sample_claims):
    a = filled.count(ClaimFilter(roots=frozenset({"/corpus/a"})))
    b = filled.count(ClaimFilter(roots=frozenset({"/corpus/b"})))
    assert a and b and a + b == len(sample_claims)
    columns = ColumnarClaims.from_store(filled)
    assert columns.count(ClaimFilter(roots=frozenset({"/corpus/a"}))) == a


def test_unresolved_places_are_listed(filled, sample_claims):
    expected = Counter(c.unresolved_place for c in sample_claims if c.unresolved_place)
    assert {u.name: u.count for u in filled.unresolved()} == dict(expected)
