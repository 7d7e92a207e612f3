"""The tabs under the map: disputes, claims carried by several outlets, the figures claimed, the
claims table with its downloads, the sources, and the data issues. Only the open tab is
computed."""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from atlas.cards import claim_card_html, esc, side_chip
from atlas.disputes_view import CorroborationRow, corroborated, days_text, range_text, side_columns
from atlas.page import review_panel
from atlas.page.place_panel import md_escape
from atlas.session import DISPUTES_ASKED, LIVE_DISPUTES, Memo, SessionData, Shown
from atlas.tables import DataIssue
from atlas.uploads import Upload
from atlas.words import kind_label
from claims.disputes import Dispute, Reason
from claims.export import to_csv, to_geojson
from claims.model import Claim

TABS = (
    "Disputes",
    "Reported by several outlets",
    "Figures",
    "Claims table",
    "Sources",
    "Data issues",
)
PER_PAGE = 5  # disputes or groups per page: a page of cards stays light in the browser
REASON_WORDS = {
    Reason.SIDES: "sides disagree",
    Reason.FIGURES: "figures differ",
    Reason.DENIAL: "a denial",
    Reason.OUTCOMES: "control claimed vs fight claimed",
}


def _pager(label: str, total: int, key: str) -> int:
    """A page picker when ``total`` items need more than one page; the first index to show."""
    pages = max(1, -(-total // PER_PAGE))
    if pages == 1:
        return 0
    page = st.number_input(
        f"{label} page (of {pages})", min_value=1, max_value=pages, value=1, step=1, key=key
    )
    return (int(page) - 1) * PER_PAGE


def _card(claim: Claim, data: SessionData) -> str:
    return claim_card_html(
        claim,
        data.palette,
        data.sources.label(claim),
        data.articles.get(claim.file),
        data.group_of.get(claim.id),
        place=claim.place_id,
    )


def _dispute_title(d: Dispute) -> str:
    kinds = sorted(set(d.kinds or (d.kind,)), key=lambda k: k != d.kind)
    what = " vs ".join(kind_label(k) for k in kinds)
    reasons = ", ".join(REASON_WORDS.get(r, str(r)) for r in d.reasons)
    days = days_text(d.date_start, d.date_end)
    return f"{what} · {d.place or 'an unnamed place'} · {days} — {reasons}"


def _dispute(d: Dispute, data: SessionData) -> None:
    with st.container(border=True):
        st.markdown(f"**{md_escape(_dispute_title(d))}**")
        st.caption(d.reason)
        columns = side_columns(d, data.by_id, sides=data.palette.sides)
        for col, side in zip(st.columns(max(len(columns), 1)), columns, strict=False):
            with col:
                style = data.palette.style(side.side)
                st.html(
                    f'<div class="ca-side-head" style="border-color:{style.fill}">'
                    f"{side_chip(side.side, data.palette)} {len(side.all)} claim"
                    f"{'s' if len(side.all) != 1 else ''}</div>"
                    + "".join(
                        f'<div class="ca-range">{esc(r.title)}: {esc(range_text(r.figures))}</div>'
                        for r in side.ranges
                    )
                )
                for claim in side.claims:
                    st.html(_card(claim, data))
                if side.rest:
                    _folded(d.id, side.side, side.rest, data)


def _toggle(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key, False)


def _folded(dispute_id: str, side: str, rest: tuple[Claim, ...], data: SessionData) -> None:
    """A side's other claims, one click away (drawn only when opened: a page of disputes
    stays light)."""
    key = f"_open_{dispute_id}_{side}"
    n = len(rest)
    opened = st.session_state.get(key, False)
    label = (
        f"Hide the {n} other claim{'s' if n != 1 else ''}"
        if opened
        else f"Show {n} more claim{'s' if n != 1 else ''} from this side"
    )
    st.button(label, key=f"fold{key}", on_click=_toggle, args=(key,), type="tertiary")
    if opened:
        for claim in rest:
            st.html(_card(claim, data))


def _ask_disputes(state: object) -> None:
    st.session_state[DISPUTES_ASKED] = state


def disputes_tab(
    disputes: list[Dispute] | None, data: SessionData, state: object = None, shown: int = 0
) -> None:
    """The disputes, a page at a time; ``None``: not found yet (a large store), a button
    finds them for the current filters."""
    if disputes is None:
        st.caption(
            f"With more than {LIVE_DISPUTES:,} claims, disputes are found when asked for: "
            "narrow the filters, then find them (it can take a few seconds). The map's "
            "dispute badges appear for the filters they were found for."
        )
        st.button(
            f"Find disputes among the {shown:,} claims shown",
            key="find_disputes", on_click=_ask_disputes, args=(state,),
        )  # fmt: skip
        return
    if not disputes:
        st.caption("No disagreeing claims among those shown.")
        return
    st.caption(
        f"{len(disputes)} dispute{'s' if len(disputes) != 1 else ''}: claims about one area and "
        "overlapping days that disagree (a town and its province count as one area; "
        "“took control” and “repelled the attack” as one event). Figures per side: "
        "low / best / high as in UCDP's GED, and the most conservative figure, as ACLED codes it."
    )
    first = _pager("Disputes", len(disputes), "dispute_page")
    for d in disputes[first : first + PER_PAGE]:
        _dispute(d, data)


def _group_row(row: CorroborationRow, data: SessionData) -> None:
    g = row.group
    first = row.claims[0]
    title = (
        f"{data.palette.label(g.side)} · {kind_label(g.kind)}"
        + (f" ({g.scope})" if g.scope else "")
        + f" · {g.place or 'no place'} · {days_text(g.date_start, g.date_end)}"
        + (" · denial" if g.stance == "denies" else "")
    )
    figures = f" — {range_text(g.figures)}" if g.figures else ""
    with st.container(border=True):
        st.markdown(
            f"**{md_escape(title)}**: reported by **{row.outlets} outlets**{md_escape(figures)}"
        )
        with st.expander(f"The {len(row.claims)} quotes", expanded=False):
            for claim in row.claims:
                st.html(_card(claim, data))
        del first


def corroboration_tab(shown: Shown, data: SessionData, memo: Memo, key: object) -> None:
    rows = memo.get(("groups", key), lambda: corroborated(shown.claims, data.group_of))
    if not rows:
        st.caption("No claim among those shown is carried by more than one outlet.")
        return
    st.caption(
        f"{len(rows)} assertion{'s' if len(rows) != 1 else ''} carried by several outlets: same "
        "side, kind, place and days, compatible figures. Each is one row; the downloads carry "
        "its group id and counts."
    )
    first = _pager("Groups", len(rows), "group_page")
    for row in rows[first : first + PER_PAGE]:
        _group_row(row, data)


TABLE_ROWS = 200
"""Claims table rows sent at once: the rest is a page away (never the whole table)."""


def _table_page(shown: Shown) -> int:
    """The first row to show (a page picker when the claims need more than one page)."""
    pages = max(1, -(-shown.count // TABLE_ROWS))
    if pages == 1:
        return 0
    page = st.number_input(
        f"Table page (of {pages}, {TABLE_ROWS} rows each)",
        min_value=1, max_value=pages, value=1, step=1, key="table_page",
    )  # fmt: skip
    return (int(page) - 1) * TABLE_ROWS


def table_tab(shown: Shown, data: SessionData, memo: Memo, key: object) -> None:
    from atlas.tables import claims_frame  # pandas: imported after the map is sent

    first = _table_page(shown)
    frame = memo.get(
        ("table", key, first),
        lambda: review_panel.table(claims_frame(
            shown.page(first, TABLE_ROWS).claims, data.palette, data.sources.label,
            data.relative, data.group_of,
        )),
    )  # fmt: skip
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=420,
        column_config={
            "when": st.column_config.TextColumn("when", width="small"),
            "side": st.column_config.TextColumn("side", width="small"),
            "claimant": st.column_config.TextColumn("claimant", width="small"),
            "quote": st.column_config.TextColumn("quote", width="large"),
            "kind": st.column_config.TextColumn("kind", width="small"),
            "figure": st.column_config.TextColumn("figure as stated", width="small"),
            "place": st.column_config.TextColumn("place", width="small"),
        },
    )
    root = data.root
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(
        "Download GeoJSON",
        data=lambda: json.dumps(
            review_panel.geojson(to_geojson(shown.claims, data.group_of, root)),
            ensure_ascii=False,
        ),
        file_name="claims.geojson",
        mime="application/geo+json",
        on_click="ignore",
    )
    c2.download_button(
        "Download CSV",
        data=lambda: review_panel.csv_text(to_csv(shown.claims, data.group_of, root)),
        file_name="claims.csv",
        mime="text/csv",
        on_click="ignore",
    )
    st.caption(
        "Downloads hold exactly the claims shown (the table sends a page at a time); files are "
        "named relative to the corpus folder; group_id, group_claims and group_outlets say "
        "which claims make the same assertion; review_status, reviewed_by, review_reason and "
        "machine_values say what analysts decided (a corrected field's machine value beside it)."
    )


def sources_tab(data: SessionData) -> None:
    from atlas.tables import sources_frame

    st.dataframe(
        sources_frame(data.sources.articles()),
        hide_index=True,
        width="stretch",
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="original ↗"),
            "claims": st.column_config.NumberColumn("claims", width="small"),
        },
    )


def _issues(uploads: list[Upload], data: SessionData, memo: Memo) -> list[DataIssue]:
    from atlas.tables import file_issues, place_issues

    def compute() -> list[DataIssue]:
        found = data.issues
        return file_issues(
            found.problems, found.duplicates, data.relative, notes=found.notes,
            uploads=[(u.name, u.message) for u in uploads if not u.counts],
        ) + place_issues(data.place_gaps(), data.relative)  # fmt: skip

    refused = tuple((u.name, u.outcome) for u in uploads if not u.counts)
    return memo.get(("issues", refused, data.version), compute)


def issues_tab(uploads: list[Upload], data: SessionData, memo: Memo) -> None:
    review_panel.unplaced(data)  # a place the gazetteer lacks can be placed by hand
    issues = _issues(uploads, data, memo)
    if not issues:
        st.caption("Every file was read and every place was found.")
        return
    st.dataframe(
        [{"issue": str(i.kind), "what": i.subject, "detail": i.detail} for i in issues],
        hide_index=True,
        width="stretch",
    )


def issue_count(uploads: list[Upload], data: SessionData, memo: Memo) -> int:
    return len(_issues(uploads, data, memo))


Renderer = Callable[[], None]
