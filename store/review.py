"""Analyst review: confirm, reject or correct a claim — stored apart from the machine's claims,
kept across re-extraction, shared by a team.

    from store.review import Edit, Reviewer, Verdict, save, decision_for
    d = decision_for(db, claim)                        # None: not reviewed yet
    save(db, claim, Edit(Verdict.REJECTED, reason="history, not news"),
         Reviewer("ana"), expected_version=d.version if d else 0)

Guarantees:

- A decision is keyed by the claim's id and the hash of its quote, in ``decisions``;
  ingestion never overwrites it. When an article is edited and ingested again the writer calls
  :func:`reattach`, which moves decisions whose claim is gone to the claim with the same quote
  (:mod:`store.reattach`); those it cannot place are :func:`orphans`, never dropped.
- Every change appends a row to ``review_audit`` (who, when, the state before and after) in the
  same transaction; triggers refuse UPDATE and DELETE of audit rows.
- Optimistic versions: :func:`save` names the version it was read at; when another reviewer
  saved since, it raises :class:`~store.exc.ReviewConflict` carrying their decision.
- Bad fields raise :class:`~store.exc.ReviewInvalid` (every field's message) and nothing is
  written; without a reviewer identity every write raises :class:`~store.exc.ReviewReadOnly`.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, insert, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from claims.model import SIDES, Claim
from store import reattach as matching
from store.exc import ReviewConflict, ReviewInvalid, ReviewReadOnly, StoreError
from store.reattach import file_name, quote_hash
from store.review_fields import apply, validate
from store.schema import claims, decisions, review_audit

if TYPE_CHECKING:
    from store.database import Store

INGEST_REVIEWER = "claim-atlas ingest"
"""The name audit rows of re-attachment carry."""
MAX_NOTE = 4000


class Verdict(enum.Enum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    CORRECTED = "corrected"


class Status(enum.Enum):
    """A claim's review status, as the dashboard filters by it."""

    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class Relation(enum.Enum):
    CORROBORATES = "corroborates"
    DENIES = "denies"


class Action(enum.Enum):
    CONFIRM = "confirm"
    REJECT = "reject"
    CORRECT = "correct"
    CLEAR = "clear"  # the verdict withdrawn
    NOTE = "note"
    LINK = "link"
    REATTACH = "reattach"


class IdentitySource(enum.Enum):
    AUTHENTICATION = "authentication"  # Streamlit's st.user
    SETTING = "setting"  # CLAIM_ATLAS_REVIEWER


@dataclass(frozen=True)
class Reviewer:
    name: str
    source: IdentitySource = IdentitySource.SETTING


@dataclass(frozen=True)
class Link:
    """This claim corroborates or denies the claim ``target`` (its id)."""

    target: str
    relation: Relation

    def to_json(self) -> dict[str, str]:
        return {"target": self.target, "relation": self.relation.value}


