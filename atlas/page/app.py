"""The page: header, map with the place panel beside it, timeline, then tabs for the rest.

Layout (one screen at 1280×720): the caption ``N of M claims shown`` on top; the map (its
height follows the window, ``static/atlas/page.css``) and the timeline under it on the left; the
place panel on the right; the tabs below. Selecting a place — a marker clicked, a focused
marker and Enter, the picker, or a link — highlights and zooms to it, and puts it in the URL.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from atlas import assets, settings
from atlas.filters import FilterState, without_dates
from atlas.mapbuild import build_base_map, build_place_layer, clicked_place
from atlas.page import data as sources
from atlas.page import place_panel, reader, review_panel, sidebar, tabs
from atlas.places import PlaceSummary, place_key
from atlas.session import (
    DISPUTES_ASKED,
    LIVE_DISPUTES,
    Memo,
    SessionData,
    Shown,
    disputes_among,
    with_uploads,
)
from atlas.state import Selection, ViewState, params_from_view
from atlas.timeline import timeline
from atlas.uploads import Upload
from claims.disputes import CounterClaim, Dispute, counter_claim_pointers
from claims.profile import Profile
from store.exc import StoreError

MAP_KEY = "map"
MAP_HEIGHT = 430  # px; page.css lets it grow with the window


@st.cache_resource(show_spinner=False)
def _static_assets(static_dir: str) -> str | None:
    """Copy the map's scripts into static/ once per process; the problem, if any."""
    try:
        assets.ensure_vendor_assets(static_dir)
    except OSError as err:
        return f"The map's scripts could not be copied into the static folder: {err}"
    return None


def _session(
    base: SessionData, uploads: list[Upload], statuses: object
) -> tuple[SessionData, Memo]:
    """This session's data (the store's + uploads) and memo, rebuilt only when the store's
    version (claims or review decisions), the uploads or the review statuses shown change."""
    added = [u for u in uploads if u.counts and u.article is not None]
    files = tuple((u.name, u.article.sha256) for u in added)  # type: ignore[union-attr]
    key = (base.version, base.roots, files, statuses)
    if st.session_state.get("_data_key") != key:
        items = [(u.article, u.claims) for u in added]
        st.session_state["_data"] = with_uploads(base, items)  # type: ignore[arg-type]
        st.session_state["_memo"] = Memo()
        st.session_state["_data_key"] = key
    return st.session_state["_data"], st.session_state["_memo"]


def _sync_url(view: ViewState, data: SessionData) -> None:
    params = params_from_view(view, data.domain)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    wanted = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    if current != wanted:
        st.query_params.from_dict(params)


def _take_click(data: SessionData) -> None:
    """A marker click (or Enter) since the last run becomes the selection, before the map is
    drawn again (so the map and the panel agree)."""
    click = clicked_place(st.session_state.get(MAP_KEY))
    if click is None or click.seq == st.session_state.get("_click_seq"):
        return
    st.session_state["_click_seq"] = click.seq
    st.session_state["_sel_place"] = click.key
    st.session_state["_sel_claim"] = None


def _selection(data: SessionData) -> Selection:
    """The selected place and claim; a claim link without a place selects the claim's place."""
    place = st.session_state.get("_sel_place")
    claim = st.session_state.get("_sel_claim")
    if claim and not place and claim in data.by_id:
        found = data.by_id[claim]
        place = place_key(found)
        st.session_state["_sel_place"] = place
    return Selection(place, claim if claim in data.by_id else None)


def _header(data: SessionData, shown: int, extra: int) -> None:
    title, caption = st.columns([1, 3], vertical_alignment="bottom")
    title.title("Claim Atlas")
    n = len(data.articles)
    caption.markdown(
        f"**{shown} of {data.total} claims shown** · who claims what, where and when, from "
        f"{n} article{'s' if n != 1 else ''} in `{data.name.replace('`', chr(39))}`"
    )
    if extra:
        caption.caption(
            f"{extra} of them are dated only by a report after the window's end; they may have "
            "happened inside it."
        )


def _map(
    data: SessionData, groups: list[PlaceSummary], selected: str | None, disputed,
    countries: tuple[str, ...], reviewed: dict[str, str],
) -> None:  # fmt: skip
    base = build_base_map(
        bounds=data.bounds, tiles=settings.tiles(), palette=data.palette, countries=countries
    )
    layer = build_place_layer(
        groups, data.palette, selected if any(g.key == selected for g in groups) else None,
        disputed, reviewed,
    )  # fmt: skip
    st_folium(
        base,
        key=MAP_KEY,
        height=MAP_HEIGHT,
        use_container_width=True,
        feature_group_to_add=layer,
        returned_objects=["last_active_drawing"],
    )


