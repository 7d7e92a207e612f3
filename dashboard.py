"""Claim Atlas dashboard.

    streamlit run dashboard.py                      # the bundled seed articles
    streamlit run dashboard.py -- --corpus DIR      # another folder of articles
    CLAIM_ATLAS_CORPUS=DIR streamlit run dashboard.py
    CLAIM_ATLAS_TILES=none ...                      # no map tiles (offline; outlines only)
    CLAIM_ATLAS_TIMING=1 ...                        # print each rerun's time to stderr

Thin on purpose: loading is ``claims``, filtering/map/charts/reader are ``claims.ui``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import st_folium

from claims import find_disputes, load_corpus
from claims.export import to_csv, to_geojson
from claims.model import KINDS, SIDES, Claim
from claims.ui import assets
from claims.ui.disputes_view import side_columns
from claims.ui.filters import (
    DateDomain,
    FilterState,
    date_label,
    filter_claims,
    outlet_of,
    without_dates,
)
from claims.ui.mapbuild import (
    PlaceGroup,
    build_base_map,
    build_place_layer,
    clicked_place_key,
    group_places,
    tiles_from_env,
)
from claims.ui.reader_view import article_html, quote_in_paragraph_html
from claims.ui.session import Memo, SessionData, session_data
from claims.ui.state import params_from_state, state_from_params
from claims.ui.uploads import Upload, read_upload

APP_DIR = Path(__file__).resolve().parent
SEEDS_DIR = APP_DIR / "seeds"
CORPUS_ENV = "CLAIM_ATLAS_CORPUS"
TIMING_ENV = "CLAIM_ATLAS_TIMING"  # set: print each run's server-side time to stderr
DETAIL_LIMIT = 25
DISPUTE_LIMIT = 15


def corpus_dir(argv: list[str] | None = None) -> Path:
    """``--corpus DIR`` after ``--`` on the command line, else $CLAIM_ATLAS_CORPUS, else seeds."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--corpus")
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    chosen = args.corpus or os.environ.get(CORPUS_ENV) or str(SEEDS_DIR)
    return Path(chosen).expanduser().resolve()


@st.cache_resource(show_spinner=False)
def _vendor_assets() -> str | None:
    """Copy the map's scripts into static/vendor once per process; the error, if any."""
    try:
        assets.ensure_vendor_assets(APP_DIR / "static")
    except OSError as err:
        return f"The map's scripts could not be copied to {APP_DIR / 'static'}: {err}"
    return None


@st.cache_resource(show_spinner="Reading articles…")
def _corpus(path: str):  # -> the Corpus of claims.load_corpus
    return load_corpus([path])


# -- widgets -> FilterState ------------------------------------------------------------------


def _init_from_url(domain: DateDomain | None, outlets: list[str]) -> None:
    """On a session's first run, put the URL's filters into the widgets' state."""
    if st.session_state.get("_url_loaded"):
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    state = state_from_params(params, domain)
    if domain is not None:
        st.session_state["f_dates"] = (state.start or domain.first, state.end or domain.last)
    st.session_state["f_undated"] = state.include_undated
    st.session_state["f_outlets"] = [o for o in outlets if o not in state.excluded_outlets]
    st.session_state["f_sides"] = [s for s in SIDES if s not in state.excluded_sides]
    st.session_state["f_kinds"] = [k for k in KINDS if k not in state.excluded_kinds]
    st.session_state["f_text"] = state.text
    st.session_state["_known_outlets"] = list(outlets)
    st.session_state["_domain"] = domain
    st.session_state["_url_loaded"] = True


def _follow_new_data(domain: DateDomain | None, outlets: list[str]) -> None:
    """Uploads can add outlets and days: show new outlets, widen a full-range slider."""
    known = set(st.session_state.get("_known_outlets", []))
    new = [o for o in outlets if o not in known]
    if new:
        st.session_state["f_outlets"] = list(st.session_state.get("f_outlets", [])) + new
        st.session_state["_known_outlets"] = list(outlets)
    old = st.session_state.get("_domain")
    if domain is not None and old != domain:
        start, end = st.session_state.get("f_dates", (domain.first, domain.last))
        if old is None or start <= old.first:
            start = domain.first
        if old is None or end >= old.last:
            end = domain.last
        start = min(max(start, domain.first), domain.last)
        end = min(max(end, start), domain.last)
        st.session_state["f_dates"] = (start, end)
    st.session_state["_domain"] = domain


