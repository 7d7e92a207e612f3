"""Claims gain stance (asserts | denies), figure_scope and rule (the ids of the rules that
made the claim). Claims stored before keep stance "asserts", no scope and rule "".

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch_op:
        batch_op.add_column(
            sa.Column("stance", sa.String(16), nullable=False, server_default="asserts")
        )
        batch_op.add_column(sa.Column("figure_scope", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("rule", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch_op:
        batch_op.drop_column("rule")
        batch_op.drop_column("figure_scope")
        batch_op.drop_column("stance")