def _timeline(data: SessionData, memo: Memo, state: FilterState, keep) -> None:
    window = (state.start, state.end) if state.start and state.end else None
    context = without_dates(state)  # the bars do not depend on the window: moving it is cheap
    chart = memo.get(
        ("timeline", context),
        lambda: timeline(
            data.columns.timeline_of(data.columns.mask(context) & keep), palette=data.palette
        ),
    )
    with st.container(key="timeline"):
        st.html(chart.html(window))


def _tabs(uploads, data, memo, state, shown: Shown, disputes) -> None:
    count = tabs.issue_count(uploads, data, memo)
    labels = list(tabs.TABS)
    boxes = st.tabs(labels, key="tab", on_change="rerun")
    open_tab = {label: box for label, box in zip(labels, boxes, strict=True)}
    if open_tab["Disputes"].open:
        with open_tab["Disputes"]:
            tabs.disputes_tab(disputes, data, state, shown.count)
    if open_tab["Reported by several outlets"].open:
        with open_tab["Reported by several outlets"]:
            tabs.corroboration_tab(shown, data, memo, state)
    if open_tab["Figures"].open:
        with open_tab["Figures"]:
            _figures(data, memo, state, shown)
    if open_tab["Claims table"].open:
        with open_tab["Claims table"]:
            tabs.table_tab(shown, data, memo, state)
    if open_tab["Sources"].open:
        with open_tab["Sources"]:
            tabs.sources_tab(data)
    if open_tab["Data issues"].open:
        with open_tab["Data issues"]:
            st.caption(f"Data issues ({count})")
            tabs.issues_tab(uploads, data, memo)


def _figures(data: SessionData, memo: Memo, state: FilterState, shown) -> None:
    from atlas.charts import figure_spread_chart

    chart = memo.get(
        ("figures", state),
        lambda: figure_spread_chart(shown.with_figures(), data.palette, data.sources.label),
    )
    if chart is None:
        st.caption("No claim shown states a figure.")
        return
    st.markdown(
        "**Figures claimed, per kind**: one point per source and figure, as stated (qualifier "
        "and scope in the tooltip); a line from the lowest to the highest of the day; dated "
        "claims only."
    )
    st.altair_chart(chart, width="stretch")


def _load(app_dir: Path) -> tuple[sources.Opened, sources.Reviewed]:
    """The store opened (the corpus ingested into it, once per process) and its claims now,
    as reviewed; a store that cannot be used stops the page with one message naming it."""
    source = settings.data_source(default=app_dir / "seeds")
    try:
        where = sources.opened(source, st.session_state.get("_reread", 0))
        return where, sources.current(where)
    except StoreError as err:
        st.title("Claim Atlas")
        st.error(f"The claim store cannot be used: {err}")
        st.stop()
        raise  # st.stop() ends the run; this keeps type checkers informed


def _profile() -> Profile:
    """The conflict profile: ``--profile`` put in force for the page and its ingestion, else
    ``CLAIM_ATLAS_PROFILE`` or the default. An unknown or malformed one stops the page with
    one message naming it."""
    from claims.profile import ProfileError

    try:
        return _profile_in_force()
    except ProfileError as err:
        st.title("Claim Atlas")
        st.error(f"The conflict profile cannot be used: {err}")
        st.stop()
        raise  # st.stop() ends the run; this keeps type checkers informed


def _profile_in_force() -> Profile:
    """``--profile`` put in force (for the page and its ingestion), else the one in force."""
    from claims.profile import load_profile

    name = settings.profile_arg()
    if name:
        from store.tasks import use_profile

        return use_profile(name)
    return load_profile()


def warm(app_dir: Path) -> None:
    """What the first run would do before drawing, done ahead by :mod:`atlas.page.warmup`
    (no page element): the conflict profile put in force, the store opened (the corpus
    ingested), its claims loaded into the caches the page reads, a base map drawn once.
    Raises what those raise."""
    _static_assets(str(app_dir / "static"))
    countries = _profile_in_force().countries
    where = sources.opened(settings.data_source(default=app_dir / "seeds"))
    data = sources.current(where).data
    # One base map drawn to HTML: the outlines, place names and folium's templates ready.
    build_base_map(
        bounds=data.bounds, tiles=settings.tiles(), palette=data.palette, countries=countries
    ).get_root().render()


