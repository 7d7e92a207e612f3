"""Claims out: GeoJSON (RFC 7946), CSV and JSON Lines, and atomic file writes.

Every format carries every field of :class:`~claims.model.Claim` (``CLAIM_FIELDS``), in that
order. GeoJSON points are ``[lon, lat]``; a claim whose place is unresolved has
``"geometry": null`` and keeps its ``unresolved_place`` in the properties.

Two options, used by the dashboard's downloads:

- ``groups``: claim id → its corroboration group (:func:`claims.corroboration.group_index`);
  each row then also carries :data:`~claims.corroboration.GROUP_FIELDS` (``group_id``,
  ``group_claims``, ``group_outlets``) after the claim's fields.
- ``root``: the corpus folder; ``file`` is then written relative to it (POSIX separators), so
  a shared export does not reveal where the analyst keeps the articles. A file outside the
  folder is written as its name alone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any

from claims.corroboration import GROUP_FIELDS, Group, group_fields
from claims.exc import ExportError
from claims.model import CLAIM_FIELDS, Claim
from geo.cache import write_atomic as write_atomic  # the one atomic writer, re-exported

FORMATS = ("geojson", "csv", "jsonl")


Groups = Mapping[str, Group]


def relative_file(file: str, root: str | Path | None) -> str:
    """``file`` relative to ``root`` (POSIX separators); its name alone when it lies outside;
    unchanged when ``root`` is None or the path is already relative (``uploaded/x.md``)."""
    if root is None or not PurePath(file).is_absolute():
        return file
    path, base = Path(file), Path(root)
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path.name


def export_fields(groups: Groups | None = None) -> tuple[str, ...]:
    """The columns an export has: every claim field, then the group fields when grouped."""
    return CLAIM_FIELDS + (GROUP_FIELDS if groups is not None else ())


def claim_row(
    claim: Claim, groups: Groups | None = None, root: str | Path | None = None
) -> dict[str, Any]:
    """One claim as an export row (see the module docstring for ``groups`` and ``root``)."""
    row = claim.to_dict()
    if root is not None:
        row["file"] = relative_file(claim.file, root)
    if groups is not None:
        row.update(group_fields(groups.get(claim.id)))
    return row


def to_geojson(
    claims: Iterable[Claim], groups: Groups | None = None, root: str | Path | None = None
) -> dict[str, Any]:
    """A FeatureCollection with one Point feature per claim (geometry null when unlocated)."""
    features = []
    for c in claims:
        geometry = {"type": "Point", "coordinates": [c.lon, c.lat]} if c.located else None
        features.append(
            {
                "type": "Feature",
                "id": c.id,
                "geometry": geometry,
                "properties": claim_row(c, groups, root),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def to_csv(
    claims: Iterable[Claim], groups: Groups | None = None, root: str | Path | None = None
) -> str:
    """CSV with a header row of every claim field; empty cells for null values. Text that a
    spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a leading
    apostrophe, so it stays text; numbers are written as they are."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(export_fields(groups)), lineterminator="\n")
    writer.writeheader()
    for c in claims:
        writer.writerow({k: _cell(v) for k, v in claim_row(c, groups, root).items()})
    return buffer.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_jsonl(
    claims: Iterable[Claim], groups: Groups | None = None, root: str | Path | None = None
) -> str:
    """One JSON object per line, every field present (null when unknown)."""
    return "".join(
        json.dumps(claim_row(c, groups, root), ensure_ascii=False) + "\n" for c in claims
    )


def render(claims: Iterable[Claim], fmt: str) -> str:
    """The claims as text in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "geojson":
        return json.dumps(to_geojson(claims), ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "csv":
        return to_csv(claims)
    if fmt == "jsonl":
        return to_jsonl(claims)
    raise ExportError(f"Expected a format among {', '.join(FORMATS)}, instead got: {fmt!r}.")
