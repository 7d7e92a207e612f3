"""Every ``CLAIM_ATLAS_*`` setting of the store, in one place.

- ``CLAIM_ATLAS_DB``: the store's URL (``sqlite:///PATH`` or ``postgresql+psycopg://…``), or a
  plain file path (an SQLite file). Default: ``claims.sqlite`` in the user's data folder
  (``$XDG_DATA_HOME/claim-atlas/``, else ``~/.local/share/claim-atlas/``).
- ``CLAIM_ATLAS_DB_TIMEOUT``: seconds to wait for a locked SQLite file or a PostgreSQL server
  before giving up with a message (default 30).
- ``CLAIM_ATLAS_SCHEDULER_TIMEOUT``: seconds to wait for the Dask scheduler named by
  ``--scheduler`` (default 10).

``--db`` on the command line wins over ``CLAIM_ATLAS_DB``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from store.exc import ConfigurationError

DB_ENV = "CLAIM_ATLAS_DB"
TIMEOUT_ENV = "CLAIM_ATLAS_DB_TIMEOUT"
DEFAULT_TIMEOUT_S = 30.0
SCHEDULER_TIMEOUT_ENV = "CLAIM_ATLAS_SCHEDULER_TIMEOUT"
DEFAULT_SCHEDULER_TIMEOUT_S = 10.0
DB_FILE_NAME = "claims.sqlite"
BACKENDS = ("sqlite", "postgresql")


def data_folder(env: Mapping[str, str] | None = None) -> Path:
    """The user's data folder for Claim Atlas (``$XDG_DATA_HOME/claim-atlas``)."""
    e = os.environ if env is None else env
    base = e.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claim-atlas"


def default_url(env: Mapping[str, str] | None = None) -> str:
    return "sqlite:///" + str(data_folder(env) / DB_FILE_NAME)


def seconds(name: str, default: float, env: Mapping[str, str] | None = None) -> float:
    """A positive number of seconds from the environment variable ``name``."""
    e = os.environ if env is None else env
    raw = e.get(name) or str(default)
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ConfigurationError(
            f"Expected {name} in seconds (a number > 0), instead got: {raw!r}."
        )
    return value


def parse_url(value: str) -> URL:
    """A store URL from what a user typed: a URL, or a file path meaning an SQLite file.

    ``postgresql://`` and ``postgres://`` get the psycopg driver. Raises ConfigurationError
    for anything that is neither SQLite nor PostgreSQL."""
    text = value.strip()
    if not text:
        raise ConfigurationError("Expected a store URL or an SQLite file path, got an empty value.")
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise ConfigurationError(
            f"Expected a store URL like sqlite:///PATH, got {mask(text)}."
        ) from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in BACKENDS:
        raise ConfigurationError(
            f"Expected an sqlite:/// or postgresql+psycopg:// URL, instead got: {mask(url)}."
        )
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        url = url.set(database=str(Path(url.database).expanduser()))
    return url


def mask(url: URL | str) -> str:
    """The URL as it may be shown: the password replaced by ``***``."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "<unparseable URL>"
    return url.render_as_string(hide_password=True)


@dataclass(frozen=True)
class StoreSettings:
    url: URL
    timeout_s: float = DEFAULT_TIMEOUT_S

    @property
    def shown(self) -> str:
        return mask(self.url)

    @property
    def full(self) -> str:
        """The URL with its password, as a connection (and a snapshot file's key) needs it."""
        return self.url.render_as_string(hide_password=False)

    @classmethod
    def resolve(cls, db: str | None = None, env: Mapping[str, str] | None = None) -> StoreSettings:
        """``db`` (from ``--db``), else ``CLAIM_ATLAS_DB``, else the default SQLite file."""
        e = os.environ if env is None else env
        raw = db or e.get(DB_ENV) or default_url(e)
        return cls(parse_url(raw), seconds(TIMEOUT_ENV, DEFAULT_TIMEOUT_S, e))
