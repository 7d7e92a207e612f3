"""What the dashboard shows, defined once: which claims pass a filter, the source a claim is
counted under, how a claim is dated, and the summary of one place (one marker).

Three implementations answer these questions — this module over :class:`~claims.model.Claim`
objects (the reference), :mod:`store.query` in SQL and :mod:`store.columnar` over columns in
memory — and ``tests/store/test_store_query.py`` holds the other two to this one. The
dashboard (``atlas``) imports everything below from here; nothing is redefined there.

**Filter** (:class:`ClaimFilter`). Sources, sides and kinds are *exclusions* (a source first
seen in an upload is shown). The day window ``[start, end]`` is inclusive, either end open. A
claim is shown when its days can fall in the window: a dated claim when its span overlaps
it; a claim dated only by its report ("reported by 5 Sep": ``date_precision ==
"on_or_before"``, no start) while the window reaches back to that day (``start <=`` report
day); it is hidden when ``include_reported`` is False. An undated claim is shown when
``include_undated``. Every search term must occur in the quote, compared case-folded.
``roots`` keeps the claims of articles read from those corpus folders (a store notion: a list
of claims has no roots, so :func:`filter_claims` refuses a filter that sets them).

**Source** (:func:`source_label`, :func:`distinct_labels`). A claim's source is its outlet
(whitespace collapsed) when the article names one. Otherwise the article is its own source,
``(outlet not stated) <title>`` or ``(outlet not stated) <file name>``; two such articles
with the same label get `` · <file name>`` added, so they are never merged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import PurePath

from claims.corroboration import claim_span
from claims.model import SIDES, Claim

UNKNOWN_OUTLET = "(outlet not stated)"
MIXED = "mixed"


# -- sources ---------------------------------------------------------------------------------


def clean(text: str | None) -> str:
    """Whitespace collapsed; None becomes ''."""
    return " ".join((text or "").split())


def source_label(outlet: str | None, title: str | None, file: str) -> str:
    """The source label of an article (before :func:`distinct_labels` tells apart two of
    unknown outlet that would share one)."""
    named = clean(outlet)
    if named:
        return named
    return f"{UNKNOWN_OUTLET} {clean(title) or PurePath(file).name}"


def claim_source(claim: Claim) -> str:
    """:func:`source_label` from the claim alone."""
    return source_label(claim.outlet, claim.title, claim.file)


def distinct_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """``file → label`` with `` · <file name>`` added to every label of unknown outlet that
    more than one file carries."""
    clash = Counter(label for label in labels.values() if label.startswith(UNKNOWN_OUTLET))
    return {
        file: f"{label} · {PurePath(file).name}" if clash[label] > 1 else label
        for file, label in labels.items()
    }


# -- dates -----------------------------------------------------------------------------------


class Dating(StrEnum):
    """How a claim is dated, as shown to the user."""

    DAY = "on the day"
    RANGE = "over days"
    REPORTED = "reported by"
    UNDATED = "undated"


@dataclass(frozen=True)
class When:
    """A claim's days: ``start`` None means an open start (on or before ``end``)."""

    start: date | None
    end: date
    dating: Dating

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """True when the claim can lie in the window [first, last] (None: unbounded)."""
        if first is not None and self.end < first:
            return False
        return not (last is not None and self.start is not None and self.start > last)

    @property
    def anchor(self) -> date:
        """The day a timeline puts it on: its first day, or the report day."""
        return self.start or self.end


def when(claim: Claim) -> When | None:
    """The claim's :class:`When`, or None when it is undated (or its dates do not parse)."""
    span = claim_span(claim)
    return None if span is None else _when_of(span)


@lru_cache(maxsize=8192)
def _when_of(span: tuple[date | None, date]) -> When:
    start, end = span
    if start is None:
        return When(None, end, Dating.REPORTED)
    return When(start, end, Dating.DAY if start == end else Dating.RANGE)


def dating_of(claim: Claim) -> Dating:
    found = when(claim)
    return Dating.UNDATED if found is None else found.dating


def day_columns(claim: Claim) -> tuple[date | None, date | None]:
    """The store's ``(day_first, day_last)`` of a claim: (start, end) of a dated claim,
    (None, report day) of a "reported by" one, (None, None) of an undated one."""
    found = when(claim)
    return (None, None) if found is None else (found.start, found.end)


# -- the filter ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims are shown. Empty exclusions and no window mean "show everything"; see
    the module docstring for the rules."""

    start: date | None = None
    end: date | None = None
    include_undated: bool = True
    include_reported: bool = True
    excluded_outlets: frozenset[str] = field(default_factory=frozenset)
    excluded_sides: frozenset[str] = field(default_factory=frozenset)
    excluded_kinds: frozenset[str] = field(default_factory=frozenset)
    text: str = ""
    roots: frozenset[str] | None = None

    def search_terms(self) -> tuple[str, ...]:
        return tuple(t.casefold() for t in self.text.split())

    def scoped(self, roots: Iterable[str] | None) -> ClaimFilter:
        """The same filter restricted to the articles of ``roots`` (None: every article)."""
        return replace(self, roots=None if roots is None else frozenset(roots))


ALL = ClaimFilter()
SourceOf = Callable[[Claim], str]


def window_passes(found: When | None, f: ClaimFilter) -> bool:
    """The date part of the filter for one claim's :class:`When`."""
    if found is None:
        return f.include_undated
    if found.dating is Dating.REPORTED and not f.include_reported:
        return False
    return found.overlaps(f.start, f.end)


