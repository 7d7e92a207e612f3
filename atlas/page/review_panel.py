"""Review in the dashboard: the review-status filter, the counts and who is reviewing in the
sidebar; under each claim of the place panel its status (a corrected value with the machine's
beside it), one-click **Confirm**, a **Review** form (reject with a reason; correct side, kind,
figure and qualifier, place — from the gazetteer or by hand —, dates and their precision; a
note; a corroborating or denying link) and the claim's audit log. Decisions go to the claim
store through :mod:`store.review`; without a reviewer identity the page says it is read-only
and offers no control (and the store refuses a write anyway).

The page calls :func:`prepare` once per run and :func:`statuses` before it (the memo depends
on the chosen statuses); the place panel calls :func:`controls` per claim; the table and the
downloads go through :func:`table`, :func:`geojson` and :func:`csv_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Any

import streamlit as st

from atlas import review, settings
from atlas.cards import esc
from atlas.review import DEFAULT_STATUSES, STATUS_LABELS, STATUSES, Overlay
from atlas.session import SessionData
from atlas.words import kind_label
from claims.model import DATE_PRECISIONS, KINDS, Claim
from store.review import Decision, Edit, Link, Relation, Reviewer, Status, Verdict

STATUS_KEY = "f_review_status"
VIEW_KEY = "_review_view"
OPEN_KEY = "_review_open"  # the claim whose review form is open
NOTICE_KEY = "_review_notice"  # claim id → (kind, message) shown once after a save
ERRORS_KEY = "_review_errors"  # claim id → field → message
LINK_CHOICES = 200
READ_ONLY = (
    "Read-only: no reviewer identity. Sign in (when the server has authentication) or set "
    "CLAIM_ATLAS_REVIEWER to confirm, reject or correct claims."
)


@dataclass(frozen=True)
class ReviewView:
    """What this run knows about review: the store, the reviewer, the decisions laid over
    the claims, the statuses shown, the sides a correction may choose."""

    store: Any
    reviewer: Reviewer | None
    overlay: Overlay
    statuses: frozenset[Status]
    sides: tuple[str, ...]
    data: SessionData

    @property
    def writable(self) -> bool:
        return self.store is not None and self.reviewer is not None


def _user() -> Any:
    try:
        return st.user
    except Exception:  # no authentication configured, or an older Streamlit
        return None


def statuses() -> frozenset[Status]:
    """The statuses the sidebar's filter has chosen (read before it is drawn)."""
    chosen = st.session_state.get(STATUS_KEY)
    return DEFAULT_STATUSES if chosen is None else frozenset(chosen)


def current() -> ReviewView | None:
    return st.session_state.get(VIEW_KEY)


# -- once per run ---------------------------------------------------------------------------


def prepare(
    box: Any, store: Any, overlay: Overlay, data: SessionData, problem: str | None
) -> ReviewView:
    """Draw the review-status filter, the counts and who is reviewing in ``box``; the view
    the rest of the page reads (:func:`current`)."""
    reviewer = review.identity(_user(), settings.reviewer_name())
    with box:
        chosen = _status_filter(overlay, data)
        st.caption(_identity_note(reviewer))
        _sign_in_out()
        if problem:
            st.warning(f"Review decisions cannot be read: {problem}")
    view = ReviewView(store, reviewer, overlay, chosen, tuple(data.palette.sides), data)
    st.session_state[VIEW_KEY] = view
    return view


def _status_filter(overlay: Overlay, data: SessionData) -> frozenset[Status]:
    counts = overlay.counts(n=data.total)
    chosen = st.multiselect(
        "Review status",
        options=list(STATUSES),
        default=[s for s in STATUSES if s in DEFAULT_STATUSES],
        format_func=STATUS_LABELS.__getitem__,  # fixed labels: the browser sends them back
        key=STATUS_KEY,
        help="Machine-read claims and analysts' decisions; rejected claims are hidden "
        "unless chosen here.",
    )
    decided = [f"{counts[s]} {STATUS_LABELS[s]}" for s in STATUSES if s is not Status.UNREVIEWED]
    st.caption("Reviewed so far: " + ", ".join(decided) + ".")
    hidden = counts[Status.REJECTED] if Status.REJECTED not in chosen else 0
    if hidden:
        st.caption(f"{hidden} claim{'s' if hidden != 1 else ''} rejected by reviewers, hidden.")
    if overlay.orphans:
        st.caption(
            f"{len(overlay.orphans)} review decision(s) match no claim (their quote is no "
            "longer in the article): kept — `claim-atlas review orphans` lists them."
        )
    return frozenset(chosen)


