"""Review decisions as the dashboard shows them: who is reviewing, which decision belongs to
which claim, the claims with their corrections applied — as an overlay on the store's
columns — the review-status filter, and the review columns of the table and the exports.
Plain Python (no Streamlit), so all of it is tested without a browser.

- :func:`identity`: Streamlit's ``st.user`` when authentication is configured and the user is
  signed in, else ``CLAIM_ATLAS_REVIEWER``, else None (the dashboard is read-only).
- :func:`overlay`: the store's decisions laid over a :class:`~store.columnar.ColumnarClaims`:
  a status code per row (a mask per status filter) and the corrected rows replaced
  (:meth:`~store.columnar.ColumnarClaims.replaced`: only those rows recomputed). Ingestion
  re-attaches decisions to edited articles (:mod:`store.reattach`); a decision whose claim id
  and quote hash name no row is an orphan, counted and listed, never dropped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from claims.model import Claim
from store.columnar import ColumnarClaims
from store.reattach import quote_hash
from store.review import Decision, IdentitySource, Reviewer, Status
from store.review_fields import CORRECTABLE

STATUSES = tuple(Status)
"""The review statuses in filter order; a row's status code is its index here."""
CODE = {status: i for i, status in enumerate(STATUSES)}
DEFAULT_STATUSES = frozenset(s for s in Status if s is not Status.REJECTED)
"""Shown unless the reviewer asks: every status but rejected."""
STATUS_LABELS = {
    Status.UNREVIEWED: "not reviewed (machine-read)",
    Status.CONFIRMED: "confirmed",
    Status.CORRECTED: "corrected",
    Status.REJECTED: "rejected",
}


# -- who ------------------------------------------------------------------------------------


def identity(user: Any = None, name: str | None = None) -> Reviewer | None:
    """Who is reviewing: the signed-in user (``st.user``, when authentication is configured),
    else ``name`` (``CLAIM_ATLAS_REVIEWER``), else None (read-only)."""
    if user is not None and bool(get_attribute(user, "is_logged_in")):
        for attribute in ("email", "name", "sub"):
            value = get_attribute(user, attribute)
            if isinstance(value, str) and value.strip():
                return Reviewer(value.strip(), IdentitySource.AUTHENTICATION)
    return Reviewer(name, IdentitySource.SETTING) if name else None


def get_attribute(user: Any, name: str) -> Any:
    """``user[name]`` of an ``st.user``-like object, None when it has no such key."""
    try:
        return user.get(name) if hasattr(user, "get") else getattr(user, name, None)
    except Exception:  # st.user raises for unknown keys on some versions
        return None


# -- the overlay ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Overlay:
    """The decisions laid over a set of columns: ``book`` (claim id → decision), ``status``
    (a :data:`CODE` per row; rows added later, e.g. uploads, count as unreviewed), the
    reviewed ``columns`` and the ``machine``'s, and the decisions that fit no row."""

    machine: ColumnarClaims
    columns: ColumnarClaims
    status: np.ndarray
    book: Mapping[str, Decision] = field(default_factory=dict)
    orphans: tuple[Decision, ...] = ()
    corrected: Mapping[int, Claim] = field(default_factory=dict)  # row → the claim as corrected

    def parts(self) -> tuple[Any, ...]:
        """What :func:`restored` needs to rebuild this overlay over the same claims, keyed by
        claim id, not row (kept in a file for the next start; the columns are the snapshot's,
        whose row order another load of the same claims need not repeat)."""
        return (dict(self.book), self.orphans, {c.id: c for c in self.corrected.values()})

    def decision(self, claim_id: str) -> Decision | None:
        return self.book.get(claim_id)

    def status_of(self, claim_id: str) -> Status:
        d = self.book.get(claim_id)
        return d.status if d else Status.UNREVIEWED

    def codes(self, n: int) -> np.ndarray:
        """The status codes of ``n`` rows (the overlay's, then unreviewed ones)."""
        if n <= len(self.status):
            return self.status[:n]
        return np.concatenate([self.status, np.zeros(n - len(self.status), dtype=np.int8)])

    def keep(self, statuses: Collection[Status], n: int) -> np.ndarray:
        """The mask of the rows whose status is one of ``statuses``."""
        return np.isin(self.codes(n), [CODE[s] for s in statuses])

    def counts(self, mask: np.ndarray | None = None, n: int | None = None) -> dict[Status, int]:
        """Claims per status (among ``mask``, else all)."""
        codes = self.codes(len(self.status) if n is None else n)
        if mask is not None:
            codes = codes[mask]
        found = np.bincount(codes, minlength=len(STATUSES))
        return {s: int(found[CODE[s]]) for s in STATUSES}

    def machine_claim(self, claim_id: str) -> Claim | None:
        """The machine's claim (what a decision is saved against)."""
        return self.machine.claim(claim_id)


def overlay(columns: ColumnarClaims, decisions: Iterable[Decision]) -> Overlay:
    """``decisions`` laid over ``columns`` (the machine's claims, as stored): each on the row
    of its claim id whose quote still has the decision's hash, else an orphan."""
    status = np.zeros(columns.n, dtype=np.int8)
    book: dict[str, Decision] = {}
    orphans: list[Decision] = []
    changes: dict[int, Claim] = {}
    for d in decisions:
        row = columns.row_of(d.claim_id)
        if row is None or quote_hash(columns.claim_at(row).quote) != d.quote_sha:
            orphans.append(d)
            continue
        book[d.claim_id] = d
        status[row] = CODE[d.status]
        if d.corrections:
            changes[row] = d.reviewed(columns.claim_at(row))
    reviewed = columns.replaced(changes)
    return Overlay(columns, reviewed, status, book, tuple(orphans), changes)