def matches(
    claim: Claim,
    f: ClaimFilter,
    terms: Sequence[str] | None = None,
    source_of: SourceOf = claim_source,
) -> bool:
    """True when the claim passes every filter in ``f`` (``roots`` aside)."""
    if claim.side in f.excluded_sides or claim.kind in f.excluded_kinds:
        return False
    if f.excluded_outlets and source_of(claim) in f.excluded_outlets:
        return False
    if not window_passes(when(claim), f):
        return False
    terms = f.search_terms() if terms is None else terms
    if terms:
        quote = claim.quote.casefold()
        if not all(t in quote for t in terms):
            return False
    return True


def filter_claims(
    claims: Iterable[Claim], f: ClaimFilter, source_of: SourceOf = claim_source
) -> list[Claim]:
    """The claims that pass ``f``, in their original order."""
    if f.roots is not None:
        raise ValueError("a list of claims has no corpus roots: filter by roots in the store")
    terms = f.search_terms()
    return [c for c in claims if matches(c, f, terms, source_of)]


def without_dates(f: ClaimFilter) -> ClaimFilter:
    """The same filters with the day window opened (for the timeline's context)."""
    return replace(f, start=None, end=None)


def reported_after_window(found: When | None, f: ClaimFilter) -> bool:
    """A "reported by" claim shown although its report day lies after the window's end."""
    return (
        f.end is not None
        and found is not None
        and found.dating is Dating.REPORTED
        and found.end > f.end
    )


def reported_before_window(claims: Iterable[Claim], f: ClaimFilter) -> int:
    """How many of ``claims`` (the shown ones) are dated only by a report after the window's
    end (they may have happened inside it)."""
    return sum(1 for claim in claims if reported_after_window(when(claim), f))


# -- places ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceSummary:
    """The shown claims about one place (one marker): counts by side, how they are dated,
    the days they name, and some claims (newest first: by last day, undated last, then id)."""

    key: str
    name: str
    lat: float
    lon: float
    radius_km: float | None
    precision: str | None
    count: int
    side_counts: tuple[tuple[str, int], ...]  # most first, then by side
    datings: frozenset[Dating] = frozenset()
    days: tuple[date, date] | None = None  # first anchor, last end (report days included)
    samples: tuple[Claim, ...] = ()

    @property
    def undated_only(self) -> bool:
        return self.datings == {Dating.UNDATED}

    @property
    def reported_only(self) -> bool:
        """Every claim dated only by its report (or undated), at least one by its report."""
        return Dating.REPORTED in self.datings and self.datings <= {
            Dating.REPORTED,
            Dating.UNDATED,
        }

    @property
    def is_area(self) -> bool:
        return self.precision == "area" and bool(self.radius_km)

    def side(self, sides: Iterable[str] = SIDES) -> str:
        """The one side every claim shares (a side outside ``sides`` counts as unknown), else
        ``"mixed"``."""
        known = set(sides)
        found = {s if s in known else "unknown" for s, _ in self.side_counts}
        return found.pop() if len(found) == 1 else MIXED


def ranked(items: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """(name, count) pairs, most first, then by name (case-folded)."""
    return tuple(sorted(items, key=lambda kv: (-kv[1], kv[0].casefold(), kv[0])))


def place_key(claim: Claim) -> str | None:
    """The key claims are grouped under: the gazetteer id, else the point rounded to four
    decimals; None for a claim with no point."""
    if claim.lat is None or claim.lon is None:
        return None
    return claim.place_id or f"{claim.lat:.4f},{claim.lon:.4f}"


def newest_first(claim: Claim) -> tuple[bool, int, str]:
    """The place panel's order: newest first by last day, undated last, then by id."""
    found = when(claim)
    return (found is None, -found.end.toordinal() if found else 0, claim.id)


def place_name(members: Iterable[Claim], key: str) -> str:
    """A place's name: the first gazetteer name in sort order, else the first mention, else
    the key (the claims of one gazetteer place all carry the same name)."""
    members = list(members)
    names = [c.place for c in members if c.place]
    mentions = [c.place_mention for c in members if c.place_mention]
    return min(names) if names else min(mentions) if mentions else key


def _days(members: Iterable[Claim]) -> tuple[frozenset[Dating], tuple[date, date] | None]:
    datings: set[Dating] = set()
    first: date | None = None
    last: date | None = None
    for claim in members:
        found = when(claim)
        if found is None:
            datings.add(Dating.UNDATED)
            continue
        datings.add(found.dating)
        first = found.anchor if first is None else min(first, found.anchor)
        last = found.end if last is None else max(last, found.end)
    return frozenset(datings), (first, last) if first and last else None


def summarize_places(
    claims: Iterable[Claim], samples: int | None = None, sides: Iterable[str] | None = None
) -> list[PlaceSummary]:
    """Located claims per place, biggest first, then by name: the reference the store and
    the columns are held to. ``samples``: claims kept per place (None: all of them).
    ``sides``: count a side outside them as ``unknown`` (None: as it is)."""
    known = None if sides is None else set(sides)
    buckets: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = place_key(claim)
        if key is not None:
            buckets[key].append(claim)
    out = []
    for key, members in buckets.items():
        counts = Counter(c.side if known is None or c.side in known else "unknown" for c in members)
        radii = [c.radius_km for c in members if c.radius_km]
        precisions = [c.place_precision for c in members if c.place_precision]
        datings, days = _days(members)
        ordered = sorted(members, key=newest_first)
        out.append(
            PlaceSummary(
                key=key,
                name=place_name(members, key),
                lat=min(float(c.lat) for c in members),  # type: ignore[arg-type]
                lon=min(float(c.lon) for c in members),  # type: ignore[arg-type]
                radius_km=max(radii) if radii else None,
                precision=min(precisions) if precisions else None,
                count=len(members),
                side_counts=ranked(counts.items()),
                datings=datings,
                days=days,
                samples=tuple(ordered if samples is None else ordered[:samples]),
            )
        )
    out.sort(key=lambda p: (-p.count, p.name, p.key))
    return out