def _identity_note(reviewer: Reviewer | None) -> str:
    if reviewer is None:
        return READ_ONLY
    how = "signed in" if reviewer.source.value == "authentication" else "CLAIM_ATLAS_REVIEWER"
    return f"Reviewing as {reviewer.name} ({how})."


def _auth_configured() -> bool:
    """True when the server's secrets configure Streamlit authentication (``[auth]``)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _sign_in_out() -> None:
    if not _auth_configured():
        return
    user = _user()
    if user is not None and bool(review.get_attribute(user, "is_logged_in")):
        st.button("Sign out", key="rv_logout", on_click=st.logout)
    else:
        st.button("Sign in to review", key="rv_login", on_click=st.login)


def place_marks(shown: Any) -> dict[str, str]:
    """Place key → ``all`` (every shown claim there reviewed) or ``some``, for the markers."""
    view = current()
    if view is None or not view.overlay.book:
        return {}
    return review.place_marks(shown.data.columns, shown.mask, view.overlay)


# -- per claim ------------------------------------------------------------------------------


def controls(claim: Claim, where: str) -> None:
    """Under a claim card: its review status, machine values beside corrections, and (for a
    reviewer) Confirm and Review…; the form and the audit log when opened."""
    view = current()
    if view is None:
        return
    decision = view.overlay.decision(claim.id)
    if decision is not None:
        st.html(status_html(decision))
    elif view.writable:
        st.html('<div class="ca-review ca-review-machine">Machine-read · not reviewed</div>')
    notice = st.session_state.get(NOTICE_KEY, {}).pop(claim.id, None)
    if notice:
        (st.error if notice[0] == "error" else st.success)(notice[1])
    if not view.writable:
        return
    version = decision.version if decision else 0
    left, right = st.columns(2)
    left.button("Confirm", key=f"rv_ok_{where}_{claim.id}", on_click=_confirm,
                args=(claim.id, version), help="The machine read this claim right")  # fmt: skip
    right.button("Review…", key=f"rv_open_{where}_{claim.id}", on_click=_toggle,
                 args=(claim.id,), help="Reject, correct, note or link this claim")  # fmt: skip
    if st.session_state.get(OPEN_KEY) == claim.id:
        _form(view, claim.id, decision)


def status_html(decision: Decision) -> str:
    """A decision as the card shows it (every value escaped)."""
    when = decision.updated_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"{STATUS_LABELS[decision.status].capitalize()} by {esc(decision.reviewer)}, {when}"
    if decision.reason:
        text += f" — {esc(decision.reason)}"
    rows = [f'<div class="ca-review ca-review-{decision.status.value}">{text}</div>']
    for name, value, machine in review.machine_beside(decision):
        rows.append(
            f'<div class="ca-review-diff">{esc(name)}: <b>{esc(_shown(value))}</b> '
            f'<span class="ca-review-machine">(machine: {esc(_shown(machine))})</span></div>'
        )
    if decision.note:
        rows.append(f'<div class="ca-review-note">Note: {esc(decision.note)}</div>')
    for link in decision.links:
        rows.append(
            f'<div class="ca-review-note">{link.relation.value} claim {esc(link.target)}</div>'
        )
    return "".join(rows)


def _shown(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def _toggle(claim_id: str) -> None:
    open_now = st.session_state.get(OPEN_KEY)
    st.session_state[OPEN_KEY] = None if open_now == claim_id else claim_id


def _notice(claim_id: str, kind: str, message: str) -> None:
    st.session_state.setdefault(NOTICE_KEY, {})[claim_id] = (kind, message)


def _submit(claim_id: str, edit: Edit, version: int) -> bool:
    """Save; the outcome goes to the notice (and field errors to the form). True if saved."""
    from store.exc import ReviewConflict, ReviewInvalid, StoreError
    from store.review import save

    view = current()
    errors = st.session_state.setdefault(ERRORS_KEY, {})
    errors.pop(claim_id, None)
    machine = view.overlay.machine_claim(claim_id) if view else None
    if view is None or machine is None:
        return False
    try:
        save(view.store, machine, edit, view.reviewer, version, view.sides)
    except ReviewInvalid as exc:
        errors[claim_id] = exc.errors
        _notice(claim_id, "error", "Not saved: correct the fields marked below.")
        return False
    except ReviewConflict as exc:
        _notice(claim_id, "error", str(exc))
        return False
    except StoreError as exc:
        _notice(claim_id, "error", f"Not saved: {exc}")
        return False
    _notice(claim_id, "ok", "Saved.")
    return True


def _confirm(claim_id: str, version: int) -> None:
    view = current()
    decision = view.overlay.decision(claim_id) if view else None
    _submit(claim_id, _keep_rest(decision, Edit(Verdict.CONFIRMED)), version)


def _keep_rest(decision: Decision | None, edit: Edit) -> Edit:
    """``edit`` with the decision's corrections, note and links kept."""
    if decision is None:
        return edit
    return Edit(edit.verdict, edit.reason, decision.corrections, decision.note, decision.links)