def sidebar_filters(sb: DeltaGenerator, data: SessionData) -> FilterState:
    domain = data.domain
    outlets = [name for name, _ in data.outlets]
    count_of = dict(data.outlets)
    _init_from_url(domain, outlets)
    _follow_new_data(domain, outlets)

    sb.header("Filters")
    start: date | None = None
    end: date | None = None
    if domain is not None and domain.first < domain.last:
        start, end = sb.slider(
            "Claim dates",
            min_value=domain.first,
            max_value=domain.last,
            key="f_dates",
            format="YYYY-MM-DD",
        )
    elif domain is not None:
        sb.caption(f"All dated claims are on {domain.first.isoformat()}.")
    include_undated = sb.toggle(
        "Include undated claims",
        key="f_undated",
        help="Claims whose day the article does not state; dashed markers on the map.",
    )
    sb.subheader("Sources")
    chosen_outlets = sb.multiselect(
        "Outlets",
        options=outlets,
        key="f_outlets",
        format_func=lambda o: f"{o} ({count_of.get(o, 0)})",
        help="Each outlet with its number of claims; remove one to hide its claims.",
    )
    chosen_sides = sb.multiselect("Sides", options=list(SIDES), key="f_sides")
    chosen_kinds = sb.multiselect(
        "Kinds", options=list(KINDS), key="f_kinds", format_func=lambda k: k.replace("_", " ")
    )
    text = sb.text_input("Search quotes", key="f_text", placeholder="words in the quote")
    return FilterState(
        start=start,
        end=end,
        include_undated=include_undated,
        excluded_outlets=frozenset(set(outlets) - set(chosen_outlets)),
        excluded_sides=frozenset(set(SIDES) - set(chosen_sides)),
        excluded_kinds=frozenset(set(KINDS) - set(chosen_kinds)),
        text=text,
    )


def sync_url(state: FilterState, domain: DateDomain | None) -> None:
    params = params_from_state(state, domain)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    wanted = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    if current != wanted:
        st.query_params.from_dict(params)


def sidebar_upload(sb: DeltaGenerator, corpus) -> list[Upload]:
    """Articles uploaded in this session (kept in st.session_state, never shared)."""
    sb.header("Add articles")
    files = sb.file_uploader(
        "Add articles (.txt or .md, optional front matter)",
        type=["txt", "md"],
        accept_multiple_files=True,
        key="uploads",
    )
    cache: dict[str, Upload] = st.session_state.setdefault("_uploads", {})
    known_sha = {a.sha256 for a in corpus.articles if a.sha256}
    results = []
    for f in files or []:
        if f.file_id not in cache:
            cache[f.file_id] = read_upload(f.name, f.getvalue(), known_sha)
        upload = cache[f.file_id]
        if upload.article is not None:
            known_sha.add(upload.article.sha256)
        results.append(upload)
    for upload in results:
        if upload.error:
            sb.error(upload.error)
        else:
            sb.success(f"{upload.name}: {len(upload.claims)} claims added")
    return results


# -- panels -----------------------------------------------------------------------------------