@dataclass(frozen=True)
class Edit:
    """What a reviewer submits: the whole decision as it should be after saving. Corrections
    are raw form values (``"1,200"``, ``"2021-09-03"``) checked by :mod:`store.review_fields`."""

    verdict: Verdict | None = None
    reason: str | None = None
    corrections: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Decision:
    """A stored decision about one claim."""

    pk: int
    claim_id: str
    quote_sha: str
    file: str
    quote: str
    machine_json: str = field(repr=False)  # the machine's claim (Claim.to_dict), as stored
    verdict: Verdict | None
    reason: str | None
    corrections: dict[str, Any]
    note: str | None
    links: tuple[Link, ...]
    version: int
    reviewer: str
    updated_at: datetime

    @cached_property
    def machine(self) -> dict[str, Any]:
        """The machine's claim when decided or re-attached (parsed on first use: a dashboard
        loading 10,000 decisions reads few of them)."""
        return json.loads(self.machine_json)

    @property
    def file_name(self) -> str:
        return file_name(self.file)

    @property
    def machine_kind(self) -> str:
        return str(self.machine.get("kind", ""))

    @property
    def machine_place(self) -> str | None:
        return self.machine.get("place_id") or self.machine.get("unresolved_place")

    @property
    def status(self) -> Status:
        return Status(self.verdict.value) if self.verdict else Status.UNREVIEWED

    def machine_claim(self) -> Claim:
        return Claim(**self.machine)

    def reviewed(self, claim: Claim | None = None) -> Claim:
        """The claim (by default the machine's as stored here) with the corrections applied."""
        return apply(claim or self.machine_claim(), self.corrections)

    def state(self) -> dict[str, Any]:
        """What the audit log records before and after a change."""
        return {
            "claim_id": self.claim_id, "verdict": self.verdict.value if self.verdict else None,
            "reason": self.reason, "corrections": self.corrections, "note": self.note,
            "links": [link.to_json() for link in self.links],
        }  # fmt: skip


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    reviewer: str
    action: Action
    version: int
    before: dict[str, Any] | None
    after: dict[str, Any]

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(what, before, after) for every part of the decision that changed."""
        before = self.before or {}
        out = []
        for key, new in self.after.items():
            old = before.get(key)
            if key == "corrections":
                for name in sorted(set(new or {}) | set(old or {})):
                    a, b = (old or {}).get(name), (new or {}).get(name)
                    if a != b:
                        out.append((name, a, b))
            elif old != new:
                out.append((key, old, new))
        return out


# -- identity ------------------------------------------------------------------------------


def require_reviewer(reviewer: Reviewer | None) -> Reviewer:
    """The reviewer, or ReviewReadOnly when there is none (the store refuses anonymous writes
    whatever the dashboard shows)."""
    if reviewer is None or not reviewer.name.strip():
        raise ReviewReadOnly(
            "read-only: no reviewer identity (sign in, or set CLAIM_ATLAS_REVIEWER); "
            "review decisions were not saved"
        )
    return reviewer


# -- reading -------------------------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _decision(row: Row[Any]) -> Decision:
    m = row._mapping
    return Decision(
        pk=m["pk"], claim_id=m["claim_id"], quote_sha=m["quote_sha"], file=m["file"],
        quote=m["quote"], machine_json=m["machine"],
        verdict=Verdict(m["verdict"]) if m["verdict"] else None, reason=m["reason"],
        corrections=json.loads(m["corrections"]), note=m["note"],
        links=tuple(Link(x["target"], Relation(x["relation"])) for x in json.loads(m["links"])),
        version=m["version"], reviewer=m["reviewer"], updated_at=_utc(m["updated_at"]),
    )  # fmt: skip


def _find(conn: Connection, claim_id: str, sha: str, lock: bool = False) -> Decision | None:
    q = select(decisions).where(decisions.c.claim_id == claim_id, decisions.c.quote_sha == sha)
    if lock and conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).first()
    return None if row is None else _decision(row)


def decision_for(store: Store, claim: Claim) -> Decision | None:
    """The decision about ``claim`` (by its id and quote hash), or None."""
    with store.reading() as conn:
        return _find(conn, claim.id, quote_hash(claim.quote))


def all_decisions(store: Store) -> list[Decision]:
    """Every decision, attached or not, oldest first."""
    with store.reading() as conn:
        rows = conn.execute(select(decisions).order_by(decisions.c.pk)).fetchall()
    return [_decision(r) for r in rows]


def orphans(store: Store) -> list[Decision]:
    """Decisions whose claim is no longer in the store (its article edited so that the quote
    is gone, or removed): kept and listed, for a reviewer to look at."""
    d, c = decisions.c, claims.c
    q = (
        select(decisions)
        .outerjoin(claims, c.id == d.claim_id)
        .where(c.pk.is_(None))
        .order_by(d.file_name, d.pk)
    )
    with store.reading() as conn:
        return [_decision(r) for r in conn.execute(q)]


def audit(store: Store, decision: Decision | int) -> list[AuditEntry]:
    """The audit log of one decision, oldest first."""
    pk = decision.pk if isinstance(decision, Decision) else decision
    a = review_audit.c
    q = select(review_audit).where(a.decision_pk == pk).order_by(a.pk)
    with store.reading() as conn:
        return [_entry(r) for r in conn.execute(q)]


def _entry(r: Row[Any]) -> AuditEntry:
    before = json.loads(r.before) if r.before else None
    return AuditEntry(_utc(r.at), r.reviewer, Action(r.action), r.version, before,
                      json.loads(r.after))  # fmt: skip


# -- writing -------------------------------------------------------------------------------


def _check(claim: Claim, edit: Edit, sides: Collection[str]) -> dict[str, Any]:
    """The edit's corrections, checked with the other fields; ReviewInvalid lists them all."""
    errors: dict[str, str] = {}
    try:
        corrections = validate(claim, edit.corrections, sides)
    except ReviewInvalid as exc:
        errors.update(exc.errors)
        corrections = {}
    if edit.verdict is Verdict.REJECTED and not (edit.reason or "").strip():
        errors["reason"] = "say why the claim is rejected"
    if edit.verdict is Verdict.CORRECTED and not corrections and not errors:
        errors["corrections"] = "no value differs from the machine's; confirm it instead"
    if edit.note and len(edit.note) > MAX_NOTE:
        errors["note"] = f"at most {MAX_NOTE} characters, got {len(edit.note)}"
    for link in edit.links:
        if link.target == claim.id:
            errors["links"] = "a claim cannot corroborate or deny itself"
    if errors:
        raise ReviewInvalid(errors)
    return corrections