# -- the form -------------------------------------------------------------------------------

FIELDS = ("side", "kind", "figure", "figure_qualifier", "date_start", "date_end",
          "date_precision")  # fmt: skip
CHOICES = ("side", "kind", "date_precision")
LABELS = {"side": "Side", "kind": "Kind", "figure": "Figure", "figure_qualifier": "Qualifier",
          "date_start": "From (YYYY-MM-DD)", "date_end": "To (YYYY-MM-DD)",
          "date_precision": "Date precision", "place": "Place name", "lat": "Latitude",
          "lon": "Longitude", "reason": "Reason for rejecting", "note": "Note",
          "links": "Link", "corrections": "Corrections", "place_id": "Place"}  # fmt: skip


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _form(view: ReviewView, claim_id: str, decision: Decision | None) -> None:
    machine = view.overlay.machine_claim(claim_id)
    if machine is None:
        return
    shown = decision.reviewed(machine) if decision else machine
    errors = st.session_state.get(ERRORS_KEY, {}).get(claim_id, {})
    version = decision.version if decision else 0
    key = f"rv_{claim_id}_{version}"
    place = _place_search(shown, key)
    where_key = f"{key}_{place[3] or 'none'}"  # fresh place fields when a search picks one
    with st.form(f"{key}_form", border=True):
        st.markdown("**Review this claim**")
        for name in FIELDS:
            _field(view, name, shown, key, errors)
        _place_fields(place, where_key, errors)
        st.text_area(LABELS["note"], value=_text(decision.note if decision else ""),
                     key=f"{key}_note", height=68)  # fmt: skip
        _error(errors, "note")
        _link_fields(view, machine, decision, key)
        _error(errors, "links")
        st.text_input(LABELS["reason"], value=_text(decision.reason if decision else ""),
                      key=f"{key}_reason")  # fmt: skip
        _error(errors, "reason")
        _error(errors, "corrections")
        one, two = st.columns(2)
        one.form_submit_button("Save correction", key=f"{key}_save", on_click=_save_form,
                               args=(claim_id, version, False, place[3], key))  # fmt: skip
        two.form_submit_button("Reject", key=f"{key}_reject", on_click=_save_form,
                               args=(claim_id, version, True, place[3], key))  # fmt: skip
    if decision is not None:
        _history(view, decision)


def _field(view: ReviewView, name: str, shown: Claim, key: str, errors: dict[str, str]) -> None:
    value = getattr(shown, name)
    label = LABELS[name]
    if name in CHOICES:
        options = {"side": list(dict.fromkeys([*view.sides, shown.side])), "kind": list(KINDS),
                   "date_precision": list(DATE_PRECISIONS)}[name]  # fmt: skip
        if value not in options:
            options.append(value)
        st.selectbox(label, options, index=options.index(value), key=f"{key}_{name}")
    else:
        st.text_input(label, value=_text(value), key=f"{key}_{name}")
    _error(errors, name)