def main(app_dir: Path) -> None:
    """The whole page. ``app_dir``: the folder of ``dashboard.py`` (its ``static/`` and
    ``seeds/``)."""
    started = time.perf_counter()
    st.set_page_config(page_title="Claim Atlas", layout="wide")
    st.html(assets.PAGE_CSS_PATH)
    problem = _static_assets(str(app_dir / "static"))
    if problem:
        st.warning(f"{problem}. The map may stay blank.")
    profile = _profile()
    where, reviewed = _load(app_dir)
    base = reviewed.data
    filters_box, review_box, upload_box = (st.sidebar.container() for _ in range(3))
    uploads = sidebar.uploads(upload_box, base, where)
    data, memo = _session(base, uploads, review_panel.statuses())
    state = sidebar.filters(filters_box, data)
    view = review_panel.prepare(review_box, where.store, reviewed.overlay, data, reviewed.problem)
    keep = memo.get("review_keep", lambda: view.overlay.keep(view.statuses, data.total))

    shown = memo.get(("shown", state), lambda: data.shown(state, keep))
    groups = memo.get(("places", state), lambda: shown.places())
    marks = memo.get(("review_marks", state), lambda: review_panel.place_marks(shown))
    disputes = _disputes_now(data, memo, state, shown)
    _take_click(data)
    selection = _selection(data)
    pointers = memo.get(
        ("pointers", state, selection.place, disputes is None),
        lambda: _pointers(disputes or [], data, selection.place),
    )
    disputed = memo.get(
        ("disputed", state, disputes is None), lambda: _disputed_places(disputes or [], data)
    )

    _header(data, shown.count, shown.reported_after_window())
    left, right = st.columns([3, 2], gap="medium")
    with left:
        _map(data, groups, selection.place, disputed, profile.countries, marks)
        _timeline(data, memo, state, keep)
    with right, st.container(height=MAP_HEIGHT + 150, key="place_panel"):
        place_panel.place_panel(
            groups, shown, selection.place, selection.claim, pointers, disputes or [],
            reader.open_reader,
        )  # fmt: skip
    _tabs(uploads, data, memo, state, shown, disputes)
    reader.show_reader(data)
    _sync_url(
        ViewState(state, Selection(st.session_state.get("_sel_place"), selection.claim)), data
    )
    _freeze_long_lived(base)
    if settings.timing():
        ms = 1000 * (time.perf_counter() - started)
        print(f"claim-atlas rerun {ms:.0f} ms", file=sys.stderr)


_FROZEN: dict[str, int] = {}  # "data": id() of the store data last frozen with


def _freeze_long_lived(base: SessionData) -> None:
    """After the first run on new store data, move what the process now holds (the snapshot,
    outlines, gazetteer, modules: ~280,000 objects at 100,000 claims) out of the garbage
    collector's sight (``gc.freeze``): the full collection Streamlit runs after every script
    run then takes milliseconds instead of ~130 ms, on the first page and on every step."""
    if _FROZEN.get("data") != id(base):
        gc.freeze()
        _FROZEN["data"] = id(base)


def _disputes_now(
    data: SessionData, memo: Memo, state: FilterState, shown: Shown
) -> list[Dispute] | None:
    """The disputes among the shown claims; above :data:`LIVE_DISPUTES` claims only when
    asked for (the Disputes tab's button), for that filter state: None until then."""
    if data.total > LIVE_DISPUTES and st.session_state.get(DISPUTES_ASKED) != state:
        return None
    return memo.get(("disputes", state), lambda: disputes_among(data, shown, _parties(data)))


def _pointers(
    disputes: list[Dispute], data: SessionData, place: str | None
) -> dict[str, list[CounterClaim]]:
    """Counter-claims about a wider area, for the selected place only (all that is shown)."""
    if place is None:
        return {}
    mine = [d for d in disputes if any(_place_of(data, i) == place for i in d.claim_ids)]
    found = counter_claim_pointers(mine, data.by_id, _parties(data))
    return {place: found[place]} if place in found else {}


def _place_of(data: SessionData, claim_id: str) -> str | None:
    claim = data.by_id.get(claim_id)
    return claim.place_id if claim is not None else None


def _parties(data: SessionData) -> frozenset[str]:
    from claims.profile import load_profile

    return frozenset(s.id for s in load_profile().sides) & set(data.palette.sides)


def _disputed_places(disputes: list[Dispute], data: SessionData) -> frozenset[str]:
    """Places with a claim in a dispute (which includes every place a counter-claim about a
    wider area points to: the place's own claim is in that dispute)."""
    keys: set[str] = set()
    for dispute in disputes:
        for claim_id in dispute.claim_ids:
            claim = data.by_id.get(claim_id)
            if claim is not None and claim.place_id:
                keys.add(claim.place_id)
    return frozenset(keys)
