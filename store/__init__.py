"""A persistent claim store (SQLite or PostgreSQL) and incremental ingestion on Dask.

Modules: ``settings`` (``CLAIM_ATLAS_DB`` and the other store settings), ``exc`` (errors),
``schema`` (tables), ``migrate`` + ``migrations/`` (schema versions), ``engine`` (backends,
error messages), ``rows`` (claims ↔ rows), ``database`` (:class:`Store`, :func:`open_store`),
``query`` and ``columnar`` (the dashboard's questions, in SQL and in memory), ``writer``
(transactional writes), ``tasks`` (what a worker runs), ``cluster`` (in-process or Dask),
``ingest`` (scan, plan, run), ``uploads`` (single texts), ``cli`` (``claim-atlas ingest``).

Public API (imported lazily, so ``python -m claims extract`` never loads SQLAlchemy)::

    from store import open_store, ClaimFilter, Order, save_upload, StoreError
    from store.ingest import ingest
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "open_store": "store.database",
    "Store": "store.database",
    "ClaimFilter": "store.query",
    "Order": "store.query",
    "ColumnarClaims": "store.columnar",
    "save_upload": "store.uploads",
    "StoreError": "store.exc",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'store' has no attribute {name!r}")
