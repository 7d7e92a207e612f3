"""The dashboard's semantics in the derived columns (store.semantics), and write counters.

- Claims dated only by their report (``on_or_before``) keep their report day in ``day_last``
  (``day_first`` stays empty): before, they were stored as undated.
- Articles gain ``source_base`` and ``source``, the source label their claims are filtered
  under (``claims.outlet_key``): an article of unknown outlet is its own source,
  ``(outlet not stated) <title or file name>``, two sharing a label told apart by their file
  names; before, all of them shared ``(outlet not stated)``.
- ``store_info`` gains ``claims_generation`` and ``reviews_generation``, raised by every
  write (``Store.version()``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENERATIONS = ("claims_generation", "reviews_generation")


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("source_base", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=True))
        batch_op.create_index("ix_articles_source_base", ["source_base"], unique=False)
    conn = op.get_bind()
    info = sa.table("store_info", sa.column("key"), sa.column("value"))
    op.bulk_insert(info, [{"key": key, "value": "0"} for key in GENERATIONS])
    conn.execute(
        sa.text(
            "UPDATE claims SET day_first = NULL, day_last = COALESCE(date_end, date_start) "
            "WHERE date_precision = 'on_or_before'"
        )
    )
    _label_sources(conn)


def _label_sources(conn: sa.engine.Connection) -> None:
    """Every article's source label, as the writer gives it to new articles."""
    from store.semantics import source_label
    from store.writer import relabel

    firsts: dict[int, str] = {}
    rows = conn.execute(
        sa.text(
            "SELECT article_pk, outlet, title, file FROM claims "
            "ORDER BY article_pk, quote_start, id"
        )
    )
    for pk, outlet, title, file in rows:
        firsts.setdefault(pk, source_label(outlet, title, file))
    bases = []
    for pk, path, outlet, title in conn.execute(
        sa.text("SELECT pk, path, outlet, title FROM articles")
    ):
        base = firsts.get(pk) or source_label(outlet, title, path)
        bases.append({"k": pk, "base": base})
    if bases:
        conn.execute(
            sa.text("UPDATE articles SET source_base = :base, source = :base WHERE pk = :k"),
            bases,
        )
    relabel(conn, {b["base"] for b in bases}, [b["k"] for b in bases])


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text("DELETE FROM store_info WHERE key IN ('claims_generation', 'reviews_generation')")
    )
    conn.execute(
        sa.text(
            "UPDATE claims SET day_last = NULL WHERE date_precision = 'on_or_before' "
            "AND day_first IS NULL"
        )
    )
    conn.execute(
        sa.text(
            "UPDATE claims SET outlet_key = '(outlet not stated)' "
            "WHERE outlet_key LIKE '(outlet not stated)%'"
        )
    )
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index("ix_articles_source_base")
        batch_op.drop_column("source")
        batch_op.drop_column("source_base")