def _place_fields(place: tuple[Any, ...], key: str, errors: dict[str, str]) -> None:
    st.text_input(LABELS["place"], value=_text(place[0]), key=f"{key}_place")
    _error(errors, "place")
    _error(errors, "place_id")
    a, b = st.columns(2)
    a.text_input(LABELS["lat"], value=_text(place[1]), key=f"{key}_lat")
    b.text_input(LABELS["lon"], value=_text(place[2]), key=f"{key}_lon")
    _error(errors, "lat")
    _error(errors, "lon")


def _error(errors: dict[str, str], name: str) -> None:
    if name in errors:
        st.error(f"{LABELS.get(name, name)}: {errors[name]}")


def _place_search(shown: Claim, key: str) -> tuple[Any, Any, Any, str | None]:
    """The gazetteer search above the form: (name, lat, lon, place id) to prefill."""
    query = st.text_input(
        "Find a place in the gazetteer", key=f"{key}_find",
        placeholder="e.g. Bazarak; or type a name and coordinates below to place it by hand",
    )  # fmt: skip
    base = (shown.place or shown.unresolved_place, shown.lat, shown.lon, shown.place_id)
    if not query.strip():
        return base
    found = review.search_places(_gazetteer_places(), query)
    if not found:
        st.caption("No gazetteer place by that name: give a name and coordinates by hand.")
        return base
    chosen = st.selectbox(
        "Gazetteer matches", found, key=f"{key}_found",
        format_func=lambda p: f"{p.name} ({p.kind}, {p.province or p.country or ''})",
    )  # fmt: skip
    return (chosen.name, round(chosen.lat, 6), round(chosen.lon, 6), chosen.id)


@st.cache_resource(show_spinner=False)
def _gazetteer_places() -> tuple[Any, ...]:
    from geo import load_gazetteer

    return tuple(load_gazetteer().places)


def _link_fields(view: ReviewView, machine: Claim, decision: Decision | None, key: str) -> None:
    others = link_candidates(view.data, machine)
    options = ["", *[c.id for c in others]]
    current_link = decision.links[0] if decision and decision.links else None
    labels = {c.id: f"{c.claimant or c.side}: {c.quote[:60]}" for c in others}
    a, b = st.columns([1, 2])
    relations = [r.value for r in Relation]
    at = relations.index(current_link.relation.value) if current_link else 0
    a.selectbox(LABELS["links"], relations, key=f"{key}_relation", index=at)
    target = current_link.target if current_link and current_link.target in options else ""
    b.selectbox("…the claim", options, index=options.index(target), key=f"{key}_target",
                format_func=lambda i: labels.get(i, "(no link)"))  # fmt: skip


def link_candidates(data: SessionData, machine: Claim) -> list[Claim]:
    """Claims this one may corroborate or deny: those at the same place (else of the same
    article), newest first, at most :data:`LINK_CHOICES` (read from the columns: a large
    store does not fill the list)."""
    from store.query import Order

    columns = data.columns
    row = columns.row_of(machine.id)
    if row is not None and columns.place.codes[row] >= 0:
        here = columns.place.codes == columns.place.codes[row]
        found = columns.page_of(here, 0, LINK_CHOICES + 1, Order.NEWEST).claims
    else:
        found = tuple(data.by_file.get(machine.file, ()))
    return [c for c in found if c.id != machine.id][:LINK_CHOICES]


def _save_form(claim_id: str, version: int, reject: bool, place_id: str | None, key: str) -> None:
    view = current()
    machine = view.overlay.machine_claim(claim_id) if view else None
    if view is None or machine is None:
        return
    decision = view.overlay.decision(claim_id)
    state = st.session_state
    raw = form_corrections(state, key, machine, decision, place_id)
    target = state.get(f"{key}_target") or ""
    links = (Link(target, Relation(state.get(f"{key}_relation"))),) if target else ()
    note = state.get(f"{key}_note")
    if reject:
        edit = Edit(Verdict.REJECTED, state.get(f"{key}_reason"), raw, note, links)
    else:
        kept = decision.verdict if decision else None
        verdict = kept if kept and kept is not Verdict.REJECTED else Verdict.CONFIRMED
        edit = Edit(verdict, None, raw, note, links)
    if _submit(claim_id, edit, version):
        state[OPEN_KEY] = None


