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


class ReviewReadOnly(StoreReadOnly):
    """No reviewer identity (neither Streamlit authentication nor CLAIM_ATLAS_REVIEWER): review
    decisions can be read but not written. Retrying will not help; configure an identity."""


class ReviewInvalid(StoreError, ValueError):
    """A review decision with bad fields; ``errors`` maps each field to its message and nothing
    was saved."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        listed = "; ".join(f"{name}: {message}" for name, message in self.errors.items())
        super().__init__(f"review not saved: {listed}")


class ReviewConflict(StoreError, RuntimeError):
    """Another reviewer changed the decision since it was read; ``current`` is their version
    (a :class:`store.review.Decision`, or None). Nothing was saved; reload and decide again."""

    def __init__(self, message: str, current: object | None) -> None:
        self.current = current
        super().__init__(message)
