"""Find place mentions in running text in one pass over its capitalised words.

Rules (general news-language rules, no article-specific ones):

- A mention starts at a capitalised word (or a word of an uncased script, e.g. Dari); names
  of several words ("Panjshir Valley", "Dasht-e Rewat", "Hindu Kush") match greedily, longest
  first, by exact normalised name or alias (dict lookups, no fuzzy). A generic prefix
  ("Kotal-e Anjuman" = Anjuman Pass, "District of Khinj") is part of the longest match when
  the name behind it is known, so the mention is the whole phrase and resolves to the kind
  the prefix names, not to a namesake of the bare core (the village Anjuman).
- Names that are also common words or person names ("Farah", "Reg", "Tani"…, see
  :mod:`geo.stopwords`) only count in a place context.
- A place context is a preceding preposition or verb of place (``in``, ``at``, ``from``,
  ``near``, ``into``, ``entered``, ``captured``…, optionally followed by ``the``) or a
  following generic word (``district(s)``, ``province``, ``valley``, ``pass``, ``area`` …).
- A phrase coordinated with a place mention ("Andarab, Deh Salah and Pul-i-Hisar",
  "Pul-i-Hisar and Andarab") is in a place context too: lists of places are common in news.
- Capitalised phrases that are not known names are looked up with phonetic/fuzzy matching
  only in a place context (a fuzzy match after a mere preposition must score at least
  :data:`WEAK_CONTEXT_THRESHOLD`; a phonetic-key match, made by a transliteration rule, need
  not); in a following-generic-word context ("the Danah area", "in Foo
  district") an unresolvable phrase is still reported, as an unresolved mention.
- A possessive ``'s``/``’s`` is never part of the span; ``Mention.text == text[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.model import Mention, Resolution
from geo.normalize import GENERIC_PREFIXES, GENERIC_SUFFIXES, normalize, strip_generic
from geo.stopwords import COMPASS_WORDS, MEDIA_WORDS, NOT_PLACE_WORDS, common_words

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’‘ʼ](?![sS]\b)[^\W\d_]+)*")
_GAP = re.compile(r"[ \t\u00a0\u2009\u202f\u2007]{1,3}")  # same line, no punctuation between
PLACE_BEFORE = frozenset(
    """
    in at from near into to entered enter enters entering captured capture captures seized
    seize took take taking around across through toward towards outside inside reached
    reach via besieged attacked stormed overran retook recaptured fled of
    """.split()  # noqa: SIM905
)
_EXAMPLE_WORDS = frozenset({"including", "namely", "notably", "especially"})
_OF_PLACE = frozenset(
    """
    outskirts outskirt edge edges suburbs centre center heart city town village province
    district capital gates entrance parts areas region
    """.split()  # noqa: SIM905
)
_PLACE_PLURALS = frozenset(
    [
        "districts",
        "villages",
        "provinces",
        "towns",
        "cities",
        "valleys",
        "areas",
        "regions",
        "localities",
    ]
)
_CONNECTORS = frozenset({"e", "i", "ye", "wa", "va", "al", "ul", "us", "os", "of"})
WEAK_CONTEXT_THRESHOLD = 87.0
MAX_RUN = 4
_COORDINATION = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    return normalize(token)


# "al-Fashir", "el-Obeid", "ad-Damazin": an Arabic article written lower case and joined by a
# hyphen to a capitalised name starts (or continues) a name like a capital letter does.
_PARTICLE = re.compile(r"^(?:a[dlnrst]|e[dlnrst]|[ue]l|as|ash|ath|az)-(?=[^\W\d_])(?!\w*[a-z]-)")


def _is_cap(token: str) -> bool:
    """Capitalised, or a letter of an uncased script (Dari, Pashto), or an article-prefixed
    capitalised name ("al-Fashir")."""
    if not token[0].islower():
        return True
    # a particle is 2-3 letters and a hyphen: only then is the regex worth running
    return (token[2:3] == "-" or token[3:4] == "-") and _particle_name(token)


def _particle_name(token: str) -> bool:
    m = _PARTICLE.match(token)
    return m is not None and not token[m.end()].islower()


class _Tokens:
    """The words of a text; normal forms and gaps are computed only where looked at."""

    __slots__ = ("_norms", "m", "n", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.m = list(_TOKEN.finditer(text))
        self.n = len(self.m)
        self._norms: dict[int, str] = {}

    def word(self, k: int) -> str:
        return self.m[k].group()

    def norm(self, k: int) -> str:
        v = self._norms.get(k)
        if v is None:
            v = self._norms[k] = _norm(self.m[k].group())
        return v

    def linked(self, k: int) -> bool:
        """Tokens k and k+1 are separated only by spaces on the same line."""
        if k < 0 or k + 1 >= self.n:
            return False
        return _GAP.fullmatch(self.text, self.m[k].end(), self.m[k + 1].start()) is not None


def tokens(text: str) -> _Tokens:
    """The words of ``text``, to share between several :func:`find_mentions` calls."""
    return _Tokens(text)


def find_mentions(gaz: Gazetteer, text: str, words: _Tokens | None = None) -> list[Mention]:
    """Place mentions in ``text``, in order; see the module docstring for the rules.
    ``words``: :func:`tokens` of the same text, when several gazetteers read it."""
    t = words if words is not None and words.text is text else _Tokens(text)
    if not t.n:
        return []
    scan = _Scan(gaz, t)
    free = 0  # first token not yet consumed by a mention or a skipped phrase
    starts = [  # capitalised words, and "al-Fashir"-like ones
        k
        for k, m in enumerate(t.m)
        if not (w := m.group())[0].islower() or ("-" in w and _particle_name(w))
    ]
    for i in starts:
        if i < free:
            continue
        tok = t.m[i].group()
        if tok.isupper() and len(tok) > 1 and not gaz.has_name(t.norm(i)):
            continue  # an acronym (NRF, UN), unless it spells a name in capitals
        match = _longest_name(gaz, t, i)
        if match:
            match = _wa_compound(gaz, t, i, *match)
            free = scan.known(i, *match)
        elif not scan.names_only:
            free = scan.unknown(i, tok, free)
    return scan.out


class _Scan:
    """One pass of :func:`find_mentions`: the text's words, the layer, the mentions so far."""

    __slots__ = ("closing", "gaz", "guard", "names_only", "open_list", "out", "t", "weak")

    def __init__(self, gaz: Gazetteer, t: _Tokens) -> None:
        self.gaz, self.t = gaz, t
        self.weak = gaz.weak_names()
        self.guard = getattr(gaz, "person_guard", False)
        self.names_only = getattr(gaz, "names_only", False)  # finds known names only
        self.out: list[Mention] = []
        self.open_list: tuple[str, int] | None = None  # (plural noun, end token) of a list
        self.closing = False  # the item being read is the list's last ("… and C")

    def add(self, start: int, end: int, res: Resolution) -> None:
        self.out.append(_mention(self.t.text, start, end, res))

    def known(self, i: int, j: int, joined: str) -> int:
        """A known name on tokens i..j-1; returns the next free token."""
        gaz, t = self.gaz, self.t
        hint = _hint_after(t, j)
        # "the districts of Deh Salah, Banu and …", "three districts, Banu, …": Banu is one
        on_list = self._listed(i) or _counted_plural_before(t, i)
        if (joined in self.weak or (self.guard and _person_like(gaz, t, i, j))) and not (
            hint is not None
            or on_list is not None
            or _before_context(t, i)
            or _list_hint(gaz, t, j) in _PLURAL_HINTS  # "Banu and Deh Salah districts"
        ):
            return j
        if hint is None and _outlet_name(t, j):
            return j + 1
        kind = gaz.kind_of_hint(hint) if hint else None
        self.add(t.m[i].start(), t.m[j - 1].end(), _resolve_here(gaz, t, i, j, hint, kind))
        listed = hint or _list_hint(gaz, t, j) or on_list
        opens = listed in _PLURAL_HINTS and not self.closing and _closed_list(gaz, t, j)
        self.open_list = (listed, j) if opens else None
        self.closing = False
        return j

    def unknown(self, i: int, tok: str, free: int) -> int:
        """An unknown capitalised phrase from token i: a mention only in a place context."""
        gaz, t = self.gaz, self.t
        head = _hyphen_head(gaz, t, i) if "-" in tok else None
        if head is not None:  # "Omdurman-based", "Kabul-bound": the name before the hyphen
            start = t.m[i].start()
            self.add(start, start + len(head), gaz.resolve_cached(head))
            return i + 1
        if t.norm(i) in NOT_PLACE_WORDS:
            return free
        j = _phrase_end(gaz, t, i)
        if all(t.norm(k) in COMPASS_WORDS for k in range(i, j)):
            return j  # "the Western region"
        if any(t.norm(k) in NOT_PLACE_WORDS for k in range(i, j)) or (
            "-" in tok and _particle_name(tok) and t.norm(i).split(" ", 1)[-1] in NOT_PLACE_WORDS
        ):
            return free
        adjacent = _hint_after(t, j)
        hint = adjacent or _list_hint(gaz, t, j) or self._listed(i)
        if hint is None and j - i > 1 and t.norm(j - 1) in GENERIC_SUFFIXES:
            if _common_word(t.norm(i)):
                return j  # a title-case headline's "… Captures City, …": no name before "City"
            hint = t.norm(j - 1)  # "the Arzeh Valley": the generic word is capitalised too
        if hint is None and not (
            _before_context(t, i) or _coordinated(gaz, t, self.out, i, j, self.weak)
        ):
            return j
        kind = gaz.kind_of_hint(hint) if hint else None
        res = _resolve_here(gaz, t, i, j, adjacent, kind)
        narrowed = (
            res.resolved
            and res.place is not None
            and _province_after(gaz, t, j) == (res.place.province)
        )
        if (
            hint is None
            and not narrowed
            and res.method == "fuzzy"
            and res.score < WEAK_CONTEXT_THRESHOLD
        ):
            res = Resolution(res.query, reason="weak match outside a strong place context")
        # a close spelling of a name two places share ("in Faizabad") is a mention as the exact
        # name is: the statement's province may settle which one
        shared = res.reason == "ambiguous" and res.score >= WEAK_CONTEXT_THRESHOLD
        if res.resolved or hint is not None or shared:
            self.add(t.m[i].start(), t.m[j - 1].end(), res)
            opens = hint in _PLURAL_HINTS and not self.closing and _closed_list(gaz, t, j)
            self.open_list = (hint, j) if opens else None
        self.closing = False
        return j

    def _listed(self, i: int) -> str | None:
        """The plural noun of a list that token ``i`` goes on: "the districts of A, B and C"
        (opened by the noun before its first item), or "A, B and C districts" (found from A)."""
        t = self.t
        item = _next_conjunct(t, self.open_list[1]) if self.open_list is not None else None
        if item is not None and item[0] == i and self.open_list is not None:
            self.closing = item[1]
            return self.open_list[0]
        if i >= 2 and t.norm(i - 1) == "of" and t.linked(i - 2) and t.linked(i - 1):
            word = t.norm(i - 2)
            if GENERIC_SUFFIXES.get(word):  # a kind ("district", "districts"), not "area"
                return word  # "the districts of Bano", "the district of Bano"
        return None


