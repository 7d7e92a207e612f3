"""dashboard.py under Streamlit's AppTest: no exception, and the widgets change what is shown.

Expected numbers are computed with the same package functions the dashboard calls
(``claims.load_corpus`` + ``claims.ui.filter_claims``), never typed in.
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

from claims import load_corpus
from claims.ui.filters import FilterState, date_domain, filter_claims, outlet_counts
from claims.ui.mapbuild import group_places

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


@pytest.fixture
def app(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIM_ATLAS_CORPUS", str(corpus_dir))
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")

    def make(query: dict[str, str | list[str]] | None = None) -> AppTest:
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
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


def map_places(at: AppTest) -> list[dict]:
    """The places the map would draw: parsed from the st_folium component's arguments."""
    (component,) = [e for e in at.get("component_instance")]
    args = json.loads(component.proto.json_args)
    match = re.search(r"var places = (\[.*?\]);\n", args["feature_group"], re.S)
    assert match, "no places in the map's feature group"
    return json.loads(match.group(1))


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def test_opens_with_every_claim_shown_and_mapped(app, corpus):
    at = app()
    assert shown(at) == (len(corpus.claims), len(corpus.claims))
    assert len(map_places(at)) == len(group_places(corpus.claims)) > 0
    assert at.title[0].value == "Claim Atlas"


def test_date_slider_narrows_claims_and_markers(app, corpus):
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


def test_undated_toggle(app, corpus):
    at = app()
    at.toggle(key="f_undated").set_value(False)
    rerun(at)
    expected = filter_claims(corpus.claims, FilterState(include_undated=False))
    assert shown(at)[0] == len(expected) < len(corpus.claims)
    assert at.query_params["undated"] == "0"


def test_excluding_an_outlet(app, corpus):
    at = app()
    outlet, count = outlet_counts(corpus.claims)[0]
    at.multiselect(key="f_outlets").unselect(outlet)
    rerun(at)
    assert shown(at)[0] == len(corpus.claims) - count
    assert at.query_params["xo"] == outlet


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


def test_link_reproduces_the_view(app, corpus):
    domain = date_domain(corpus.claims)
    outlet = outlet_counts(corpus.claims)[-1][0]
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
    assert shown(at)[0] == len(filter_claims(corpus.claims, state))
    assert at.slider(key="f_dates").value == (state.start, domain.last)
    assert at.toggle(key="f_undated").value is False
    assert outlet not in at.multiselect(key="f_outlets").value


def test_bad_query_values_are_ignored(app, corpus):
    at = app({"from": "yesterday", "xs": "<script>", "undated": "maybe"})
    assert shown(at) == (len(corpus.claims), len(corpus.claims))


def test_choosing_a_place_lists_its_quotes(app, corpus):
    at = app()
    group = group_places(corpus.claims)[0]
    at.selectbox(key="f_place").set_value(group.key)
    rerun(at)
    bodies = " ".join(e.proto.body for e in at.get("html"))
    for claim in group.claims[:3]:  # newest first, as the panel lists them
        assert html.escape(claim.quote).replace("\n", "<br>") in bodies


def test_data_issues_expander_lists_unresolved_places(app, corpus):
    at = app()
    unresolved = {c.unresolved_place for c in corpus.claims if c.unresolved_place}
    labels = [e.label for e in at.expander]
    (label,) = [x for x in labels if x.startswith("Data issues")]
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
    at.run()
    assert not at.exception, at.exception
    assert shown(at)[1] == len(load_corpus([tmp_path]).claims) > 0
    (label,) = [e.label for e in at.expander if e.label.startswith("Data issues")]
    table = [d for d in at.dataframe if "issue" in d.value.columns]
    assert table and "binary.txt" in " ".join(table[0].value["what"].astype(str))
    assert label.startswith("Data issues (") and int(label.split("(")[1].rstrip(")")) >= 1
