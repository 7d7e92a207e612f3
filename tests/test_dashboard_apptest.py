"""dashboard.py under Streamlit's AppTest: no exception, and the widgets change what is shown.

Expected numbers are computed with the same package functions the dashboard calls
(``claims.load_corpus`` + ``atlas.filters.filter_claims`` + ``atlas.session``), never typed in.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas.filters import FilterState, filter_claims
from atlas.page.tabs import PER_PAGE
from atlas.places import group_places
from atlas.session import session_data
from atlas.when import date_domain
from claims import load_corpus
from claims.reader import MAX_BYTES

REPO = Path(__file__).resolve().parents[1]
CAPTION = re.compile(r"(\d+) of (\d+) claims shown")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus the synthetic test articles, in a temporary folder."""
    folder = tmp_path_factory.mktemp("apptest_corpus")
    for source in (REPO / "seeds", REPO / "tests" / "corpus"):
        for path in source.iterdir():
            if path.is_file() and path.suffix in {".txt", ".md", ".toml"}:
                shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path):
    return load_corpus([corpus_dir])


@pytest.fixture(scope="module")
def data(corpus, corpus_dir: Path):
    return session_data(corpus.articles, corpus.claims, corpus_dir)


@pytest.fixture
def app(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIM_ATLAS_CORPUS", str(corpus_dir))
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")

    def make(query: dict[str, str | list[str]] | None = None, tab: str | None = None) -> AppTest:
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        if tab:
            at.session_state["tab"] = tab
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def shown(at: AppTest) -> tuple[int, int]:
    for element in at.markdown:
        match = CAPTION.search(element.value)
        if match:
            return int(match.group(1)), int(match.group(2))
    raise AssertionError("no 'N of M claims shown' caption")


def layer(at: AppTest) -> dict:
    """What the map's marker layer was given: parsed from the st_folium component's arguments."""
    (component,) = [e for e in at.get("component_instance")]
    args = json.loads(component.proto.json_args)
    match = re.search(r"ClaimAtlas\.places\(\w+, (\{.*?\})\);", args["feature_group"], re.S)
    assert match, "no places in the map's feature group"
    return json.loads(match.group(1))


def map_places(at: AppTest) -> list[dict]:
    return layer(at)["places"]


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def page_text(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.proto.body for e in at.get("html")]
    parts += [str(e.value) for e in at.sidebar.success] + [str(e.value) for e in at.sidebar.warning]
    return "\n".join(parts)


def test_opens_with_every_claim_shown_and_mapped(app, corpus):
    at = app()
    assert shown(at) == (len(corpus.claims), len(corpus.claims))
    assert len(map_places(at)) == len(group_places(corpus.claims)) > 0
    assert at.title[0].value == "Claim Atlas"


def test_no_absolute_path_on_the_page(app, corpus_dir, data):
    for tab in (None, "Sources", "Data issues", "Claims table"):
        at = app(tab=tab)
        assert str(corpus_dir) not in page_text(at)
        for frame in at.dataframe:
            assert str(corpus_dir) not in frame.value.to_csv()
    assert corpus_dir.name in page_text(app())


def test_date_slider_narrows_claims_and_markers(app, corpus, data):
    at = app()
    domain = date_domain(corpus.claims)
    assert domain is not None and domain.first < domain.last
    window = (domain.first, domain.first)
    at.slider(key="f_dates").set_value(window)
    rerun(at)
    expected = filter_claims(corpus.claims, FilterState(start=window[0], end=window[1]))
    assert shown(at) == (len(expected), len(corpus.claims))
    assert len(expected) < len(corpus.claims)
    assert len(map_places(at)) == len(group_places(expected))
    assert at.query_params["to"] == window[1].isoformat()


def test_day_buttons_move_the_window(app, corpus):
    at = app()
    domain = date_domain(corpus.claims)
    at.slider(key="f_dates").set_value((domain.first, domain.first))
    rerun(at)
    at.button(key="f_forward").click()
    rerun(at)
    day = domain.first + timedelta(days=1)
    assert at.slider(key="f_dates").value == (day, day)
    expected = filter_claims(corpus.claims, FilterState(start=day, end=day))
    assert shown(at)[0] == len(expected)


def test_undated_and_reported_toggles(app, corpus):
    at = app()
    at.toggle(key="f_undated").set_value(False)
    rerun(at)
    expected = filter_claims(corpus.claims, FilterState(include_undated=False))
    assert shown(at)[0] == len(expected) < len(corpus.claims)
    assert at.query_params["undated"] == "0"
    at.toggle(key="f_reported").set_value(False)
    rerun(at)
    assert at.query_params["reported"] == "0"
    state = FilterState(include_undated=False, include_reported=False)
    assert shown(at)[0] == len(filter_claims(corpus.claims, state))


def test_excluding_an_outlet(app, corpus, data):
    at = app()
    outlet, count = data.outlets[0]
    at.multiselect(key="f_outlets").unselect(outlet)
    rerun(at)
    assert shown(at)[0] == len(corpus.claims) - count
    assert at.query_params["xo"] == outlet


def test_articles_of_unknown_outlet_are_separate_sources(app, data):
    at = app()
    options = at.multiselect(key="f_outlets").options
    unknown = [o for o in options if o.startswith("(outlet not stated)")]
    files = {c.file for c in data.claims if not (c.outlet or "").strip()}
    assert len(unknown) == len(files) >= 2


def test_side_kind_and_search_filters(app, corpus):
    at = app()
    at.multiselect(key="f_sides").unselect("Taliban")
    at.multiselect(key="f_kinds").unselect("negotiation")
    at.text_input(key="f_text").input("killed")
    rerun(at)
    state = FilterState(
        excluded_sides=frozenset({"Taliban"}),
        excluded_kinds=frozenset({"negotiation"}),
        text="killed",
    )
    expected = filter_claims(corpus.claims, state)
    assert shown(at)[0] == len(expected)
    assert 0 < len(expected) < len(corpus.claims)


def test_side_and_kind_options_read_as_words(app):
    at = app()
    sides = at.multiselect(key="f_sides")
    assert sides.format_func("NRF") == "National Resistance Front"
    assert at.multiselect(key="f_kinds").format_func("territorial_control") == (
        "control of territory"
    )


def test_link_reproduces_the_view(app, corpus, data):
    domain = date_domain(corpus.claims)
    outlet = data.outlets[-1][0]
    query = {
        "from": (domain.first + timedelta(days=1)).isoformat(),
        "undated": "0",
        "xo": [outlet],
        "xs": ["other"],
    }
    at = app(query)
    state = FilterState(
        start=domain.first + timedelta(days=1),
        end=domain.last,
        include_undated=False,
        excluded_outlets=frozenset({outlet}),
        excluded_sides=frozenset({"other"}),
    )
    assert shown(at)[0] == len(filter_claims(corpus.claims, state, data.sources.label))
    assert at.slider(key="f_dates").value == (state.start, domain.last)
    assert at.toggle(key="f_undated").value is False
    assert outlet not in at.multiselect(key="f_outlets").value


def test_bad_query_values_are_ignored(app, corpus):
    at = app({"from": "yesterday", "xs": "<script>", "undated": "maybe", "place": "nowhere"})
    assert shown(at) == (len(corpus.claims), len(corpus.claims))
    assert layer(at)["selected"] is None


def test_choosing_a_place_lists_its_quotes_highlights_it_and_goes_into_the_url(app, corpus):
    at = app()
    group = group_places(corpus.claims)[0]
    at.selectbox(key="f_place").set_value(group.key)
    rerun(at)  # the picker's callback
    rerun(at)
    bodies = " ".join(e.proto.body for e in at.get("html"))
    for claim in group.samples[:3]:  # newest first, as the panel lists them
        assert html.escape(claim.quote).replace("\n", "<br>") in bodies
    assert at.query_params["place"] == group.key
    assert layer(at)["selected"] == group.key


def test_a_place_link_restores_the_selection(app, corpus):
    group = group_places(corpus.claims)[1]
    at = app({"place": group.key})
    assert at.selectbox(key="f_place").value == group.key
    assert layer(at)["selected"] == group.key
    assert at.query_params["place"] == group.key


def test_a_claim_permalink_selects_its_place_and_puts_it_first(app, corpus):
    group = group_places(corpus.claims)[0]
    claim = group.samples[-1]
    at = app({"claim": claim.id})
    assert at.selectbox(key="f_place").value == group.key
    cards = [e.proto.body for e in at.get("html") if 'class="ca-card' in e.proto.body]
    assert f'data-claim="{claim.id}"' in cards[0] and "ca-linked" in cards[0]


def test_a_map_click_selects_the_place(app, corpus):
    at = app()
    group = group_places(corpus.claims)[2]
    at.session_state["map"] = {"last_active_drawing": {"properties": {"key": group.key, "seq": 5}}}
    rerun(at)
    assert at.selectbox(key="f_place").value == group.key
    assert at.query_params["place"] == group.key
    assert layer(at)["selected"] == group.key


def test_place_panel_pages_through_every_claim(app, corpus):
    group = group_places(corpus.claims)[0]
    assert group.count > 20, "the biggest place should need a second page"
    at = app({"place": group.key}, tab="Sources")  # no claim cards outside the panel

    def cards() -> int:
        return sum('class="ca-card' in e.proto.body for e in at.get("html"))

    assert cards() == 20
    at.button(key=f"more_{group.key}").click()
    rerun(at)
    assert cards() == min(40, group.count)


def test_disputes_tab_reaches_every_claim_of_every_dispute(app, corpus, data):
    from claims import find_disputes

    at = app(tab="Disputes")
    disputes = find_disputes(corpus.claims)
    assert disputes

    def folded() -> list:
        return [b for b in at.button if b.label.startswith("Show ") and "this side" in b.label]

    folds = folded()
    for n in range(len(folds)):  # open every folded side (each click reruns the page)
        folded()[0].click()
        rerun(at)
        assert len([b for b in at.button if b.label.startswith("Hide ")]) == n + 1
    shown_ids = set(re.findall(r'data-claim="([^"]+)"', page_text(at)))
    first_page = disputes[:PER_PAGE]
    wanted = {i for d in first_page for i in d.claim_ids}
    assert wanted <= shown_ids  # including those folded in "N more claims from this side"
    assert folds or all(
        len([i for i, s in zip(d.claim_ids, d.sides, strict=True) if s == side]) <= 3
        for d in first_page
        for side in set(d.sides)
    )
    assert "most conservative" in page_text(at)


def test_corroboration_tab_lists_groups_with_their_quotes(app, data):
    at = app(tab="Reported by several outlets")
    groups = [g for g in data.groups if g.n_outlets > 1]
    text = page_text(at)
    if groups:
        assert "reported by" in text and "outlets" in text
    else:
        assert "No claim among those shown is carried by more than one outlet" in text


def test_claims_table_shows_words_and_no_none(app, corpus):
    at = app(tab="Claims table")
    (frame,) = [d.value for d in at.dataframe]
    assert len(frame) == len(corpus.claims)
    assert list(frame.columns)[:4] == ["when", "side", "claimant", "quote"]
    cells = frame.astype(str).to_numpy().ravel().tolist()
    assert "None" not in cells and not any("_" in k for k in frame["kind"])


def test_data_issues_tab_lists_unresolved_places(app, corpus):
    at = app(tab="Data issues")
    unresolved = {c.unresolved_place for c in corpus.claims if c.unresolved_place}
    (label,) = [c.value for c in at.caption if c.value.startswith("Data issues")]
    assert int(re.search(r"\((\d+)\)", label).group(1)) >= len(unresolved)


def test_upload_adds_claims_for_this_session_only(app, corpus):
    at = app()
    before = shown(at)[1]
    text = (REPO / "tests" / "corpus" / "a_wire_bazarak.md").read_text(encoding="utf-8")
    text = text.replace("Northgate Wire", "Uploaded Test Wire")
    at.file_uploader(key="uploads").set_value(("new.md", text.encode(), "text/markdown"))
    rerun(at)
    after = shown(at)[1]
    assert after > before
    assert shown(at)[0] == after  # the new outlet is shown, not silently filtered out
    assert "Uploaded Test Wire" in at.multiselect(key="f_outlets").value
    assert any("claims added" in s.value for s in at.sidebar.success)
    other = app()
    assert shown(other)[1] == before


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.md", b"", "the file is empty"),
        ("front.md", b"---\ntitle: Only\n---\n", "only front matter"),
        ("big.txt", b"Taliban said 5 were killed in Bazarak. " * (MAX_BYTES // 38 + 10), "limit"),
    ],
)
def test_uploads_that_count_as_nothing_warn_by_name(app, corpus, name, data, words):
    at = app()
    total = shown(at)[1]
    at.file_uploader(key="uploads").set_value((name, data, "text/markdown"))
    rerun(at)
    warnings = [w.value for w in at.sidebar.warning]
    assert any(w.startswith(f"{name}: ") and words in w for w in warnings), warnings
    assert not at.sidebar.success
    assert shown(at)[1] == total  # counted as nothing


def test_duplicate_uploads_warn_and_add_nothing(app, corpus):
    at = app()
    total = shown(at)[1]
    seed = next((REPO / "seeds").glob("*.txt"))
    at.file_uploader(key="uploads").set_value(
        [
            (seed.name, seed.read_bytes(), "text/plain"),
            ("copy.txt", seed.read_bytes(), "text/plain"),
        ]
    )
    rerun(at)
    warnings = [w.value for w in at.sidebar.warning]
    assert any(w.startswith(f"{seed.name}: same text as {seed.name}") for w in warnings), warnings
    assert any(w.startswith("copy.txt: same text as") for w in warnings), warnings
    assert shown(at)[1] == total


def test_upload_of_a_bad_file_shows_an_error(app):
    at = app()
    at.file_uploader(key="uploads").set_value(("bad.txt", b"\xff\xfe\x00binary\x00", "text/plain"))
    rerun(at)
    assert any("bad.txt" in e.value for e in at.sidebar.error)


def test_unreadable_file_is_listed_not_hidden(tmp_path, monkeypatch):
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x00not text")
    shutil.copy(REPO / "tests" / "corpus" / "a_wire_bazarak.md", tmp_path / "good.md")
    monkeypatch.setenv("CLAIM_ATLAS_CORPUS", str(tmp_path))
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    at.session_state["tab"] = "Data issues"
    at.run()
    assert not at.exception, at.exception
    assert shown(at)[1] == len(load_corpus([tmp_path]).claims) > 0
    table = [d for d in at.dataframe if "issue" in d.value.columns]
    assert table and "binary.txt" in " ".join(table[0].value["what"].astype(str))
    assert str(tmp_path) not in table[0].value.to_csv()
