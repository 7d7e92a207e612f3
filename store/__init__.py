"""A persistent claim store (SQLite or PostgreSQL) and incremental ingestion on Dask."""
