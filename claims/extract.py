"""Articles → claims: one claim per (statement, place, kind), attributed, dated, located and
pinned to the exact words of the source.

The pipeline passes each stage once, in the shape of spaCy's ``Doc`` pipeline: every stage
adds one layer to the article's statements and later stages read the layers:

1. statements — sentences and heading lines, page furniture dropped, joins
   (:mod:`claims.sentences`, :mod:`claims.statements`);
2. places — gazetteer mentions, datelines, venues and qualifiers left out (:mod:`claims.places`);
3. cues — claim words and their kind (:mod:`claims.kinds`), background and non-assertions
   dropped (:mod:`claims.background`);
4. speakers — the dependency parse of the statements with a reporting cue, frames and the
   discourse that resolves pronouns and roles (:mod:`claims.grammar`, :mod:`claims.frames`,
   :mod:`claims.sides`, :mod:`claims.speakers`);
5. figures and dates (:mod:`claims.figures`, :mod:`claims.dates`);
6. claims — each claim word with its place(s), figure, speaker, date and stance; ``rule`` lists
   the ids of the rules that decided each.

This module is the public entry; the stages live in :mod:`claims.run` (the article's run,
its layers and the parse), :mod:`claims.attribution` (a statement's frames),
:mod:`claims.voices` (who speaks where no frame does), :mod:`claims.claim_places` (where each
claim is) and :mod:`claims.assemble` (the claim records).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claims.assemble import claim_id, statement_id
from claims.claim_places import INFERRED as INFERRED
from claims.claim_places import NAMED as NAMED
from claims.model import Article, Claim
from claims.profile import UNKNOWN, Profile
from claims.run import _finish, _parse, _prepare, _Run, has_cue
from claims.run import needs_parse as needs_parse
from claims.speakers import Number

if TYPE_CHECKING:
    from geo import Gazetteer


def extract_claims(
    article: Article, gazetteer: Gazetteer | None = None, profile: Profile | None = None
) -> list[Claim]:
    """All claims of one article, in text order."""
    run = _prepare(article, gazetteer, profile)
    if run is None:
        return []
    _parse([run])
    return _finish(run)


def extract_batch(
    articles: Sequence[Article], gazetteer: Gazetteer | None = None, profile: Profile | None = None
) -> list[list[Claim] | Exception]:
    """The claims of several articles, each as :func:`extract_claims` gives them, with the
    statements of all of them parsed in one batch (the parser runs faster on bigger batches).
    An article whose extraction fails gets its exception in place of its claims; the others
    are not affected."""
    runs: list[_Run | Exception | None] = []
    for article in articles:
        try:
            runs.append(_prepare(article, gazetteer, profile))
        except Exception as exc:  # reported by the caller, per article
            runs.append(exc)
    try:
        _parse([run for run in runs if isinstance(run, _Run)])
    except Exception:  # one article's text upset the parser: parse them one by one
        for i, run in enumerate(runs):
            if isinstance(run, _Run):
                try:
                    _parse([run])
                except Exception as exc:
                    runs[i] = exc
    out: list[list[Claim] | Exception] = []
    for run in runs:
        if run is None or isinstance(run, Exception):
            out.append([] if run is None else run)
            continue
        try:
            out.append(_finish(run))
        except Exception as exc:
            out.append(exc)
    return out


__all__ = ["UNKNOWN", "Number", "claim_id", "extract_claims", "has_cue", "statement_id"]