def _verdict(edit: Edit, corrections: dict[str, Any]) -> Verdict | None:
    """Corrections make a confirmed (or undecided) claim a corrected one."""
    if edit.verdict is Verdict.REJECTED:
        return Verdict.REJECTED
    if corrections:
        return Verdict.CORRECTED
    return Verdict.CONFIRMED if edit.verdict is Verdict.CORRECTED else edit.verdict


def _action(before: dict[str, Any] | None, after: dict[str, Any]) -> Action:
    old = before or {"verdict": None, "corrections": {}, "links": []}
    if old.get("verdict") != after["verdict"]:
        return {None: Action.CLEAR, "confirmed": Action.CONFIRM, "rejected": Action.REJECT,
                "corrected": Action.CORRECT}[after["verdict"]]  # fmt: skip
    if old.get("corrections") != after["corrections"]:
        return Action.CORRECT
    if old.get("links") != after["links"]:
        return Action.LINK
    return Action.NOTE


def _conflict(current: Decision | None, expected: int) -> ReviewConflict:
    if current is None:
        return ReviewConflict(
            "conflict: the decision you started from was withdrawn; reload the claim", None
        )
    what = current.verdict.value if current.verdict else "a note"
    changed = ", ".join(f"{k} → {v!r}" for k, v in current.corrections.items())
    return ReviewConflict(
        f"conflict: {current.reviewer} saved this claim ({what}"
        f"{': ' + changed if changed else ''}) at {current.updated_at:%Y-%m-%d %H:%M:%S} UTC, "
        f"after you opened it (version {current.version}, you had {expected}); nothing of "
        "yours was saved — look at their change and decide again",
        current,
    )


def save(
    store: Store,
    claim: Claim,
    edit: Edit,
    reviewer: Reviewer | None,
    expected_version: int,
    sides: Collection[str] = SIDES,
) -> Decision:
    """Save ``edit`` as the decision about ``claim`` (the machine's claim), if the decision is
    still at ``expected_version`` (0: none yet). One transaction: the decision and its audit
    row, or nothing. Raises ReviewReadOnly, ReviewInvalid or ReviewConflict."""
    who = require_reviewer(reviewer)
    corrections = _check(claim, edit, sides)
    sha = quote_hash(claim.quote)
    try:
        with store.writing() as conn:
            return _write(conn, claim, sha, edit, corrections, who.name, expected_version)
    except StoreError as exc:
        if isinstance(exc.__cause__, IntegrityError):  # a first decision inserted concurrently
            raise _conflict(decision_for(store, claim), expected_version) from exc
        raise


def _write(
    conn: Connection,
    claim: Claim,
    sha: str,
    edit: Edit,
    corrections: dict[str, Any],
    who: str,
    expected: int,
) -> Decision:
    from store.writer import REVIEWS_GENERATION, bump

    current = _find(conn, claim.id, sha, lock=True)
    if (current.version if current else 0) != expected:
        raise _conflict(current, expected)
    now = datetime.now(UTC)
    verdict = _verdict(edit, corrections)
    reason = (edit.reason or "").strip() or None
    values = {
        "verdict": verdict.value if verdict else None,
        "reason": reason if verdict is Verdict.REJECTED else None,
        "corrections": json.dumps(corrections, ensure_ascii=False, sort_keys=True),
        "note": (edit.note or "").strip() or None,
        "links": json.dumps([link.to_json() for link in edit.links]),
        "version": expected + 1, "reviewer": who, "updated_at": now,
        "file": claim.file, "file_name": file_name(claim.file),
        "machine": json.dumps(claim.to_dict(), ensure_ascii=False),
    }  # fmt: skip
    if current is None:
        row = {"claim_id": claim.id, "quote_sha": sha, "quote": claim.quote,
               "created_at": now, **values}  # fmt: skip
        pk = conn.execute(insert(decisions).returning(decisions.c.pk), row).scalar_one()
    else:
        pk = current.pk
        done = conn.execute(
            update(decisions)
            .where(and_(decisions.c.pk == pk, decisions.c.version == expected))
            .values(**values)
        )
        if done.rowcount != 1:
            raise _conflict(_find(conn, claim.id, sha), expected)
    saved = _find(conn, claim.id, sha)
    assert saved is not None
    before = current.state() if current else None
    _log(conn, pk, now, who, _action(before, saved.state()), saved.version, before, saved.state())
    bump(conn, REVIEWS_GENERATION)
    return saved


