"""The store\x27s schema migrations (Alembic scripts)."""
