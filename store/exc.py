"""The errors of the store. One root, :class:`StoreError`; each subclass also inherits the
builtin a generic caller would catch. Every message names the store's URL with its password
masked, says what went wrong and, where it helps, what to do; the CLI prints it as it is.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every error raised by the store."""


class ConfigurationError(StoreError, ValueError):
    """A setting or URL that cannot be used (not SQLite or PostgreSQL, a bad timeout)."""


class StoreUnavailable(StoreError, ConnectionError):
    """The store cannot be reached or opened (server down, no such file or database, missing
    driver). Retrying helps once the server runs or the file exists."""


class AuthenticationFailed(StoreUnavailable):
    """The PostgreSQL server refused the user name or password. Retrying will not help."""


class StoreLocked(StoreError, TimeoutError):
    """Another process holds the SQLite file's write lock for longer than the timeout.
    Retrying helps when that process has finished."""


class StoreReadOnly(StoreError, PermissionError):
    """The store cannot be written (a read-only file or folder, or a read-only user)."""


class StoreCorrupt(StoreError, ValueError):
    """The file is not an SQLite database, or its pages are damaged. Retrying will not help."""


class SchemaMismatch(StoreError, ValueError):
    """The database holds no Claim Atlas store, or one written by a newer version, or one
    that must be upgraded while opened read-only."""


class IngestError(StoreError, RuntimeError):
    """Ingestion could not go on (a Dask scheduler that cannot be reached, workers running
    another extractor version)."""
