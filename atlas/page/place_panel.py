"""The place panel beside the map: the selected place's claims, every one reachable, and
pointers to counter-claims filed about the wider area."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from atlas.cards import claim_card_html, esc, side_chip
from atlas.page import review_panel
from atlas.places import PlaceSummary, place_days, place_key
from atlas.session import SessionData, Shown
from atlas.when import span_text
from atlas.words import PRECISION_LABELS, figure_text, kind_label
from claims.disputes import CounterClaim, Dispute
from claims.model import Claim

PAGE = 20
"""Claims listed at once; "Show more" adds as many again."""


def _select(key: str | None, claim: str | None = None) -> None:
    st.session_state["_sel_place"] = key
    st.session_state["_sel_claim"] = claim


def _picked() -> None:
    _select(st.session_state.get("f_place"))


def picker(groups: dict[str, PlaceSummary], selected: str | None) -> str | None:
    """The place selectbox (kept in step with map clicks and links)."""
    st.session_state["f_place"] = selected if selected in groups else None
    return st.selectbox(
        "Place",
        options=list(groups),
        index=None,
        key="f_place",
        format_func=lambda k: f"{groups[k].name} ({groups[k].count})",
        placeholder="Click a marker, or choose a place",
        on_change=_picked,
    )


def _overview(groups: list[PlaceSummary], top: int = 8) -> None:
    """With nothing selected: the places with the most claims, one click each."""
    st.markdown("**Places with the most claims**")
    for group in groups[:top]:
        st.button(
            f"{group.name} ({group.count})",
            key=f"top_{group.key}",
            on_click=_select,
            args=(group.key,),
            width="stretch",
        )


def _summary_html(group: PlaceSummary, data: SessionData) -> str:
    n = group.count
    chips = " ".join(f"{side_chip(s, data.palette)} {c}" for s, c in group.side_counts)
    precision = PRECISION_LABELS.get(group.precision or "", "")
    if group.is_area and group.radius_km:
        precision += f", radius {group.radius_km:.0f} km"
    days = place_days(group)
    when = span_text(*days) if days else "no claim dated"
    return (
        f'<div class="ca-place"><b>{esc(group.name)}</b> · {esc(precision)} · {esc(when)}<br>'
        f"{n} claim{'s' if n != 1 else ''}: {chips}</div>"
    )


def _pointers(group: PlaceSummary, pointers: list[CounterClaim], data: SessionData) -> None:
    """Counter-claims filed about a wider place (a province around this town)."""
    by_place: dict[str | None, list[CounterClaim]] = {}
    for p in pointers:
        by_place.setdefault(p.filed_at_key, []).append(p)
    for wider, items in by_place.items():
        claims = [data.by_id[p.claim_id] for p in items if p.claim_id in data.by_id]
        if not claims:
            continue
        what = "; ".join(
            dict.fromkeys(
                f"{c.claimant or data.palette.label(c.side)} ({data.palette.label(c.side)}): "
                f"{figure_text(c) or kind_label(c.kind)}"
                + (" — a denial" if c.stance == "denies" else "")
                for c in claims[:3]
            )
        )
        more = f" and {len(claims) - 3} more" if len(claims) > 3 else ""
        name = items[0].filed_at or "a wider area"
        st.markdown(
            f"⚠ **{len(claims)} counter-claim{'s' if len(claims) != 1 else ''}** about "
            f"**{md_escape(name)}**, which contains {md_escape(group.name)}: "
            f"{md_escape(what)}{more}"
        )
        if wider:
            st.button(
                f"Show {name}",
                key=f"goto_{group.key}_{wider}",
                on_click=_select,
                args=(wider,),
                help="Select the wider place and list its claims",
            )


def md_escape(text: str) -> str:
    """Text safe inside st.markdown: Markdown and HTML special characters backslash-escaped."""
    specials = "\\`*_{}[]()<>#+-.!|~&$"
    return "".join("\\" + ch if ch in specials else ch for ch in text)


def _denied_by(claim_id: str, disputes: list[Dispute], data: SessionData):
    """For a denial: the assertions of its disputes it answers."""
    out = []
    for dispute in disputes:
        if claim_id not in dispute.claim_ids:
            continue
        out += [
            data.by_id[i]
            for i, stance in zip(dispute.claim_ids, dispute.stances, strict=False)
            if stance == "asserts" and i in data.by_id
        ]
    return list(dict.fromkeys(out))[:4]


def _listed(shown: Shown, key: str, limit: int, linked: str | None) -> tuple[list[Claim], int]:
    """The first ``limit`` shown claims of the place, newest first (the permalinked claim
    first when it is one of them), and how many there are in all."""
    page = shown.at_place(key, 0, limit)
    claims = list(page.claims)
    data = shown.data
    if linked and linked in data.by_id and all(c.id != linked for c in claims):
        row = data.columns.row_of(linked)
        claim = data.by_id[linked]
        if row is not None and shown.mask[row] and key == place_key(claim):
            claims = [claim, *claims[: limit - 1]]
    claims.sort(key=lambda c: c.id != linked)
    return claims, page.total


def _card(
    claim: Claim, key: str, data: SessionData, linked: str | None, disputes: list[Dispute],
    open_reader: Callable[[str, str], None],
) -> None:  # fmt: skip
    article = data.articles.get(claim.file)
    denies = _denied_by(claim.id, disputes, data) if claim.stance == "denies" else None
    st.html(
        claim_card_html(
            claim,
            data.palette,
            data.sources.label(claim),
            article,
            data.group_of.get(claim.id),
            place=key,
            linked=claim.id == linked,
            denies=denies,
            label_of=data.sources.label,
        ),
    )
    if article is not None:
        st.button(
            "Read in context",
            key=f"read_{key}_{claim.id}",
            on_click=open_reader,
            args=(claim.file, claim.id),
            help="The whole article, opened at this claim",
        )
    review_panel.controls(claim, key)


def place_panel(
    groups: list[PlaceSummary],
    shown: Shown,
    selected: str | None,
    linked_claim: str | None,
    pointers: dict[str, list[CounterClaim]],
    disputes: list[Dispute],
    open_reader: Callable[[str, str], None],
) -> None:
    """The panel: picker, then the selected place's summary, pointers and claims (a page
    at a time: only the claims listed are rebuilt and sent)."""
    data = shown.data
    by_key = {g.key: g for g in groups}
    st.subheader("Place details")
    if not by_key:
        st.info("No located claim passes the filters.")
        return
    key = picker(by_key, selected)
    if key is None:
        if selected:
            st.warning("The selected place has no claim under the current filters.")
        st.caption("Click a marker (or focus it and press Enter), or choose a place.")
        _overview(groups)
        return
    group = by_key[key]
    st.html(_summary_html(group, data))
    if pointers.get(key):
        _pointers(group, pointers[key], data)
    limit_key = f"_limit_{key}"
    limit = st.session_state.get(limit_key, PAGE)
    claims, total = _listed(shown, key, limit, linked_claim)
    for claim in claims:
        _card(claim, key, data, linked_claim, disputes, open_reader)
    if total > limit:
        rest = total - limit
        st.button(
            f"Show {min(rest, PAGE)} more of {rest} remaining",
            key=f"more_{key}",
            on_click=lambda: st.session_state.__setitem__(limit_key, limit + PAGE),
        )
