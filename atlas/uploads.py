"""Articles a user uploads in the dashboard: read, checked, turned into claims.

Per session: the dashboard keeps the results in ``st.session_state``; nothing here is shared.
Every upload ends with an :class:`Outcome`. Only ``ADDED`` (and ``NO_CLAIMS``, an article read
but holding no claim) counts as an article; an empty, oversize, duplicate or unreadable file
counts as nothing and gets a message naming it. Bad content never raises.

Two steps, so that the expensive one runs once per file while the cheap one follows the
other files of the session: :func:`read_upload` reads and extracts; :func:`judge_uploads` marks
duplicates (of a corpus article or of an earlier upload) every time the list changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from claims.exc import ClaimsError
from claims.model import Article, Claim
from claims.reader import MAX_BYTES

UPLOAD_PREFIX = "uploaded/"


class Outcome(StrEnum):
    ADDED = "added"
    NO_CLAIMS = "read, no claims"
    EMPTY = "empty"
    TOO_BIG = "too big"
    DUPLICATE = "duplicate"
    UNREADABLE = "unreadable"
    FAILED = "extraction failed"

    @property
    def counts(self) -> bool:
        """Whether the file counts as an article."""
        return self in (Outcome.ADDED, Outcome.NO_CLAIMS)

    @property
    def level(self) -> str:
        """How the page reports it: ``success``, ``warning`` or ``error``."""
        if self is Outcome.ADDED:
            return "success"
        return "error" if self in (Outcome.UNREADABLE, Outcome.FAILED) else "warning"


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its article and claims, or the reason it was not used."""

    name: str
    outcome: Outcome
    message: str
    article: Article | None = None
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    @property
    def error(self) -> str | None:
        """The message when the file was not added (None when it was)."""
        return None if self.outcome.counts else self.message

    @property
    def counts(self) -> bool:
        return self.outcome.counts


def read_upload(
    name: str,
    data: bytes,
    read: Callable[[str, bytes], Article] | None = None,
    extract: Callable[[Article], list[Claim]] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Upload:
    """Read one uploaded file (``claims.read_bytes``) and find its claims
    (``claims.extract_claims``). The article is named ``uploaded/<name>`` so it never collides
    with a corpus file. Files over ``max_bytes`` (the reader's cap) are refused whole."""
    if read is None or extract is None:
        from claims import extract_claims, read_bytes

        read = read or read_bytes
        extract = extract or extract_claims
    if len(data) > max_bytes:
        return Upload(
            name,
            Outcome.TOO_BIG,
            f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit for one article; "
            "not added (split it, or add it to the corpus folder, where only its first "
            f"{max_bytes:,} bytes are read)",
        )
    try:
        article = read(UPLOAD_PREFIX + name, data)
    except ClaimsError as err:
        return Upload(name, Outcome.UNREADABLE, _named(name, str(err)))
    if not article.text[article.body_start :].strip():
        what = "only front matter" if article.text.strip() else "no text"
        return Upload(name, Outcome.EMPTY, f"{name}: the file is empty ({what}); not added")
    try:
        found = extract(article)
    except ClaimsError as err:
        return Upload(name, Outcome.FAILED, _named(name, str(err)))
    except Exception as err:  # a bug in extraction costs this upload only, never the session
        message = f"{name}: could not extract claims ({type(err).__name__}: {err}); not added"
        return Upload(name, Outcome.FAILED, message)
    if not found:
        return Upload(name, Outcome.NO_CLAIMS, f"{name}: read, but no claim found", article)
    n = len(found)
    return Upload(
        name,
        Outcome.ADDED,
        f"{name}: {n} claim{'s' if n != 1 else ''} added",
        article,
        tuple(found),
    )


def _named(name: str, message: str) -> str:
    """The message with the upload's own name in front (never a server path)."""
    message = message.replace(UPLOAD_PREFIX + name, name)
    return message if message.startswith(name) else f"{name}: {message}"


def judge_uploads(uploads: Iterable[Upload], corpus_sha256: Mapping[str, str]) -> list[Upload]:
    """The uploads with duplicates marked: a text already in the corpus (``corpus_sha256``:
    sha256 → the file's name as shown) or in an earlier upload is refused, naming both."""
    known = dict(corpus_sha256)
    judged = []
    for upload in uploads:
        article = upload.article
        if article is None or not upload.counts:
            judged.append(upload)
            continue
        first = known.get(article.sha256)
        if first is not None:
            message = f"{upload.name}: same text as {first}, already loaded; not added"
            judged.append(replace(upload, outcome=Outcome.DUPLICATE, message=message, claims=()))
            continue
        known[article.sha256] = upload.name
        judged.append(upload)
    return judged
