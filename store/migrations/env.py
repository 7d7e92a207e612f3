"""Alembic's entry point for the store's migrations.

The store runs them itself (``store.migrate``) on a connection it opened and passes in
``config.attributes["connection"]``; the whole upgrade is one transaction, so an interrupted
upgrade leaves the previous schema intact (SQLite and PostgreSQL both have transactional DDL).
"""

from __future__ import annotations

from alembic import context

from store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
    include_object=lambda obj, name, kind, reflected, compare_to: (
        not (
            kind == "column" and name == "geom"  # the PostGIS column is added outside migrations
        )
        and not (kind == "index" and name == "ix_claims_geom")
    ),
)
with context.begin_transaction():
    context.run_migrations()
