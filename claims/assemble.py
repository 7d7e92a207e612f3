"""The claim records of a statement: each claim word with its speaker, stance, figure, places
and date, one claim per (place, kind), with stable ids."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims import background, dates, figures, kinds
from claims.claim_places import _claim_places, _Where, _wheres
from claims.model import Claim
from claims.speakers import Frame, SpeakerRule
from claims.stances import denied
from claims.statements import Statement
from claims.vocabulary import ASSERTS, DENIES
from claims.voices import _Voice, _voice, proposer

if TYPE_CHECKING:
    from claims.run import _Layer, _Run
    from geo.model import Place


def _claims(run: _Run, layer: _Layer) -> list[Claim]:
    st, text = layer.st, layer.text
    fix = _date(run, layer)
    figs = figures.assign(text, layer.triggers)
    found = _claim_places(run, layer)
    named_ids = {m.place.id for m in found if m.place is not None}
    out: dict[tuple[str, str], Claim] = {}
    for trig in layer.triggers:
        if _in_speaker_phrase(layer, trig):
            continue  # "according to people who left the valley": it describes the speaker
        voice = _voice(run, layer, trig.start)
        if trig.kind == "negotiation" and not voice.attributed:
            voice = proposer(run, layer, trig.start) or voice
        if voice.opinion:
            continue  # an analyst's reading of events is opinion, not a claim
        stance = DENIES if voice.stance == DENIES or denied(text, trig.start) else ASSERTS
        fig = figs.get(trig.start)
        for where in _wheres(run, layer, trig, found, named_ids):
            claim = _claim(run, st, trig, voice, stance, fig, where, fix)
            place = where.place.id if where.place is not None else where.key
            _keep(out, (place, trig.kind), claim, voice)  # one claim per (place, kind)
            layer.used.append(where)
    return list(out.values())


def _in_speaker_phrase(layer: _Layer, trig: kinds.Trigger) -> bool:
    """The claim word describes a speaker ("according to people who fled the fighting"),
    unless it is what a relative clause of that speaker reports ("…, which says the fighting
    goes on": the relative frame's content)."""

    def in_hole(f: Frame) -> bool:
        return any(s <= trig.start < e for s, e in f.holes[:1])

    if not any(in_hole(f) for f in layer.frames if f.scope[0] < f.scope[1]):
        return False
    return not any(
        SpeakerRule.RELATIVE in f.rule and f.scope[0] <= trig.start < f.scope[1] and not in_hole(f)
        for f in layer.frames
    )


def _keep(
    out: dict[tuple[str, str], Claim], key: tuple[str, str], claim: Claim, voice: _Voice
) -> None:
    """One claim per (place, kind): a speaker's claim outranks the reporter's framing; the
    first figure found is kept."""
    old = out.get(key)
    if old is None:
        out[key] = claim
        return
    if voice.attributed and "S-outlet" in old.rule:
        figure = claim.figure if claim.figure is not None else old.figure
        qualifier = claim.figure_qualifier if claim.figure is not None else old.figure_qualifier
        out[key] = replace(claim, figure=figure, figure_qualifier=qualifier)
    elif old.figure is None and claim.figure is not None:
        out[key] = replace(
            old, figure=claim.figure, figure_qualifier=claim.figure_qualifier,
            figure_scope=claim.figure_scope,
        )  # fmt: skip


def _date(run: _Run, layer: _Layer) -> dates.DateFix:
    text = layer.text
    published = run.article.meta.published
    cut = layer.places.dateline_end
    dated = " " * cut + text[cut:]
    since_then = "since then" in text.lower()
    fix = dates.resolve(dated, published, run.explicit if since_then else None, run.profile.window)
    if layer.st.continuation is not None:
        s, e = layer.st.continuation
        fix = dates.extend_until(fix, run.norm[s:e], published)
    if (
        run.last_fix is not None
        and fix.precision == "on_or_before"
        and background.back_reference(text)
    ):
        fix = run.last_fix  # "In this battle …": the event dated by the statement before
    run.last_fix = fix
    if fix.explicit is not None:
        run.explicit = fix.explicit
    return fix


@lru_cache(maxsize=4096)
def _basename(file: str) -> str:
    return Path(file).name


def claim_id(file: str, sha256: str, start: int, end: int, place_key: str, kind: str) -> str:
    """Stable id: the same article text gives the same ids on every run."""
    raw = f"{_basename(file)}|{sha256[:16]}|{start}|{end}|{place_key}|{kind}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


def statement_id(file: str, sha256: str, start: int, end: int) -> str:
    raw = f"{_basename(file)}|{sha256[:16]}|{start}|{end}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=6).hexdigest()


def place_fields(
    place: Place | None, mention: str | None, basis: str | None, unresolved: str | None
) -> dict[str, Any]:
    """The place columns of a claim: a gazetteer place (or none) and how it was found."""
    return {
        "place": place.name if place is not None else None,
        "place_mention": mention,
        "place_id": place.id if place is not None else None,
        "lat": place.lat if place is not None else None,
        "lon": place.lon if place is not None else None,
        "radius_km": place.radius_km if place is not None else None,
        "place_precision": place.precision if place is not None else None,
        "place_basis": basis,
        "unresolved_place": unresolved,
    }


def _claim(
    run: _Run,
    st: Statement,
    trig: kinds.Trigger,
    voice: _Voice,
    stance: str,
    fig: figures.Figure | None,
    where: _Where,
    fix: dates.DateFix,
) -> Claim:
    article = run.article
    meta = article.meta
    place = where.place
    key = where.key
    rule = f"{trig.rule} {voice.rule} {where.rule} {fix.rule}"
    return Claim(
        id=claim_id(article.file, article.sha256, st.start, st.end, key, trig.kind),
        statement_id=statement_id(article.file, article.sha256, st.start, st.end),
        file=article.file,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        published=meta.published.isoformat() if meta.published else None,
        claimant=" ".join(voice.claimant.split()),  # a name broken over two lines is one name
        side=voice.side,
        kind=trig.kind,
        figure=fig.value if fig else None,
        figure_qualifier=fig.qualifier if fig else None,
        **place_fields(place, where.mention, where.basis, where.unresolved),
        date_start=fix.start.isoformat() if fix.start else None,
        date_end=fix.end.isoformat() if fix.end else None,
        date_precision=fix.precision,
        date_basis=fix.basis,
        quote=article.text[st.start : st.end],
        quote_start=st.start,
        quote_end=st.end,
        stance=stance,
        figure_scope=fig.scope if fig else None,
        rule=rule,
    )
