"""The extractor's version: the package version plus a hash of everything claims depend on.

``EXTRACTOR_VERSION`` changes when the package version changes or when any file the
extraction reads changes — its Python modules, its rule and vocabulary data, the conflict
profiles and the gazetteer — so a store re-extracts articles after a rules change. Modules
that only present or export claims (the dashboard, the CLI, exports, disputes) are left out.
``profile_version`` names the conflict profile in force and hashes its file.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "claim-atlas"
_CLAIMS = Path(__file__).resolve().parent
_GEO = _CLAIMS.parent / "geo"
NOT_EXTRACTION = frozenset(
    {"__init__.py", "__main__.py", "cli.py", "export.py", "disputes.py", "version.py"}
)
"""Modules of ``claims/`` whose changes do not change the claims extracted."""
SKIPPED_FOLDERS = frozenset({"ui", "__pycache__"})
HASHED_SUFFIXES = frozenset({".py", ".toml", ".json", ".jsonl", ".csv", ".txt", ".yaml", ".yml"})


def package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source tree that was not installed
        return "0+unknown"


def _inputs() -> list[Path]:
    files = []
    for base in (_CLAIMS, _GEO):
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base)
            if not path.is_file() or path.suffix not in HASHED_SUFFIXES:
                continue
            if SKIPPED_FOLDERS & set(rel.parts[:-1]):
                continue
            if base == _CLAIMS and len(rel.parts) == 1 and rel.name in NOT_EXTRACTION:
                continue
            if base == _GEO and rel.name in ("__main__.py", "online.py", "cache.py"):
                continue
            files.append(path)
    return files


def data_hash(files: list[Path] | None = None) -> str:
    """12 hex digits of a hash over the extraction's files (names and bytes)."""
    digest = hashlib.blake2b(digest_size=6)
    for path in _inputs() if files is None else files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@cache
def extractor_version() -> str:
    """``<package version>+<data hash>``, e.g. ``0.1.0+3f9a1c0b2d4e``."""
    return f"{package_version()}+{data_hash()}"


def profile_version(name_or_path: str | None = None) -> str:
    """``<profile id>@<hash of its file>`` for the profile in force (``CLAIM_ATLAS_PROFILE``)."""
    from claims.profile import load_profile

    profile = load_profile(name_or_path)
    raw = profile.path.read_bytes() if profile.path is not None else profile.id.encode()
    return f"{profile.id}@{hashlib.blake2b(raw, digest_size=6).hexdigest()}"


EXTRACTOR_VERSION = extractor_version()