def detail_panel(places: list[PlaceGroup], data: SessionData, place: str | None) -> None:
    st.subheader("Place details")
    groups = {g.key: g for g in places}
    articles = data.articles
    if not groups:
        st.info("No located claim passes the filters.")
        return
    options = list(groups)
    if place in groups and st.session_state.get("_last_click") != place:
        st.session_state["f_place"] = place
        st.session_state["_last_click"] = place
    if st.session_state.get("f_place") not in groups:
        st.session_state.pop("f_place", None)
    key = st.selectbox(
        "Place",
        options=options,
        index=None,
        key="f_place",
        format_func=lambda k: f"{groups[k].name} ({len(groups[k].claims)})",
        placeholder="Click a marker, or choose a place",
    )
    if key is None:
        st.caption("Click a marker on the map to list its claims here.")
        return
    group = groups[key]
    n = len(group.claims)
    st.markdown(f"**{_md_escape(group.name)}**: {n} claim{'s' if n != 1 else ''}")
    listing = st.container(height=520) if n > 2 else st.container()
    for claim in group.claims[:DETAIL_LIMIT]:
        with listing.container(border=True):
            figure = f" · {claim.figure}" if claim.figure is not None else ""
            st.markdown(
                f"**{_md_escape(claim.claimant or 'claimant not stated')}** ({claim.side}) · "
                f"{claim.kind.replace('_', ' ')}{figure}  \n"
                f"{date_label(claim)} · {_md_escape(outlet_of(claim))}"
            )
            article = articles.get(claim.file)
            if article is None:
                st.text(claim.quote)
            else:  # the quote, highlighted inside its paragraph (all text escaped)
                st.html(f'<div class="ca-para">{quote_in_paragraph_html(article, claim)}</div>')
    if len(group.claims) > DETAIL_LIMIT:
        st.caption(f"First {DETAIL_LIMIT} of {len(group.claims)} claims; the table lists all.")
    files = list(dict.fromkeys(c.file for c in group.claims if c.file in articles))
    if files:
        with st.expander("Read the whole article"):
            chosen = st.selectbox(
                "Article", files, key="f_article", format_func=lambda f: Path(f).name
            )
            article = articles[chosen]
            current = next((c for c in group.claims if c.file == chosen), None)
            html_text = article_html(article, data.by_file.get(chosen, ()), current=current)
            st.caption("Every claim in the article is marked; this place's first claim darker.")
            st.html(f'<div class="ca-article">{html_text}</div>')


def _md_escape(text: str) -> str:
    """Text safe inside st.markdown: Markdown and HTML special characters backslash-escaped."""
    specials = "\\`*_{}[]()<>#+-.!|~&$"
    return "".join("\\" + ch if ch in specials else ch for ch in text)


def disputes_panel(shown: list[Claim], memo: Memo, state: FilterState) -> None:
    st.subheader("Disputes")
    disputes = memo.get(("disputes", state), lambda: find_disputes(shown))
    by_id = {c.id: c for c in shown}
    if not disputes:
        st.caption("No disagreeing claims among those shown.")
    for dispute in disputes[:DISPUTE_LIMIT]:
        title = f"{dispute.kind.replace('_', ' ')} at {dispute.place or 'an unnamed place'}"
        days = (
            dispute.date_start
            if dispute.date_start == dispute.date_end
            else (f"{dispute.date_start} – {dispute.date_end}")
        )
        with st.container(border=True):
            st.markdown(f"**{_md_escape(title)}**, {days}: {_md_escape(dispute.reason)}")
            columns = side_columns(dispute, by_id)
            for col, side in zip(st.columns(max(len(columns), 1)), columns, strict=False):
                with col:
                    st.markdown(f"**{side.side}**")
                    for claim in side.claims:
                        figure = f" · {claim.figure}" if claim.figure is not None else ""
                        st.markdown(
                            f"**{_md_escape(claim.claimant or 'claimant not stated')}**{figure}  \n"
                            f"{_md_escape(claim.place or '')} · {date_label(claim)} · "
                            f"{_md_escape(outlet_of(claim))}"
                        )
                        st.text(claim.quote)
                    if side.more:
                        st.caption(f"+ {side.more} more claims from this side")
    if len(disputes) > DISPUTE_LIMIT:
        st.caption(f"First {DISPUTE_LIMIT} of {len(disputes)} disputes.")
    from claims.ui.charts import figure_spread_chart  # altair: imported after the map is sent

    chart = memo.get(("figures", state), lambda: figure_spread_chart(shown))
    if chart is not None:
        st.markdown("**Figures claimed, per kind** (one point per source and figure; dated only)")
        st.altair_chart(chart, width="stretch")


def issues_panel(corpus, uploads: list[Upload], data: SessionData, memo: Memo) -> None:
    from claims.ui.tables import DataIssue, data_issues

    def compute() -> list[DataIssue]:
        problems = [(p.file, p.message) for p in corpus.problems]
        problems += [(u.name, u.error) for u in uploads if u.error]
        return data_issues(data.claims, problems, corpus.duplicates)

    errors = tuple(u.name for u in uploads if u.error)
    issues = memo.get(("issues", errors), compute)
    with st.expander(f"Data issues ({len(issues)})", expanded=False):
        if not issues:
            st.caption("Every file was read and every place was found.")
        else:
            st.dataframe(
                [{"issue": i.kind, "what": i.subject, "detail": i.detail} for i in issues],
                hide_index=True,
                width="stretch",
            )