def form_corrections(
    state: Any, key: str, machine: Claim, decision: Decision | None, place_id: str | None
) -> dict[str, Any]:
    """The corrections the form holds: the decision's, with every field the reviewer changed
    (raw text; :mod:`store.review_fields` checks it)."""
    shown = decision.reviewed(machine) if decision else machine
    raw: dict[str, Any] = dict(decision.corrections) if decision else {}
    for name in FIELDS:
        value = state.get(f"{key}_{name}")
        if _text(value).strip() != _text(getattr(shown, name)).strip():
            raw[name] = value
    _place_changes(state, f"{key}_{place_id or 'none'}", shown, place_id, raw)
    return raw


def _place_changes(state: Any, key: str, shown: Claim, place_id: str | None, raw: dict) -> None:
    """The place fields, when changed: from the gazetteer search (``place_id`` differs from
    the claim's) or typed by hand (no gazetteer id then)."""
    typed = tuple(_text(state.get(f"{key}_{f}")).strip() for f in ("place", "lat", "lon"))
    before = (shown.place or shown.unresolved_place, shown.lat, shown.lon)
    searched = place_id is not None and place_id != shown.place_id
    if typed == tuple(_text(v).strip() for v in before) and not searched:
        return
    raw.update(dict(zip(("place", "lat", "lon"), typed, strict=True)))
    raw["place_id"] = place_id if searched else None


def _history(view: ReviewView, decision: Decision) -> None:
    from store.review import audit

    entries = audit(view.store, decision)
    with st.expander(f"History ({len(entries)})"):
        for e in reversed(entries):
            changes = "; ".join(f"{k}: {_shown(a)} → {_shown(b)}" for k, a, b in e.changes())
            st.markdown(
                f"- {e.at:%Y-%m-%d %H:%M:%S} UTC · **{_md(e.reviewer)}** · {e.action.value}"
                + (f" · {_md(changes)}" if changes else "")
            )


def _md(text: str) -> str:
    from atlas.page.place_panel import md_escape

    return md_escape(text)


# -- the table and the downloads --------------------------------------------------------------


def table(frame: Any) -> Any:
    """The claims table with ``review`` and ``machine value`` columns (after ``quote``)."""
    view = current()
    if view is None or "id" not in frame:
        return frame
    status, machine = review.table_columns(list(frame["id"]), view.overlay)
    out = frame.copy()
    at = list(out.columns).index("quote") + 1 if "quote" in out.columns else len(out.columns)
    out.insert(at, "review", status)
    out.insert(at + 1, "machine value", machine)
    return out


def geojson(doc: dict[str, Any]) -> dict[str, Any]:
    view = current()
    return doc if view is None else review.annotate_geojson(doc, view.overlay)


def csv_text(text: str) -> str:
    view = current()
    return text if view is None else review.annotate_csv(text, view.overlay)


UNPLACED_LIST = 500


def unplaced(data: SessionData) -> None:
    """Claims the map cannot show (a place the gazetteer lacks, like "Danah"): pick one to
    review it and place it by hand (Data issues tab)."""
    view = current()
    columns = data.columns
    rows = (columns.place.codes < 0).nonzero()[0]
    if view is None or not view.writable or not len(rows):
        return
    missing = columns.claims_at(rows[:UNPLACED_LIST])
    st.markdown(
        f"**{len(rows)} claim{'s' if len(rows) != 1 else ''} not on the map** (a place the "
        "gazetteer does not know): review one to find its place or put it on the map by hand."
    )
    by_id = {c.id: c for c in missing}
    labels = {  # numbered: two claims of one quote (two kinds) must read apart
        c.id: f"{n}. {c.unresolved_place or 'no place'} · {kind_label(c.kind)} · {c.quote[:70]}"
        for n, c in enumerate(missing, 1)
    }
    picked = st.selectbox(
        "Claim not on the map", list(by_id), index=None, key="rv_unplaced",
        format_func=labels.__getitem__, placeholder="Choose a claim to review",
    )  # fmt: skip
    if picked:
        st.html(f'<div class="ca-review-note">“{esc(by_id[picked].quote)}”</div>')
        controls(by_id[picked], "unplaced")
