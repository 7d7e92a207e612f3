"""What, who, when: news articles in, attributed, dated, located claims out.

Modules, in pipeline order: ``reader`` (bytes → Article: UTF-8, BOM, front matter, sidecar),
``furniture`` and ``sentences`` (statements with exact offsets, page furniture dropped),
``kinds`` (claim words and their kind), ``attribution`` (claimant and side), ``figures``,
``dates``, ``extract`` (one article → claims, places from ``geo``), ``corpus`` (files and
folders, problems, duplicates, process pool), ``disputes``, ``export`` (GeoJSON, CSV, JSONL),
``cli`` (``python -m claims``); ``model`` holds the dataclasses, ``exc`` the errors.

Public API::

    from claims import read_article, read_bytes, load_corpus, extract_claims
    from claims import find_disputes, ClaimsError
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from claims.exc import ClaimsError, DecodeError, ExportError, ReadError
from claims.model import CLAIM_FIELDS, KINDS, SIDES, Article, ArticleMeta, Claim

if TYPE_CHECKING:
    from claims.corpus import Corpus, Problem, load_corpus
    from claims.disputes import Dispute, find_disputes
    from claims.extract import extract_batch, extract_claims
    from claims.reader import read_article, read_bytes

# imported when first used: a dashboard reading a store needs the model, not the extractor
# (its rules compile hundreds of patterns at import)
_LAZY = {
    "Corpus": "claims.corpus",
    "Problem": "claims.corpus",
    "load_corpus": "claims.corpus",
    "Dispute": "claims.disputes",
    "find_disputes": "claims.disputes",
    "extract_batch": "claims.extract",
    "extract_claims": "claims.extract",
    "read_article": "claims.reader",
    "read_bytes": "claims.reader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CLAIM_FIELDS",
    "KINDS",
    "SIDES",
    "Article",
    "ArticleMeta",
    "Claim",
    "ClaimsError",
    "Corpus",
    "DecodeError",
    "Dispute",
    "ExportError",
    "Problem",
    "ReadError",
    "extract_batch",
    "extract_claims",
    "find_disputes",
    "load_corpus",
    "read_article",
    "read_bytes",
]