def restored(columns: ColumnarClaims, parts: tuple[Any, ...]) -> Overlay | None:
    """The overlay whose :meth:`Overlay.parts` were kept, over the same machine ``columns``
    (None when the parts do not fit them: then lay the decisions anew)."""
    try:
        book, orphans, corrected = parts
        book, corrected = dict(book), dict(corrected)
    except (TypeError, ValueError):
        return None  # a file of another shape: as if absent
    status = np.zeros(columns.n, dtype=np.int8)
    for claim_id, d in book.items():
        row = columns.row_of(claim_id)
        if row is None:
            return None
        status[row] = CODE[d.status]
    changes: dict[int, Claim] = {}
    for claim_id, claim in corrected.items():
        row = columns.row_of(claim_id)
        if row is None:
            return None
        changes[row] = claim
    return Overlay(columns, columns.replaced(changes), status, book, orphans, changes)


def empty_overlay(columns: ColumnarClaims) -> Overlay:
    """No decisions (no store to read them from)."""
    return Overlay(columns, columns, np.zeros(columns.n, dtype=np.int8))


def machine_beside(decision: Decision) -> list[tuple[str, Any, Any]]:
    """(field, reviewed value, machine value) for each corrected field, in form order."""
    machine = decision.machine
    return [
        (name, decision.corrections[name], machine.get(name))
        for name in CORRECTABLE
        if name in decision.corrections
    ]


def place_marks(columns: ColumnarClaims, mask: np.ndarray, view: Overlay) -> dict[str, str]:
    """Place key → ``all`` when every shown claim of the place has a decision, ``some`` when
    one has; places with none are left out (two bincounts over the shown rows)."""
    keep = mask & (columns.place.codes >= 0)
    codes = columns.place.codes[keep]
    decided = view.codes(columns.n)[keep] != CODE[Status.UNREVIEWED]
    size = len(columns.place.labels)
    total = np.bincount(codes, minlength=size)
    done = np.bincount(codes[decided], minlength=size)
    labels = columns.place.labels
    return {labels[p]: "all" if done[p] == total[p] else "some" for p in np.flatnonzero(done)}


# -- the gazetteer search -------------------------------------------------------------------


def search_places(places: Iterable[Any], query: str, limit: int = 12) -> list[Any]:
    """Gazetteer places whose name or an alias contains ``query`` (case- and accent-blind),
    names starting with it first, then by population."""
    wanted = _fold(query)
    if not wanted:
        return []
    scored = []
    for place in places:
        names = [_fold(n) for n in (place.name, *place.aliases)]
        if any(wanted in n for n in names):
            starts = any(n.startswith(wanted) for n in names)
            scored.append((not starts, -(getattr(place, "population", 0) or 0), place.name, place))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored[:limit]]


def _fold(text: str | None) -> str:
    """Case-, accent- and punctuation-blind form of a name."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


# -- the table and the exports --------------------------------------------------------------

REVIEW_FIELDS = ("review_status", "reviewed_by", "review_reason", "machine_values")
"""Columns the table and exports gain: the status, who and why, and the machine's value of
each corrected field (``field: value``, ``; ``-separated in CSV; an object in GeoJSON)."""


def review_fields(claim_id: str, view: Overlay) -> dict[str, Any]:
    d = view.decision(claim_id)
    if d is None:
        return {"review_status": Status.UNREVIEWED.value, "reviewed_by": None,
                "review_reason": None, "machine_values": None}  # fmt: skip
    machine = {name: old for name, _new, old in machine_beside(d)}
    return {"review_status": d.status.value, "reviewed_by": d.reviewer,
            "review_reason": d.reason, "machine_values": machine or None}  # fmt: skip


def machine_text(values: Mapping[str, Any] | None) -> str:
    return "; ".join(f"{k}: {'' if v is None else v}" for k, v in (values or {}).items())


def annotate_geojson(doc: dict[str, Any], view: Overlay) -> dict[str, Any]:
    """The export's features with the review fields added to their properties."""
    for feature in doc.get("features", ()):
        feature["properties"].update(review_fields(str(feature.get("id")), view))
    return doc


def annotate_csv(text: str, view: Overlay) -> str:
    """The CSV export with the review columns appended (formula-guarded like the rest)."""
    from claims.export import FORMULA_START

    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0]) if rows else next(csv.reader(io.StringIO(text)), [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*fields, *REVIEW_FIELDS], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        extra = review_fields(row.get("id", ""), view)
        extra["machine_values"] = machine_text(extra["machine_values"])
        for key, value in extra.items():
            cell = "" if value is None else str(value)
            row[key] = "'" + cell if cell.startswith(FORMULA_START) else cell
        writer.writerow(row)
    return out.getvalue()


def table_columns(ids: Sequence[str], view: Overlay) -> tuple[list[str], list[str]]:
    """The claims table's ``review`` and ``machine value`` cells for the rows ``ids``."""
    status, machine = [], []
    for claim_id in ids:
        f = review_fields(claim_id, view)
        who = f" by {f['reviewed_by']}" if f["reviewed_by"] else ""
        status.append(STATUS_LABELS[Status(f["review_status"])] + who)
        machine.append(machine_text(f["machine_values"]))
    return status, machine