def _log(
    conn: Connection,
    pk: int,
    at: datetime,
    who: str,
    action: Action,
    version: int,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    conn.execute(
        insert(review_audit),
        {"decision_pk": pk, "at": at, "reviewer": who, "action": action.value,
         "version": version, "before": json.dumps(before) if before is not None else None,
         "after": json.dumps(after)},
    )  # fmt: skip


# -- re-attachment (called by the ingestion writer) ------------------------------------------


@dataclass(frozen=True)
class Reattached:
    moved: int
    orphaned: int


def reattach(conn: Connection, article_pks: Iterable[int], now: datetime) -> Reattached:
    """Inside the writer's transaction, after the claims of ``article_pks`` were replaced:
    decisions about claims of those articles' files that are gone move to the claim with the
    same quote; the rest stay orphaned."""
    from store.writer import REVIEWS_GENERATION, bump

    pks = sorted(set(article_pks))
    fresh = _claims_of(conn, pks)
    names = sorted({file_name(c.file) for c in fresh} | _file_names(conn, pks))
    found = _decisions_named(conn, names)
    present = {(c.id, quote_hash(c.quote)) for c in fresh}
    loose = [d for d in found if (d.claim_id, d.quote_sha) not in present]
    if not loose:
        return Reattached(0, 0)
    taken = {(d.claim_id, d.quote_sha) for d in found}
    place_of = {c.id: c.place_id or c.unresolved_place for c in fresh}
    matches, left = matching.match(loose, fresh, taken, place_of)
    for m in matches:
        _move(conn, m.decision, m.claim, now)  # type: ignore[arg-type]
    if matches:
        _relink(conn, {m.decision.claim_id: m.claim.id for m in matches}, now)
        bump(conn, REVIEWS_GENERATION)
    return Reattached(len(matches), len(left))


def _rows_in(conn: Connection, what: Any, column: Any, keys: Sequence[Any]) -> Iterator[Any]:
    """``SELECT what WHERE column IN keys``, in chunks of keys."""
    from store.writer import _chunks

    for chunk in _chunks(list(keys)):
        yield from conn.execute(select(what).where(column.in_(chunk)))


def _claims_of(conn: Connection, pks: Sequence[int]) -> list[Claim]:
    from store.rows import claim_from_row

    return [claim_from_row(r) for r in _rows_in(conn, claims, claims.c.article_pk, pks)]


def _file_names(conn: Connection, pks: Sequence[int]) -> set[str]:
    from store.schema import articles

    return {file_name(p) for (p,) in _rows_in(conn, articles.c.path, articles.c.pk, pks)}


def _decisions_named(conn: Connection, names: Sequence[str]) -> list[Decision]:
    return [_decision(r) for r in _rows_in(conn, decisions, decisions.c.file_name, names)]


def _relink(conn: Connection, moved: dict[str, str], now: datetime) -> None:
    """Links to a claim whose decision moved to a new id follow it (with an audit row)."""
    q = select(decisions).where(decisions.c.links != "[]")
    for d in [_decision(r) for r in conn.execute(q)]:
        links = tuple(Link(moved.get(x.target, x.target), x.relation) for x in d.links)
        if links == d.links:
            continue
        after = {**d.state(), "links": [x.to_json() for x in links]}
        conn.execute(
            update(decisions)
            .where(decisions.c.pk == d.pk)
            .values(links=json.dumps(after["links"]), version=d.version + 1, updated_at=now)
        )
        _log(conn, d.pk, now, INGEST_REVIEWER, Action.REATTACH, d.version + 1, d.state(), after)


def _move(conn: Connection, decision: Decision, claim: Claim, now: datetime) -> None:
    before = decision.state()
    conn.execute(
        update(decisions)
        .where(decisions.c.pk == decision.pk)
        .values(
            claim_id=claim.id, quote_sha=quote_hash(claim.quote), quote=claim.quote,
            file=claim.file, file_name=file_name(claim.file),
            machine=json.dumps(claim.to_dict(), ensure_ascii=False),
            version=decision.version + 1, updated_at=now,
        )
    )  # fmt: skip
    after = {**before, "claim_id": claim.id}
    _log(conn, decision.pk, now, INGEST_REVIEWER, Action.REATTACH, decision.version + 1,
         before, after)  # fmt: skip
