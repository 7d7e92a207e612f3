"""The sidebar: filters (into a :class:`~atlas.filters.FilterState`) and the uploader."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from atlas.filters import FilterState
from atlas.page.data import Opened, save_uploads
from atlas.session import SessionData
from atlas.state import selection_from_params, state_from_params
from atlas.uploads import Upload, judge_uploads, read_upload
from atlas.when import DateDomain
from atlas.words import kind_label
from claims.model import KINDS, Article, Claim
from store.exc import StoreError
from store.uploads import Saved

DATES_HELP = (
    "A claim is shown when its days can fall in the window. A claim dated only by its report "
    "(“reported by 5 Sep”) may have happened any day up to then, so it stays while the "
    "window reaches back to that day."
)


def _query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def init_from_url(data: SessionData) -> None:
    """On a session's first run, put the URL's filters and selection into session state."""
    if st.session_state.get("_url_loaded"):
        return
    domain, outlets = data.domain, [name for name, _ in data.outlets]
    params = _query()
    state = state_from_params(params, domain, sides=data.palette.sides, kinds=KINDS)
    if domain is not None:
        st.session_state["f_dates"] = (state.start or domain.first, state.end or domain.last)
    st.session_state["f_undated"] = state.include_undated
    st.session_state["f_reported"] = state.include_reported
    st.session_state["f_outlets"] = [o for o in outlets if o not in state.excluded_outlets]
    st.session_state["f_sides"] = [s for s in data.palette.sides if s not in state.excluded_sides]
    st.session_state["f_kinds"] = [k for k in KINDS if k not in state.excluded_kinds]
    st.session_state["f_text"] = state.text
    selection = selection_from_params(params)
    st.session_state["_sel_place"] = selection.place
    st.session_state["_sel_claim"] = selection.claim
    st.session_state["_known_outlets"] = list(outlets)
    st.session_state["_domain"] = domain
    st.session_state["_url_loaded"] = True


def _follow_new_data(domain: DateDomain | None, outlets: list[str]) -> None:
    """Uploads can add sources and days: show new sources, widen a full-range slider."""
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


def _shift_window(days: int, domain: DateDomain) -> None:
    """Move the whole day window by ``days`` (keeping its width), inside the domain."""
    start, end = st.session_state.get("f_dates", (domain.first, domain.last))
    width = end - start
    start = min(max(start + timedelta(days=days), domain.first), domain.last - width)
    st.session_state["f_dates"] = (start, start + width)


def _date_filters(sb: DeltaGenerator, domain: DateDomain | None) -> tuple[date | None, date | None]:
    if domain is None:
        sb.caption("No claim is dated.")
        return None, None
    if domain.first == domain.last:
        sb.caption(f"All dated claims are on {domain.first.isoformat()}.")
        return None, None
    window: tuple[date, date] = sb.slider(  # type: ignore[assignment]  # a range: (start, end)
        "Claim dates",
        min_value=domain.first,
        max_value=domain.last,
        key="f_dates",
        format="D MMM YYYY",
        help=DATES_HELP,
    )
    start, end = window
    back, forward = sb.columns(2)
    back.button(
        "◀ day earlier",
        key="f_back",
        on_click=_shift_window,
        args=(-1, domain),
        disabled=start <= domain.first,
        width="stretch",
        help="Move the whole window one day back",
    )
    forward.button(
        "day later ▶",
        key="f_forward",
        on_click=_shift_window,
        args=(1, domain),
        disabled=end >= domain.last,
        width="stretch",
        help="Move the whole window one day forward",
    )
    return start, end


def filters(sb: DeltaGenerator, data: SessionData) -> FilterState:
    """The filter widgets; the state they describe."""
    outlets = [name for name, _ in data.outlets]
    count_of = dict(data.outlets)
    init_from_url(data)
    _follow_new_data(data.domain, outlets)

    sb.header("Filters")
    start, end = _date_filters(sb, data.domain)
    include_undated = sb.toggle(
        "Include undated claims",
        key="f_undated",
        help="Claims whose day the article does not state; dashed markers on the map.",
    )
    include_reported = sb.toggle(
        "Include claims dated only by their report",
        key="f_reported",
        help="“Reported by 5 Sep”: the text fixes no day; dotted markers, pale timeline bars.",
    )
    sb.subheader("Sources")
    chosen_outlets = sb.multiselect(
        "Outlets",
        options=outlets,
        key="f_outlets",
        format_func=lambda o: f"{o} ({count_of.get(o, 0)})",
        help="Each outlet with its number of claims (an article that names no outlet is its "
        "own source); remove one to hide its claims.",
    )
    sides = list(data.palette.sides)
    chosen_sides = sb.multiselect(
        "Sides", options=sides, key="f_sides", format_func=data.palette.label
    )
    chosen_kinds = sb.multiselect(
        "Kinds", options=list(KINDS), key="f_kinds", format_func=kind_label
    )
    text = sb.text_input("Search quotes", key="f_text", placeholder="words in the quote")
    return FilterState(
        start=start,
        end=end,
        include_undated=include_undated,
        include_reported=include_reported,
        excluded_outlets=frozenset(set(outlets) - set(chosen_outlets)),
        excluded_sides=frozenset(set(sides) - set(chosen_sides)),
        excluded_kinds=frozenset(set(KINDS) - set(chosen_kinds)),
        text=text,
    )


# -- uploads ----------------------------------------------------------------------------------


UPLOADER_GEN = "_uploader_gen"


def _uploader_key() -> str:
    """The uploader's key: a new one empties it (after its files were saved)."""
    generation = st.session_state.get(UPLOADER_GEN, 0)
    return "uploads" if not generation else f"uploads_{generation}"