def _common_word(word: str) -> bool:
    """An ordinary English word, or its -s/-es form ("captures")."""
    common = common_words()
    return word in common or (word.endswith("s") and (word[:-1] in common or word[:-2] in common))


def _counted_plural_before(t: _Tokens, i: int) -> str | None:
    """ "three districts, Banu, Puli Hisar and Dih Salah", "the following villages: A, B":
    a counted plural place noun whose list follows it after a comma or colon (asked of a
    known name only: a person named after "three districts," is no place)."""
    if i < 1 or t.norm(i - 1) not in _PLURAL_HINTS:
        return None
    if _APPOSED.fullmatch(t.text, t.m[i - 1].end(), t.m[i].start()) is None:
        return None
    before = t.text[max(0, t.m[i - 1].start() - 24) : t.m[i - 1].start()]
    return t.norm(i - 1) if _COUNTED.search(before) else None


_APPOSED = re.compile(r"\s*[,:]\s*|\s+[-–—]\s+")
_COUNTED = re.compile(
    r"(?:\b\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|following|these|both))"
    r"\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)


_EZAFE_JOINED = re.compile(r"(?:e|i|ye|wa|al|ul)-[A-Z]")  # "Pul e-Hesar", "Jabal al-Saraj"


def _phrase_end(gaz: Gazetteer, t: _Tokens, i: int) -> int:
    """The end of an unknown capitalised phrase from token i (connectors like "e" inside)."""
    j, n = i + 1, t.n
    while (
        j < n
        and j - i < MAX_RUN
        and t.linked(j - 1)
        and (
            (_is_cap(t.word(j)) and _longest_name(gaz, t, j) is None)
            or (t.norm(j) in _CONNECTORS and t.linked(j) and _is_cap(t.word(j + 1)))
            or _EZAFE_JOINED.match(t.word(j)) is not None
        )
    ):
        j += 1
    while j > i + 1 and t.norm(j - 1) in _CONNECTORS:
        j -= 1
    return j


def _mention(text: str, start: int, end: int, res: Resolution) -> Mention:
    return Mention(start, end, text[start:end], res)


_AFTER_CONTEXT = frozenset({"of", "in"})
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_AREA_WORDS = frozenset({"province", "oblast", "state", "region", "governorate"})


def _context_after(
    gaz: Gazetteer, t: _Tokens, k: int, paren: bool = False, hinted: bool = False
) -> str | None:
    """The province named right after token ``k - 1`` ("… of Baghlan", "… in the Kharkiv
    region", ", Baghlan province"), or None. ``paren``: token ``k - 1`` ends a parenthesis
    ("Dara and Afshar (areas) of Panjshir")."""
    gap = t.text[t.m[k - 1].end() : t.m[k].start()]
    if "," not in gap and t.norm(k) not in _AFTER_CONTEXT:
        return None  # the common case, decided without a regex
    comma = _COMMA.fullmatch(gap) is not None
    if not comma:
        joined = t.linked(k - 1) or (paren and _CLOSE_PAREN.fullmatch(gap) is not None)
        if not (joined and t.norm(k) in _AFTER_CONTEXT and t.linked(k)):
            return None
        k += 1
        if k < t.n and t.norm(k) == "the" and t.linked(k):
            k += 1
    if k >= t.n or not _is_cap(t.word(k)):
        return None
    found = _longest_name(gaz, t, k)
    if found is None:
        return None
    end, joined = found
    area_word = end < t.n and t.linked(end - 1) and t.norm(end) in _AREA_WORDS
    if comma and not area_word and not _province_alone(gaz, t, joined, end, strict=not hinted):
        return None  # "Khinj, Bazarak and Rukha" is a list, not a name and its province
    province = gaz.province(joined)
    return province.name if province is not None else None


def _province_alone(
    gaz: Gazetteer, t: _Tokens, joined: str, end: int, strict: bool = False
) -> bool:
    """ "Hisa Awal district, Kapisa, …": after a district, a province's own name that no
    further name follows ("…, Kapisa and Parwan" is a list) is that district's province.
    ``strict`` (no district word before): the province must also close the phrase ("Clashes
    in Khost, Baghlan: …", "…, Baghlan." ), as a headline or dateline writes it."""
    place = gaz.resolve_cached(joined).place
    if place is None or place.kind != "province":
        return False
    item = _next_conjunct(t, end)
    if item is not None and _is_cap(t.word(item[0])):
        return False
    if not strict:
        return True
    rest = t.text[t.m[end - 1].end() :]
    return re.match(r"[ \t]*(?:[:.;)]|$|\n)", rest) is not None


def _province_after(gaz: Gazetteer, t: _Tokens, j: int) -> str | None:
    """The province named right after the phrase ending at token ``j`` ("… (areas) of
    Panjshir"): a fuzzy match inside it is no weak guess."""
    paren = _parenthetical_generic(t, j)
    after = j + 1 if paren else j
    if after >= t.n:
        return None
    return _context_after(gaz, t, after, paren)


def _resolve_here(
    gaz: Gazetteer, t: _Tokens, i: int, j: int, hint: str | None, kind: str | None
) -> Resolution:
    """Tokens ``i..j-1`` resolved, narrowed by the province named right after them (``hint``:
    the generic word right after them, if any)."""
    phrase = t.text[t.m[i].start() : t.m[j - 1].end()]
    after = j + 1 if hint is not None else j
    if hint is not None and after < t.n and t.norm(after) in _SEAT_WORDS and t.linked(after - 1):
        after += 1  # "the Baharak district headquarters in Takhar province"
    paren = _parenthetical_generic(t, after)
    if paren:
        after += 1  # "Afshar (areas) of Panjshir": the generic word in brackets is skipped
    if after >= t.n or (
        t.m[after].group().lower() not in _AFTER_CONTEXT
        and "," not in t.text[t.m[after - 1].end() : t.m[after].start()]
    ):
        return gaz.resolve_cached(phrase, kind)  # nothing named after it: the common case
    province = _context_after(gaz, t, after, paren, hinted=hint is not None)
    if province is not None and normalize(province) != t.norm(i):
        return gaz.resolve(phrase, province, kind=kind)
    return gaz.resolve_cached(phrase, kind)


_SEAT_WORDS = frozenset({"headquarters", "centre", "center", "capital", "building", "compound"})
_OPEN_PAREN = re.compile(r"[ \t]*\([ \t]*")
_CLOSE_PAREN = re.compile(r"[ \t]*\)[ \t]*")


def _parenthetical_generic(t: _Tokens, k: int) -> bool:
    """Token ``k`` is a generic word in brackets right after token ``k - 1``: "(areas)"."""
    if k >= t.n - 1 or k < 1:
        return False
    word = t.norm(k)
    if word not in GENERIC_SUFFIXES and word[:-1] not in GENERIC_SUFFIXES:  # "(areas)"
        return False
    return _OPEN_PAREN.fullmatch(t.text, t.m[k - 1].end(), t.m[k].start()) is not None


_HYPHEN_TAIL = re.compile(r"^([^\W\d_]+)-([a-z]+)$")


def _hyphen_head(gaz: Gazetteer, t: _Tokens, i: int) -> str | None:
    """ "Omdurman" of "Omdurman-based": a known, strong name joined to a lower-case word."""
    m = _HYPHEN_TAIL.match(t.word(i))
    if m is None:
        return None
    norm = _norm(m.group(1))
    if not gaz.has_name(norm) or norm in gaz.weak_names():
        return None
    return m.group(1)


def _outlet_name(t: _Tokens, j: int) -> bool:
    """The name ends at token ``j`` and a capitalised media word follows it on the same line:
    "Kabul Now", "Kabul Times" (an outlet, not a place) — but not in a Title-Case headline,
    where the next word is capitalised too ("Rokha Now Under Taliban Control")."""
    if j >= t.n or not t.linked(j - 1) or not t.word(j)[0].isupper():
        return False
    if t.norm(j) not in MEDIA_WORDS:
        return False
    title_case = j + 1 < t.n and t.linked(j) and t.word(j + 1)[0].isupper()
    return not title_case


def _person_like(gaz: Gazetteer, t: _Tokens, i: int, j: int) -> bool:
    """A one-word name followed by a capitalised word that is neither a name nor a title
    ("Vladimir Putin"): a person (asked only of layers with ``person_guard``)."""
    if j - i != 1 or j >= t.n or not t.linked(i):
        return False
    nxt = t.word(j)
    if not _is_cap(nxt) or t.norm(j) in NOT_PLACE_WORDS or t.norm(j) in GENERIC_SUFFIXES:
        return False
    return _longest_name(gaz, t, j) is None


_PREFIX_HEADS = frozenset(p[0] for p in GENERIC_PREFIXES if p != ("the",))


def _longest_name(gaz: Gazetteer, t: _Tokens, i: int) -> tuple[int, str] | None:
    """The longest known name starting at token ``i``: (end token, normalised name). A name
    behind a generic prefix ("Kotal-e Anjuman", "District of Khenj") counts with its prefix,
    so the prefix is part of the mention and the resolver sees the kind it names."""
    first = t.norm(i)
    head = first.split(" ", 1)[0]
    prefixed = head in _PREFIX_HEADS
    if head not in gaz.first_words and not prefixed:
        return None
    best: tuple[int, str] | None = None
    joined = first
    if gaz.has_name(joined):
        best = (i + 1, joined)
    j = i + 1
    limit = gaz.max_words + (2 if prefixed else 0)
    while j < t.n and j - i < limit and t.linked(j - 1):
        joined = f"{joined} {t.norm(j)}"
        j += 1
        if gaz.has_name(joined) or (prefixed and _has_core(gaz, joined)):
            best = (j, joined)
    return best


def _wa_compound(gaz: Gazetteer, t: _Tokens, i: int, j: int, joined: str) -> tuple[int, str]:
    """ "Khost and Farang": a name of the "X wa Y" form ("X and Y" in Dari) written with
    "and" is one place when the gazetteer knows it so; else the name ends where it did."""
    if not (j + 1 < t.n and t.norm(j) == "and" and t.linked(j - 1) and t.linked(j)):
        return j, joined
    if not _is_cap(t.word(j + 1)):
        return j, joined
    res = gaz.resolve_cached(f"{t.text[t.m[i].start() : t.m[j - 1].end()]} wa {t.word(j + 1)}")
    if res.place is None or res.score < WEAK_CONTEXT_THRESHOLD:
        return j, joined
    name = normalize(res.place.name)
    if " wa " not in f" {name} " or not name.startswith(joined):
        return j, joined
    return j + 2, f"{joined} wa {t.norm(j + 1)}"


def _has_core(gaz: Gazetteer, joined: str) -> bool:
    core, _ = strip_generic(joined)
    return core != joined and gaz.has_name(core)


def _before_context(t: _Tokens, i: int) -> bool:
    k = i - 1
    if k >= 0 and t.norm(k) == "the" and t.linked(k):
        k -= 1
    if k < 0 or not t.linked(k):
        return False
    word = t.norm(k)
    if word == "of":  # "of" alone is too weak ("Lion of X"); "of the X" counts, and so does
        # a noun of place before it ("the outskirts of X", "the city of X")
        return t.norm(k + 1) == "the" or (k > 0 and t.linked(k - 1) and t.norm(k - 1) in _OF_PLACE)
    if word in _EXAMPLE_WORDS:  # "three districts in Baghlan, including Banu": places listed
        return any(t.norm(n) in _PLACE_PLURALS for n in range(max(0, k - 6), k))
    return word in PLACE_BEFORE


def _coordinated(
    gaz: Gazetteer, t: _Tokens, out: list[Mention], i: int, j: int, weak: frozenset[str]
) -> bool:
    """Tokens i..j-1 stand in a list with a resolved place just before or just after them."""
    text, ms = t.text, t.m
    before = out[-1] if out else None
    if (
        before is not None
        and before.resolution.resolved
        and _COORDINATION.fullmatch(text, before.end, ms[i].start())
    ):
        return True
    k = j + 1 if j < t.n and t.norm(j) in ("and", "or") else j
    if k < t.n and _COORDINATION.fullmatch(text, ms[j - 1].end(), ms[k].start()):
        found = _longest_name(gaz, t, k)
        return found is not None and found[1] not in weak
    return False


def _hint_after(t: _Tokens, j: int) -> str | None:
    if j < t.n and t.linked(j - 1) and t.norm(j) in GENERIC_SUFFIXES:
        return t.norm(j)
    return None


_PLURAL_HINTS = frozenset(
    w for w, kind in GENERIC_SUFFIXES.items() if kind and GENERIC_SUFFIXES.get(w[:-1]) == kind
) | frozenset(("regions", "areas", "localities"))
# "districts", "provinces", "villages": a plural that ends a list names what each one is; so
# does a vaguer one ("the Shutur, Paryan and Anabe regions": three places, of no stated kind)
_LIST_GAP = re.compile(r"\s*,\s*")
MAX_LIST = 8


def _next_conjunct(t: _Tokens, k: int) -> tuple[int, bool] | None:
    """The token that starts the next item of a list after token ``k - 1`` (", Y", " and Y",
    ", and Y") and whether it is the last one (after "and"/"or"), or None when no list goes
    on there."""
    if k >= t.n:
        return None
    comma = _LIST_GAP.fullmatch(t.text, t.m[k - 1].end(), t.m[k].start()) is not None
    last = t.norm(k) in ("and", "or") and (comma or t.linked(k - 1)) and t.linked(k)
    if last:
        k += 1
    elif not comma:
        return None
    return (k, last) if k < t.n and _is_cap(t.word(k)) else None


def _list_items(gaz: Gazetteer, t: _Tokens, j: int) -> Iterator[tuple[int, bool]]:
    """The items of a list that goes on after token ``j - 1``: (the token after each item,
    whether it is the last one, after "and"/"or"), at most :data:`MAX_LIST`."""
    k = j
    for _ in range(MAX_LIST):
        item = _next_conjunct(t, k)
        if item is None:
            return
        start, last = item
        known = _longest_name(gaz, t, start)
        k = known[0] if known else _phrase_end(gaz, t, start)
        yield k, last
        if last:
            return


def _closed_list(gaz: Gazetteer, t: _Tokens, j: int) -> bool:
    """A list goes on after token ``j - 1`` and ends with an "and"/"or" item (", B and C"),
    so its items can be told from what follows it ("…, B, Massoud said")."""
    return any(last for _, last in _list_items(gaz, t, j))


def _list_hint(gaz: Gazetteer, t: _Tokens, j: int) -> str | None:
    """The plural generic word that closes a list the phrase ending before token ``j`` opens
    ("in Ragh, Yaftal Bala and Shewa districts": each of them is a district), or None."""
    for k, _ in _list_items(gaz, t, j):
        if k < t.n and t.linked(k - 1) and t.norm(k) in _PLURAL_HINTS:
            return t.norm(k)
    return None
