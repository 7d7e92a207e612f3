"""Analyst review: ``decisions`` (apart from the machine's claims) and the append-only
``review_audit`` log, whose rows triggers keep from being changed or deleted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SQLITE_TRIGGERS = (
    "CREATE TRIGGER review_audit_no_update BEFORE UPDATE ON review_audit "
    "BEGIN SELECT RAISE(ABORT, 'review_audit is append-only'); END",
    "CREATE TRIGGER review_audit_no_delete BEFORE DELETE ON review_audit "
    "BEGIN SELECT RAISE(ABORT, 'review_audit is append-only'); END",
)
PG_TRIGGERS = (
    "CREATE FUNCTION review_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'review_audit is append-only'; END $$",
    "CREATE TRIGGER review_audit_append_only BEFORE UPDATE OR DELETE ON review_audit "
    "FOR EACH ROW EXECUTE FUNCTION review_audit_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("pk", Key, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("quote_sha", sa.String(64), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("machine", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(16)),
        sa.Column("reason", sa.Text()),
        sa.Column("corrections", sa.Text(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_decisions"),
        sa.UniqueConstraint("claim_id", "quote_sha", name="uq_decisions_claim_id_quote_sha"),
    )
    op.create_index("ix_decisions_file_name", "decisions", ["file_name"])
    op.create_table(
        "review_audit",
        sa.Column("pk", Key, primary_key=True, autoincrement=True),
        sa.Column("decision_pk", Key, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text()),
        sa.Column("after", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_review_audit"),
        sa.ForeignKeyConstraint(
            ["decision_pk"], ["decisions.pk"], name="fk_review_audit_decision_pk_decisions"
        ),
    )
    op.create_index("ix_review_audit_decision_pk", "review_audit", ["decision_pk"])
    conn = op.get_bind()
    for statement in PG_TRIGGERS if conn.dialect.name == "postgresql" else SQLITE_TRIGGERS:
        conn.execute(sa.text(statement))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("DROP TRIGGER IF EXISTS review_audit_append_only ON review_audit"))
        conn.execute(sa.text("DROP FUNCTION IF EXISTS review_audit_append_only()"))
    op.drop_index("ix_review_audit_decision_pk", table_name="review_audit")
    op.drop_table("review_audit")
    op.drop_index("ix_decisions_file_name", table_name="decisions")
    op.drop_table("decisions")
