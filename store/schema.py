"""The tables of a claim store (SQLAlchemy Core), as the newest migration leaves them.

``claims`` has one column per field of :class:`claims.model.Claim` (``CLAIM_COLUMNS``, in
``CLAIM_FIELDS`` order) plus what the store derives for filtering and grouping:
``outlet_key`` (the source label claims are filtered under: ``articles.source``),
``day_first``/``day_last`` (the day span; no first day for a claim dated only by its report,
neither for an undated one), ``place_key`` (gazetteer id, else the rounded point),
``quote_folded`` (the quote case-folded, for text search) and ``origin`` (``machine`` for
extracted claims; only those are replaced when an article changes).

Adding a field to ``Claim`` means adding its column here AND a migration under
``store/migrations/versions/``; ``tests/store/test_schema.py`` fails until both are done.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

Key = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER keys only

runs = Table(
    "runs",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),  # RunStatus
    Column("command", Text, nullable=False),  # what was ingested (JSON)
    Column("extractor_version", String(64), nullable=False),
    Column("profile_version", String(64), nullable=False),
    Column("workers", Text),  # "local:2", "tcp://host:8786", "in-process"
    Column("seen", Integer, nullable=False, default=0),
    Column("added", Integer, nullable=False, default=0),
    Column("changed", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("removed", Integer, nullable=False, default=0),
    Column("pruned", Integer, nullable=False, default=0),
    Column("claims_written", Integer, nullable=False, default=0),
    Column("duration_s", Float),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False, unique=True),  # relative to the corpus root (posix)
    Column("root", Text, nullable=False),  # the corpus root it was last read from
    Column("sha256", String(64), nullable=False),  # of the text (claims.Article.sha256)
    Column("source_hash", String(64), nullable=False),  # text + metadata sidecar
    Column("extractor_version", String(64), nullable=False),
    Column("profile_version", String(64), nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("author", Text),
    Column("body_start", Integer, nullable=False, default=0),
    Column("notes", Text, nullable=False, default="[]"),  # JSON list of strings
    Column("duplicate_of", Text),  # path of the stored article with the same text
    Column("source_base", Text),  # its source label before clashes are told apart (0003)
    Column("source", Text),  # the label its claims are filtered under (claims.outlet_key)
    Column("n_claims", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("missing_since", DateTime(timezone=True)),  # the file was gone at the last scan
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL")),
    Index(None, "sha256"),
    Index(None, "root"),
    Index(None, "source_base"),
)

texts = Table(
    "texts",
    metadata,
    Column("article_pk", ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
)

CLAIM_COLUMNS = (
    Column("id", String(64), nullable=False),
    Column("statement_id", String(64), nullable=False),
    Column("file", Text, nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("url", Text),
    Column("published", Date),
    Column("claimant", Text),
    Column("side", String(64), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("figure", BigInteger),
    Column("figure_qualifier", Text),
    Column("place", Text),
    Column("place_mention", Text),
    Column("place_id", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("radius_km", Float),
    Column("place_precision", String(16)),
    Column("place_basis", Text),
    Column("unresolved_place", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(16), nullable=False),
    Column("date_basis", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("quote_start", Integer, nullable=False),
    Column("quote_end", Integer, nullable=False),
    Column("stance", String(16), nullable=False),
    Column("figure_scope", Text),
    Column("rule", Text, nullable=False),
)
DERIVED_COLUMNS = (
    Column("outlet_key", Text, nullable=False),
    Column("day_first", Date),
    Column("day_last", Date),
    Column("place_key", Text),
    Column("quote_folded", Text, nullable=False),
    Column("origin", String(16), nullable=False, default="machine"),
)
DATE_FIELDS = frozenset({"published", "date_start", "date_end"})
"""Claim fields held as ISO strings in Python and as DATE columns in the store."""

claims = Table(
    "claims",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("article_pk", ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    *CLAIM_COLUMNS,
    *DERIVED_COLUMNS,
    UniqueConstraint("article_pk", "id"),
    Index(None, "place_key"),
    Index(None, "day_first", "day_last"),
    Index(None, "id"),
)

problems = Table(
    "problems",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),  # relative to the root, like articles.path
    Column("root", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("fatal", Boolean, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL")),
    Index(None, "path"),
)

store_info = Table(
    "store_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
"""``claims_generation`` and ``reviews_generation`` (0003): counters every write of claims or
articles, and of review decisions, raises by one — what ``Store.version()`` returns."""

decisions = Table(
    "decisions",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("claim_id", String(64), nullable=False),  # the claim it is attached to now
    Column("quote_sha", String(64), nullable=False),  # sha256 of the quote (store.review)
    Column("file", Text, nullable=False),  # the claim's file when decided (or re-attached)
    Column("file_name", Text, nullable=False),  # its base name: where re-attachment looks
    Column("quote", Text, nullable=False),
    Column("machine", Text, nullable=False),  # the machine's claim, JSON (Claim.to_dict)
    Column("verdict", String(16)),  # store.review.Verdict; None: a note or links only
    Column("reason", Text),
    Column("corrections", Text, nullable=False),  # JSON: field → reviewed value
    Column("note", Text),
    Column("links", Text, nullable=False),  # JSON list of {"target", "relation"}
    Column("version", Integer, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("claim_id", "quote_sha"),
    Index(None, "file_name"),
)
"""Analysts' decisions (0004), apart from the machine's ``claims``: ingestion replaces claims and
never writes here except to re-attach a decision to its claim's new id (same quote)."""

review_audit = Table(
    "review_audit",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("decision_pk", ForeignKey("decisions.pk"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("action", String(16), nullable=False),  # store.review.Action
    Column("version", Integer, nullable=False),  # the decision's version after it
    Column("before", Text),  # JSON state, None for the first
    Column("after", Text, nullable=False),
    Index(None, "decision_pk"),
)
"""The append-only audit log of decisions (0004): who, when, what before and after. Triggers
refuse UPDATE and DELETE on it."""
