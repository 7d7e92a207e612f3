"""atlas.settings: where the dashboard's claims come from (``--corpus``, ``--db`` and their
environment variables) and ``--profile``, as a table of cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.settings import DataSource, data_source, profile_arg

SEEDS = Path("/app/seeds")

CASES = [
    # argv, environ, expected (db, corpus)
    ([], {}, (None, SEEDS)),
    (["--corpus", "/x"], {}, (None, Path("/x"))),
    ([], {"CLAIM_ATLAS_CORPUS": "/y"}, (None, Path("/y"))),
    (["--corpus", "/x"], {"CLAIM_ATLAS_CORPUS": "/y"}, (None, Path("/x"))),
    (["--db", "sqlite:////s.db"], {}, ("sqlite:////s.db", None)),
    ([], {"CLAIM_ATLAS_DB": "/s.db"}, (None, None)),  # the store named by the environment
    (["--db", "/s.db", "--corpus", "/x"], {}, ("/s.db", Path("/x"))),
    ([], {"CLAIM_ATLAS_DB": "/s.db", "CLAIM_ATLAS_CORPUS": "/y"}, (None, Path("/y"))),
]


@pytest.mark.parametrize(("argv", "environ", "expected"), CASES)
def test_data_source(argv, environ, expected):
    got = data_source(argv, environ, default=SEEDS)
    assert got == DataSource(expected[0], expected[1])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], None),
        (["--profile", "sudan-2023"], "sudan-2023"),
        (["--corpus", "x", "--profile", " my.toml "], "my.toml"),
        (["--profile", "  "], None),
    ],
)
def test_profile_arg(argv, expected):
    assert profile_arg(argv) == expected