def _extract(article: Article) -> list[Claim]:
    """An upload's claims, with the gazetteer and profile ingestion uses."""
    from claims import extract_claims
    from store.tasks import setting

    return extract_claims(article, *setting())


def _save(where: Opened, files: list[tuple[str, bytes]]) -> None:
    """Button callback: the uploads go to the store; the uploader is emptied (the saved
    articles come back from the store, with everything else)."""
    try:
        outcomes = save_uploads(where, files)
    except StoreError as err:
        st.session_state["_saved"] = [("error", f"Not saved: {err}")]
        return
    st.session_state["_saved"] = [(_SAVED_LEVEL[o.outcome], o.message) for o in outcomes]
    st.session_state[UPLOADER_GEN] = st.session_state.get(UPLOADER_GEN, 0) + 1
    st.session_state.pop("_uploads", None)


_SAVED_LEVEL = {
    Saved.ADDED: "success", Saved.REPLACED: "success", Saved.DUPLICATE: "warning",
    Saved.UNREADABLE: "error", Saved.FAILED: "error",
}  # fmt: skip


def uploads(sb: DeltaGenerator, base: SessionData, where: Opened) -> list[Upload]:
    """Articles uploaded in this session (kept in st.session_state, never shared), with a
    button that saves them to the store. Each file gets one message naming it; only files
    that count as articles are returned as added."""
    sb.header("Add articles")
    for level, message in st.session_state.pop("_saved", []):
        getattr(sb, level)(message)
    files = sb.file_uploader(
        "Add articles (.txt or .md, optional front matter)",
        type=["txt", "md"],
        accept_multiple_files=True,
        key=_uploader_key(),
    )
    cache: dict[str, tuple[Upload, bytes]] = st.session_state.setdefault("_uploads", {})
    read = []
    for f in files or []:
        if f.file_id not in cache:
            data = f.getvalue()
            cache[f.file_id] = (read_upload(f.name, data, extract=_extract), data)
        read.append(cache[f.file_id])
    raw = {upload.name: data for upload, data in read}
    judged = judge_uploads([u for u, _ in read], base.sources.sha256s())
    for upload in judged:
        getattr(sb, upload.outcome.level)(upload.message)
    keep = [(u.name, raw[u.name]) for u in judged if u.counts]
    if keep:
        n = len(keep)
        sb.button(
            f"Save {n} uploaded article{'s' if n != 1 else ''} to the store",
            key="save_uploads",
            on_click=_save,
            args=(where, keep),
            help="Uploads stay in this session only; saved, they go through the same "
            f"extraction as ingestion into {where.name} and every session sees them.",
        )
    return judged
