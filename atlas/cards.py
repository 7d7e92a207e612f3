"""One claim as every panel shows it, as escaped HTML: who (with a side chip in the profile's
colours), what (kind, figure as stated), the denial mark, when ("on", "reported by"), the
source with a link to the original, the quote in its paragraph, why it was made (rule ids,
how place and date were fixed), how many outlets carry it, and a permalink.

All article-derived text goes through :func:`html.escape`; links are http(s) only or relative
query strings this module builds itself.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from atlas.palette import Palette
from atlas.reader_view import quote_in_paragraph_html, safe_url
from atlas.state import query_string
from atlas.when import date_label
from atlas.words import DENIAL_MARK, figure_text, kind_label, place_precision_text, rule_text
from claims.corroboration import Group
from claims.model import Article, Claim


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def side_chip(side: str, palette: Palette) -> str:
    style = palette.style(side)
    return (
        f'<span class="ca-chip" style="background-color:{style.fill};color:{style.text}">'
        f"{esc(style.label)}</span>"
    )


def denial_badge() -> str:
    return f'<span class="ca-denial" title="This claim denies another">{DENIAL_MARK}</span>'


def permalink(place: str | None, claim: Claim) -> str:
    """A link that reopens the dashboard on this claim (its place selected, it marked)."""
    params: dict[str, str | list[str]] = {"claim": claim.id}
    if place:
        params["place"] = place
    return query_string(params)


def claim_header_html(claim: Claim, palette: Palette) -> str:
    """``<b>Fahim Dashti</b> [NRF] · casualties · about 600 [DENIAL]``."""
    who = esc(claim.claimant or "claimant not stated")
    bits = [f"<b>{who}</b> {side_chip(claim.side, palette)}", esc(kind_label(claim.kind))]
    figure = figure_text(claim)
    if figure:
        bits.append(f'<b class="ca-figure">{esc(figure)}</b>')
    head = " · ".join(bits)
    if claim.stance == "denies":
        head += " " + denial_badge()
    return f'<div class="ca-head">{head}</div>'


def source_line_html(claim: Claim, source: str, article: Article | None) -> str:
    """``on 5 Sep 2021 · Pop Smoke Media — Title · original ↗``."""
    when = f'<span class="ca-when">{esc(date_label(claim))}</span>'
    title = (article.meta.title if article else None) or claim.title
    text = esc(source) + (f" — {esc(title)}" if title and title not in source else "")
    url = safe_url((article.meta.url if article else None) or claim.url)
    link = (
        f' · <a href="{esc(url)}" target="_blank" rel="noopener noreferrer nofollow">original ↗</a>'
        if url
        else ""
    )
    return f'<div class="ca-meta">{when} · {text}{link}</div>'


def why_html(claim: Claim, group: Group | None) -> str:
    """The claim's provenance: rule ids, place and date basis, corroboration."""
    rows = [
        ("why", rule_text(claim)),
        ("place", f"{claim.place_basis or 'not named'}; {place_precision_text(claim)}"),
        ("date", claim.date_basis or "not stated"),
    ]
    if group is not None and group.n_outlets > 1:
        rows.append(("carried by", f"{group.n_outlets} outlets ({group.n_claims} claims)"))
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    return f'<dl class="ca-why">{items}</dl>'


def claim_card_html(
    claim: Claim,
    palette: Palette,
    source: str,
    article: Article | None,
    group: Group | None = None,
    place: str | None = None,
    linked: bool = False,
    denies: list[Claim] | None = None,
    label_of: Callable[[Claim], str] | None = None,
) -> str:
    """The whole card. ``linked``: the claim a permalink pointed at (drawn marked);
    ``denies``: the claims a denial answers, named under it."""
    quote = (
        f'<div class="ca-para">{quote_in_paragraph_html(article, claim)}</div>'
        if article is not None
        else f'<div class="ca-para"><p>{esc(claim.quote)}</p></div>'
    )
    parts = [claim_header_html(claim, palette), source_line_html(claim, source, article), quote]
    if denies:
        named = "; ".join(
            f"{esc(c.claimant or 'claimant not stated')}: "
            f"{esc(figure_text(c) or kind_label(c.kind))}"
            + (f" ({esc(label_of(c))})" if label_of else "")
            for c in denies
        )
        parts.append(f'<div class="ca-denies">Denies: {named}</div>')
    parts.append(why_html(claim, group))
    parts.append(
        f'<div class="ca-links"><a href="{esc(permalink(place, claim))}" target="_self" '
        f'class="ca-permalink">permalink</a></div>'
    )
    cls = "ca-card ca-linked" if linked else "ca-card"
    return f'<div class="{cls}" data-claim="{esc(claim.id)}">{"".join(parts)}</div>'
