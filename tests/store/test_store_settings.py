"""Settings: where the store is, how URLs are read and shown (passwords masked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.exc import ConfigurationError
from store.settings import StoreSettings, default_url, mask, parse_url


@pytest.mark.parametrize(
    ("given", "backend", "driver"),
    [
        ("sqlite:////tmp/x.sqlite", "sqlite", "pysqlite"),
        ("postgresql://u:p@h/db", "postgresql", "psycopg"),
        ("postgres://u:p@h/db", "postgresql", "psycopg"),
        ("postgresql+psycopg://u:p@h:5433/db", "postgresql", "psycopg"),
    ],
)
def test_urls(given, backend, driver):
    url = parse_url(given)
    assert (url.get_backend_name(), url.get_driver_name()) == (backend, driver)


def test_a_plain_path_is_an_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = parse_url("claims.sqlite")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "claims.sqlite")
    assert parse_url("~/x.sqlite").database == str(Path.home() / "x.sqlite")


@pytest.mark.parametrize("bad", ["", "   ", "mysql://u@h/db", "oracle://x"])
def test_bad_urls_are_refused_with_the_value(bad):
    with pytest.raises(ConfigurationError, match="Expected"):
        parse_url(bad)


def test_passwords_are_masked_everywhere():
    assert mask("postgresql+psycopg://atlas:s3cr%40t@db:5432/claims") == (
        "postgresql+psycopg://atlas:***@db:5432/claims"
    )
    with pytest.raises(ConfigurationError) as err:
        parse_url("mysql://atlas:topsecret@db/claims")
    assert "topsecret" not in str(err.value)


def test_order_of_choice_flag_then_environment_then_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    assert StoreSettings.resolve(None, env).url.database == str(
        tmp_path / "data" / "claim-atlas" / "claims.sqlite"
    )
    assert default_url(env).endswith("claim-atlas/claims.sqlite")
    env["CLAIM_ATLAS_DB"] = "sqlite:////tmp/from-env.sqlite"
    assert StoreSettings.resolve(None, env).url.database == "/tmp/from-env.sqlite"
    assert StoreSettings.resolve("/tmp/flag.sqlite", env).url.database == "/tmp/flag.sqlite"


@pytest.mark.parametrize("bad", ["soon", "0", "-3"])
def test_timeouts_must_be_positive_seconds(bad):
    with pytest.raises(ConfigurationError, match="CLAIM_ATLAS_DB_TIMEOUT"):
        StoreSettings.resolve("x.sqlite", {"CLAIM_ATLAS_DB_TIMEOUT": bad})
    assert StoreSettings.resolve("x.sqlite", {"CLAIM_ATLAS_DB_TIMEOUT": "2.5"}).timeout_s == 2.5
