"""scripts/build_gazetteer.py checks, on synthetic rows (tests never read ../shared)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_gazetteer.py"
spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
assert spec and spec.loader
bg = importlib.util.module_from_spec(spec)
sys.modules.setdefault("build_gazetteer", bg)  # dataclasses look their module up
spec.loader.exec_module(bg)

BOXES = {"AF08": (35.075, 69.241, 35.890, 70.293), "AF09": (35.004, 68.004, 36.575, 69.970)}
NAMES = {"AF08": "Panjshir", "AF09": "Baghlan"}


def row(
    rid: str, lat: float, lon: float, province: str | None = "Panjshir", kind: str = "town"
) -> object:
    return bg.Row(rid, rid, kind, lat, lon, 3.0, province, False, [], "s")


def provinces_and_districts() -> list:
    rows = [row(f"province:{i}", 35.5, 69.8, kind="province") for i in range(34)]
    return rows + [row(f"district:{i}", 35.5, 69.8, kind="district") for i in range(400)]


def test_verify_accepts_points_inside() -> None:
    bg.verify([*provinces_and_districts(), row("place:a", 35.3, 69.5)], BOXES, NAMES)


@pytest.mark.parametrize(
    ("lat", "lon", "prov"),
    [
        (38.88, -77.17, "Panjshir"),  # Panjshir "in Virginia"
        (35.596930, 68.895664, "Panjshir"),  # Khinj confused with Khinjan (Baghlan)
        (10.0, 10.0, None),  # outside the country box
    ],
)
def test_verify_fails_loudly_outside_the_box(lat: float, lon: float, prov: str | None) -> None:
    with pytest.raises(bg.BuildError, match="outside"):
        bg.verify([*provinces_and_districts(), row("place:bad", lat, lon, prov)], BOXES, NAMES)


def test_verify_rejects_danah() -> None:
    with pytest.raises(bg.BuildError, match="Danah"):
        bg.verify([*provinces_and_districts(), row("Danah", 35.3, 69.5)], BOXES, NAMES)


def test_pick_province_for_border_features() -> None:
    assert (
        bg.pick_province("Panjshir/Baghlan border", 35.66, 69.79, NAMES, BOXES, "x") == "Panjshir"
    )
    assert bg.pick_province("Panjshir/Baghlan border", 35.2, 68.5, NAMES, BOXES, "x") == "Baghlan"
    assert bg.pick_province("(multi-country)", 35.0, 71.0, NAMES, BOXES, "x") is None
    with pytest.raises(bg.BuildError):
        bg.pick_province("Panjshir", 30.0, 60.0, NAMES, BOXES, "x")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Bazarak;بازارک;Markaz (Centre);COD-AB AF0801;IEC 0801", ["Bazarak", "بازارک"]),
        ("Khenj (Hesa-e Awal);Hisa-e-Awal", ["Khenj", "Hesa-e Awal", "Hisa-e-Awal"]),
        ("Anjoman;Anjuman-i-Khurd (nearby)", ["Anjoman"]),
        ("Centre", []),
        ("Laghman Centre;Centre", []),
        ("Chawak (Polish)", ["Chawak"]),
    ],
)
def test_split_alts_drops_meaningless(raw: str, expected: list[str]) -> None:
    assert bg.split_alts(raw) == expected
