"""What, who, when: news articles in, attributed, dated, located claims out.

Public API::

    from claims import read_article, read_bytes, load_corpus, extract_claims
    from claims import find_disputes, ClaimsError
"""

from claims.corpus import Corpus, Problem, load_corpus
from claims.disputes import Dispute, find_disputes
from claims.exc import ClaimsError, DecodeError, ExportError, ReadError
from claims.extract import extract_claims
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
    "extract_claims",
    "find_disputes",
    "load_corpus",
    "read_article",
    "read_bytes",
]