# -- page -------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _corpus_data(path: str) -> SessionData:
    """The corpus alone, shared by sessions without uploads (read-only)."""
    corpus = _corpus(path)
    return session_data(corpus.articles, corpus.claims)


def _session(folder: Path, corpus, uploads: list[Upload]) -> tuple[SessionData, Memo]:
    """This session's data (corpus + uploads) and memo, rebuilt only when the uploads change."""
    added = [u for u in uploads if u.article is not None]
    key = (str(folder), id(corpus), tuple((u.name, u.article.sha256) for u in added))
    if st.session_state.get("_data_key") != key:
        if added:
            articles = list(corpus.articles) + [u.article for u in added]
            claims = list(corpus.claims) + [c for u in added for c in u.claims]
            st.session_state["_data"] = session_data(articles, claims)
        else:
            st.session_state["_data"] = _corpus_data(str(folder))
        st.session_state["_memo"] = Memo()
        st.session_state["_data_key"] = key
    return st.session_state["_data"], st.session_state["_memo"]


def main() -> None:
    st.set_page_config(page_title="Claim Atlas", layout="wide")
    problem = _vendor_assets()
    if problem:
        st.warning(f"{problem}. The map may stay blank.")
    folder = corpus_dir()
    corpus = _corpus(str(folder))
    filters_box, upload_box = st.sidebar.container(), st.sidebar.container()
    uploads = sidebar_upload(upload_box, corpus)
    data, memo = _session(folder, corpus, uploads)

    state = sidebar_filters(filters_box, data)
    sync_url(state, data.domain)
    shown = memo.get(("shown", state), lambda: filter_claims(data.claims, state))
    groups = memo.get(("groups", state), lambda: group_places(shown))

    st.title("Claim Atlas")
    st.caption(f"Who claims what, where and when — {len(data.articles)} articles from {folder}")
    st.markdown(f"**{len(shown)} of {len(data.claims)} claims shown**")

    left, right = st.columns([3, 2])
    with left:
        base = build_base_map(bounds=data.bounds, tiles=tiles_from_env())
        layer = build_place_layer(groups)
        map_state = st_folium(
            base,
            key="map",
            height=520,
            use_container_width=True,
            feature_group_to_add=layer,
            returned_objects=["last_active_drawing"],
        )
    with right:
        detail_panel(groups, data, clicked_place_key(map_state))

    # pandas/altair are imported only now, so the map reaches the browser first (cold start)
    from claims.ui.charts import timeline_chart
    from claims.ui.tables import claims_frame

    st.subheader("Timeline")
    window = (state.start, state.end) if state.start and state.end else None
    chart = memo.get(
        ("timeline", state),
        lambda: timeline_chart(filter_claims(data.claims, without_dates(state)), window),
    )
    st.altair_chart(chart, width="stretch")
    undated = sum(1 for c in shown if c.date_start is None)
    if undated:
        st.caption(f"{undated} undated claims shown are not on the timeline.")

    disputes_panel(shown, memo, state)

    st.subheader("Claims")
    frame = memo.get(("table", state), lambda: claims_frame(shown))
    st.dataframe(frame, hide_index=True, width="stretch")
    c1, c2 = st.columns(2)
    c1.download_button(
        "Download GeoJSON",
        data=lambda: json.dumps(to_geojson(shown), ensure_ascii=False),
        file_name="claims.geojson",
        mime="application/geo+json",
        on_click="ignore",
    )
    c2.download_button(
        "Download CSV",
        data=lambda: to_csv(shown),
        file_name="claims.csv",
        mime="text/csv",
        on_click="ignore",
    )
    issues_panel(corpus, uploads, data, memo)


if os.environ.get(TIMING_ENV):
    _started = time.perf_counter()
    main()
    print(f"claim-atlas rerun {1000 * (time.perf_counter() - _started):.0f} ms", file=sys.stderr)
else:
    main()
