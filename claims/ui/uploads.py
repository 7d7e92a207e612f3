"""Articles a user uploads in the dashboard: read, deduplicated, turned into claims.

Per session: the dashboard keeps the results in ``st.session_state``; nothing here is shared.
A bad file gives an :class:`Upload` with ``error`` set (the message names the file); it never
raises for bad content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from claims.exc import ClaimsError
from claims.model import Article, Claim

UPLOAD_PREFIX = "uploaded/"


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its article and claims, or the reason it was not used."""

    name: str
    article: Article | None = None
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    error: str | None = None


def read_upload(
    name: str,
    data: bytes,
    known_sha256: Iterable[str] = (),
    read: Callable[[str, bytes], Article] | None = None,
    extract: Callable[[Article], list[Claim]] | None = None,
) -> Upload:
    """Read one uploaded file (``claims.read_bytes``) and find its claims
    (``claims.extract_claims``). The article is named ``uploaded/<name>`` so it never collides
    with a corpus file; a text already loaded (same SHA-256) is refused as a duplicate."""
    if read is None or extract is None:
        from claims import extract_claims, read_bytes

        read = read or read_bytes
        extract = extract or extract_claims
    try:
        article = read(UPLOAD_PREFIX + name, data)
    except ClaimsError as err:
        return Upload(name, error=str(err))
    if article.sha256 and article.sha256 in set(known_sha256):
        return Upload(name, error=f"{name}: same text as an article already loaded; not added")
    try:
        found = extract(article)
    except ClaimsError as err:
        return Upload(name, error=str(err))
    except Exception as err:  # a bug in extraction costs this upload only, never the session
        return Upload(name, error=f"{name}: could not extract claims ({type(err).__name__}: {err})")
    return Upload(name, article=article, claims=tuple(found))
