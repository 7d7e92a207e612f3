"""Conflict profiles: the bundled ones load and say what they are about; every error in a
profile file names the file, the line and the field; `claim-atlas profiles` and `--profile`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claims.profile import (
    BUILTIN_COLOURS,
    ProfileError,
    bundled_profiles,
    list_profiles,
    load_profile,
    parse_profile,
)

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "tests" / "world"

MINIMAL = """\
id = "test"
title = "A test conflict"
countries = ["UA", "RU"]
sources = ["a public fact sheet"]

[[sides]]
id = "Blue"
label = "Blue side"
colour = "#009E73"

[[sides]]
id = "Red"
label = "Red side"
colour = "#D55E00"
"""


@pytest.mark.parametrize(
    ("name", "countries", "sides"),
    [
        ("panjshir-2021", ("AF",), ("NRF", "Taliban")),
        ("russia-ukraine-2022", ("UA", "RU"), ("Ukraine", "Russia")),
        ("sudan-2023", ("SD",), ("SAF", "RSF")),
    ],
)
def test_bundled_profiles(name: str, countries: tuple[str, ...], sides: tuple[str, ...]) -> None:
    profile = load_profile(name)
    assert profile.id == name and profile.countries == countries
    assert tuple(s.id for s in profile.sides) == sides
    assert profile.window is not None and profile.window[0] < profile.window[1]
    colours = [profile.colour(s) for s in profile.side_ids]
    assert len(set(colours)) == len(colours)  # every side its own colour
    assert all(s.names for s in profile.sides) and all(s.people for s in profile.sides)
    assert name in bundled_profiles()


def test_the_example_profiles_say_where_their_facts_come_from() -> None:
    for name in ("russia-ukraine-2022", "sudan-2023"):
        assert load_profile(name).sources


def test_list_profiles_lists_the_three() -> None:
    got = {p.id: p for p in list_profiles()}
    assert {"panjshir-2021", "russia-ukraine-2022", "sudan-2023"} <= set(got)
    assert got["sudan-2023"].countries == ("SD",) and got["sudan-2023"].sides == ("SAF", "RSF")


def test_a_minimal_profile_parses() -> None:
    profile = parse_profile(MINIMAL, "mini.toml")
    assert profile.countries == ("UA", "RU") and profile.sources == ("a public fact sheet",)
    assert profile.side_ids == ("Blue", "Red", "other", "unknown")


# (replace this, with this) -> expected "file:line: field: message" start
ERRORS = [
    (('countries = ["UA", "RU"]', 'countries = ["UA", "XX"]'),
     "mini.toml:3: countries: unknown ISO 3166-1 alpha-2 country code 'XX'"),
    (('countries = ["UA", "RU"]', 'countries = ["ua"]'),
     "mini.toml:3: countries: expected ISO country codes like 'AF', got 'ua'"),
    (('countries = ["UA", "RU"]', 'countries = ["UA", "UA"]'),
     "mini.toml:3: countries: expected each country once"),
    (('sources = ["a public fact sheet"]', "sources = 3"),
     "mini.toml:4: sources: expected a list of texts, got 3"),
    (('colour = "#D55E00"', 'colour = "#009E73"'),
     "mini.toml:14: sides[1].colour: expected a colour of its own, got #009E73 (side 'Blue')"),
    (('colour = "#D55E00"', f'colour = "{BUILTIN_COLOURS["other"]}"'),
     "mini.toml:14: sides[1].colour: expected a colour of its own"),
    (('colour = "#D55E00"', 'colour = "red"'),
     "mini.toml:14: sides[1].colour: expected a colour like \"#D55E00\", got 'red'"),
    (('title = "A test conflict"', 'title = "A test conflict"\nregion = "x"'),
     "mini.toml:3: region: unknown field"),
    (('colour = "#D55E00"', 'colour = "#D55E00"\ngoverns_from = "last spring"'),
     "mini.toml:15: sides[1].governs_from: expected a date like 2021-08-15, got 'last spring'"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "message"), ERRORS)
def test_errors_name_file_line_and_field(edit: tuple[str, str], message: str) -> None:
    text = MINIMAL.replace(*edit)
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "mini.toml")
    assert str(info.value).startswith(message), str(info.value)


# ------------------------------------------------------------------------------- CLI


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "CLAIM_ATLAS_PROFILE"}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env=base,
        check=False,
    )


def test_profiles_command_lists_them() -> None:
    proc = run("profiles")
    assert proc.returncode == 0, proc.stderr
    assert "panjshir-2021 (default):" in proc.stdout
    assert "russia-ukraine-2022:" in proc.stdout and "countries: UA, RU" in proc.stdout
    assert "sudan-2023:" in proc.stdout and "sides: SAF, RSF" in proc.stdout
    rows = [json.loads(line) for line in run("profiles", "--json").stdout.splitlines()]
    assert {r["id"] for r in rows} >= {"sudan-2023"} and sum(r["default"] for r in rows) == 1
    chosen = run("profiles", env={"CLAIM_ATLAS_PROFILE": "sudan-2023"}).stdout
    assert "sudan-2023 (default):" in chosen


def test_unknown_profile_is_a_clear_usage_error() -> None:
    proc = run("extract", str(WORLD), "--profile", "atlantis-1999")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "atlantis-1999: no such profile (bundled: panjshir-2021" in proc.stderr


def test_malformed_profile_file_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL.replace('colour = "#D55E00"', 'colour = "crimson"'), "utf-8")
    proc = run("disputes", str(WORLD), "--profile", str(bad))
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"{bad}:14: sides[1].colour: expected a colour like" in proc.stderr


def test_extract_with_a_profile_places_claims_in_its_countries(world_index: Path) -> None:
    proc = run(
        "extract", str(WORLD / "ua_kharkiv_counteroffensive.md"), "--profile",
        "russia-ukraine-2022", "--format", "jsonl",
        env={"CLAIM_ATLAS_WORLD_INDEX": str(world_index)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    placed = {c["place_mention"] for c in claims if c["lat"] is not None}
    assert {"Balakliia", "Kupiansk"} <= placed
    without = run("extract", str(WORLD / "ua_kharkiv_counteroffensive.md"), "--format", "jsonl")
    default = [json.loads(line) for line in without.stdout.splitlines()]
    assert not any(c["lat"] for c in default)  # the Afghan gazetteer knows none of them


def test_disputes_with_a_profile(world_index: Path) -> None:
    proc = run(
        "disputes", str(WORLD), "--profile", "sudan-2023",
        env={"CLAIM_ATLAS_WORLD_INDEX": str(world_index)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert isinstance(json.loads(proc.stdout), list)


def test_ingest_with_a_profile_places_claims_in_its_countries(
    world_index: Path, tmp_path: Path
) -> None:
    from store import open_store

    corpus = tmp_path / "ua"
    corpus.mkdir()
    shutil.copy(WORLD / "ua_kharkiv_counteroffensive.md", corpus)
    db = tmp_path / "claims.sqlite"
    env = {"CLAIM_ATLAS_WORLD_INDEX": str(world_index)}
    bad = run("ingest", str(corpus), "--db", str(db), "--profile", "no-such-conflict", env=env)
    assert bad.returncode == 2 and "no-such-conflict" in bad.stderr
    proc = run(
        "ingest", str(corpus), "--db", str(db), "--profile", "russia-ukraine-2022",
        "--workers", "0", "--no-progress", env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    with open_store(f"sqlite:///{db}") as store:
        placed = {c.place_mention for c in store.claims() if c.lat is not None}
    assert {"Balakliia", "Kupiansk"} <= placed
