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

from claims.corpus import Corpus, Problem, load_corpus
from claims.disputes import Dispute, find_disputes
from claims.exc import ClaimsError, DecodeError, ExportError, ReadError
from claims.extract import extract_batch, extract_claims
from claims.model import CLAIM_FIELDS, KINDS, SIDES, Article, ArticleMeta, Claim
from claims.reader import read_article, read_bytes

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
