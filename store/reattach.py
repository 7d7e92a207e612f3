"""Finding a decision's claim again after its article was edited (claim ids change with the
text): by the quote's text, within the same article file name.

A decision whose (claim id, quote hash) still names a claim stays where it is. Any other one
is matched to a claim of its file whose quote is the same text — exactly, else the same words
ignoring case and spacing — preferring the machine's kind and place at the time of the
decision. A claim takes at most one decision; when the best candidates tie, or there is none,
the decision is left **orphaned** (listed, never dropped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Protocol


def quote_hash(quote: str) -> str:
    """The hash decisions are keyed by, with the claim id: sha256 of the quote's UTF-8."""
    return hashlib.sha256(quote.encode("utf-8")).hexdigest()


def file_name(file: str) -> str:
    """A claim file's base name (claim ids are made from it too)."""
    return PurePosixPath(PureWindowsPath(file).as_posix()).name


def folded(quote: str) -> str:
    return " ".join(quote.split()).casefold()


class Candidate(Protocol):
    """What matching reads of a claim (a :class:`claims.model.Claim` has it all)."""

    id: str
    file: str
    quote: str
    kind: str


class Loose(Protocol):
    """What matching reads of a decision."""

    claim_id: str
    quote_sha: str
    file_name: str
    quote: str
    machine_kind: str
    machine_place: str | None


@dataclass(frozen=True)
class Match:
    decision: Loose
    claim: Candidate


def _rank(decision: Loose, claim: Candidate, place_of: dict[str, str | None]) -> int:
    return (claim.kind == decision.machine_kind) * 2 + (
        place_of.get(claim.id) == decision.machine_place
    )


def match(
    loose: Sequence[Loose],
    claims: Iterable[Candidate],
    taken: set[tuple[str, str]],
    place_of: dict[str, str | None],
) -> tuple[list[Match], list[Loose]]:
    """``loose`` decisions (their claim is gone) matched to ``claims`` not in ``taken``
    (claim id, quote hash) → (matches, orphans). ``place_of``: claim id → its place key."""
    by_name: dict[str, list[Candidate]] = {}
    for claim in claims:
        by_name.setdefault(file_name(claim.file), []).append(claim)
    matches: list[Match] = []
    orphans: list[Loose] = []
    for decision in sorted(loose, key=lambda d: (d.file_name, d.claim_id)):
        pool = [c for c in by_name.get(decision.file_name, ()) if _free(c, taken)]
        found = _best(decision, pool, place_of)
        if found is None:
            orphans.append(decision)
            continue
        taken.add((found.id, quote_hash(found.quote)))
        matches.append(Match(decision, found))
    return matches, orphans


def _free(claim: Candidate, taken: set[tuple[str, str]]) -> bool:
    return (claim.id, quote_hash(claim.quote)) not in taken


def _best(
    decision: Loose, pool: list[Candidate], place_of: dict[str, str | None]
) -> Candidate | None:
    exact = [c for c in pool if quote_hash(c.quote) == decision.quote_sha]
    same = exact or [c for c in pool if folded(c.quote) == folded(decision.quote)]
    if not same:
        return None
    ranked = sorted(same, key=lambda c: -_rank(decision, c, place_of))
    if len(ranked) > 1 and _rank(decision, ranked[0], place_of) == _rank(
        decision, ranked[1], place_of
    ):
        return None  # two equally good claims: no guess
    return ranked[0]
