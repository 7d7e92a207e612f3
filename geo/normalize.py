"""Normal forms of place names for matching.

Three layers, each a pure function:

- :func:`normalize` — spelling-neutral text: case, diacritics, apostrophes/‘ayn, hyphens,
  odd spaces and punctuation removed; a trailing possessive ``'s`` dropped.
  ``"Bāzārak"``, ``"BAZARAK"`` and ``"Bazarak"`` all become ``"bazarak"``.
- :func:`strip_generic` — removes generic words around a name (``district``, ``province``,
  ``valley``, ``pass``, ``Kotal-e``, ``the`` …) and reports the kind they hint at.
- :func:`phonetic_key` — a coarse key for transliteration variants: ezafe (``Dasht-e`` /
  ``Dashte`` / ``Dasht-i``), doubled letters, vowel swaps (``Unabah``/``Anaba``/``Onaba``),
  ``kh``/``h``, ``w``/``v``, ``q``/``k``, final ``-h``. Keys are compared with each other,
  never shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that do not decompose under NFKD.
_LATIN_EXTRA = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
    }
)
_APOSTROPHES = "'`´ʹʻʼʽʾʿˈ‘’‛′"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s$")
_DROP = re.compile(r"[" + _APOSTROPHES + r"]")
_NON_WORD = re.compile(r"[\W_]+")

# Generic words around a name, with the kind they suggest (None: no kind).
GENERIC_SUFFIXES: dict[str, str | None] = {
    "district": "district",
    "districts": "district",
    "province": "province",
    "provinces": "province",
    "valley": "valley",
    "valleys": "valley",
    "gorge": "valley",  # "the Panjshir Gorge" (Russian and wire copy)
    "pass": "pass",
    "area": None,
    "region": None,
    "village": "village",
    "town": "town",
    "city": "city",
    "river": "river",
    "mountains": "range",
    "range": "range",
    # high ground named after a place: "the Hovak heights", "Kafir Hill"
    "heights": None,
    "hill": None,
    "hills": None,
    "ridge": None,
    # first- and second-level divisions elsewhere ("Kharkiv Oblast", "Gezira State")
    "oblast": "province",
    "oblasts": "province",
    "governorate": "province",
    "state": "province",
    "krai": "province",
    "raion": "district",
    "rayon": "district",
}
GENERIC_PREFIXES: dict[tuple[str, ...], str | None] = {
    ("kotal", "e"): "pass",
    ("kotal", "i"): "pass",
    ("kotale",): "pass",
    ("kotal",): "pass",
    ("kutal", "i"): "pass",
    ("kutal", "e"): "pass",
    ("kutal",): "pass",
    ("the",): None,
    ("district", "of"): "district",
    ("province", "of"): "province",
    ("city", "of"): "city",
}
_EZAFE = frozenset({"e", "i", "ye", "y", "o", "u", "wa", "va", "al", "ul", "us", "os", "as"})


def _normalize_once(text: str) -> str:
    if text.isascii():  # fast path: nothing to decompose
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.translate(_LATIN_EXTRA).casefold()
    text = _POSSESSIVE.sub("", text.strip())
    text = _DROP.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def normalize(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free form of ``text``; idempotent."""
    if text.isascii() and text.replace(" ", "").isalpha():
        return " ".join(text.lower().split())  # plain words: the same answer, 3 regexes fewer
    out = _normalize_once(text)
    if out.isascii():  # plain ASCII letters, digits and spaces: already stable
        return out
    for _ in range(3):  # a few Unicode corners need a second pass to settle
        again = _normalize_once(out)
        if again == out:
            break
        out = again
    return out


def strip_generic(norm: str) -> tuple[str, str | None]:
    """Split a normalised name into (core, kind hint) by removing generic words around it.

    The core is never empty: a name made only of generic words ("the pass") keeps its last one.
    """
    tokens = norm.split()
    hint: str | None = None
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for prefix, kind in GENERIC_PREFIXES.items():
            n = len(prefix)
            if len(tokens) > n and tuple(tokens[:n]) == prefix:
                hint = hint or kind
                tokens = tokens[n:]
                changed = True
                break
        if not changed and tokens[-1] in GENERIC_SUFFIXES:
            hint = hint or GENERIC_SUFFIXES[tokens[-1]]
            tokens = tokens[:-1]
            changed = True
    return " ".join(tokens), hint


@dataclass(frozen=True)
class Spelling:
    """One transliteration rule of :func:`phonetic_key`: ``pattern`` (a regex on one word of
    a normalised name) is rewritten to ``replace``; ``example`` is a spelling it unifies."""

    id: str
    pattern: str
    replace: str
    example: str


# Applied in order to every word, before the English digraphs below. Machine translation
# and foreign-language news write one Dari/Pashto/Arabic/Cyrillic sound in each language's
# own letters: German "sch"/"dsch"/"tsch", French "dj"/"tch", Russian-style "dzh".
SPELLINGS: tuple[Spelling, ...] = (
    Spelling("T-de-dsch", r"dsch", "j", "Pandschir = Panjshir"),
    Spelling("T-de-tsch", r"tsch", "ch", "Tschitral = Chitral"),
    Spelling("T-de-sch", r"sch", "sh", "Schutul = Shutul"),
    Spelling("T-ru-dzh", r"dzh", "j", "Dzhankoi = Jankoy"),
    Spelling("T-fr-dj", r"dj", "j", "Djalalabad = Jalalabad"),
    Spelling("T-fr-tch", r"tch", "ch", "Tchad = Chad"),
    # French (and Italian-French wire) "ch" is the English "sh": "Panchir" = "Panshir". Both
    # sides of a comparison are keyed alike, so English "ch" names still meet each other.
    Spelling("T-fr-ch", r"ch", "sh", "Panchir = Panshir"),
    # "Panjshir", "Panjhir", "Penjir": the sh/h after j is often dropped or spelt h.
    Spelling("T-jsh", r"j(?:sh|h)", "j", "Panjhir = Penjir = Panjshir"),
    # ... or the j: "Panshir" (and the French "Panchir") = Panjshir
    Spelling("T-nsh", r"(?<=n)sh", "j", "Panshir = Panjshir"),
    # A final -a/-e after a consonant comes and goes ("Rukha"/"Rukh", "Anaba"/"Anabe"); a final
    # -i stays: it makes a different name ("Bagrami" is not "Bagram", "Shinwari" not "Shinwar").
    Spelling("T-final-vowel", r"(?<=[^aeiouy])[ae]$", "", "Rukh = Rukha"),
)
_SPELLING_RES = tuple((re.compile(r.pattern), r.replace) for r in SPELLINGS)
_DIGRAPHS = (
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("v", "w"),
    ("c", "k"),
    ("x", "ks"),
)
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
MIN_FINAL_VOWEL_WORD = 4  # "Dara", "Bala" keep their final vowel


def _spell(tok: str) -> str:
    for (pattern, replace), rule in zip(_SPELLING_RES, SPELLINGS, strict=True):
        if rule.id == "T-final-vowel" and len(tok) < MIN_FINAL_VOWEL_WORD + 1:
            continue
        tok = pattern.sub(replace, tok)
    return tok


@lru_cache(maxsize=65536)
def phonetic_key(norm: str) -> str:
    """Coarse transliteration-neutral key of a normalised (generic-stripped) name."""
    tokens = [t for t in norm.split() if t not in _EZAFE] or norm.split()
    parts = []
    for i, tok in enumerate(tokens):
        # Attached ezafe ("Dashte Rewak", "Dashti Barchi"): a non-final word's final e/i.
        if i < len(tokens) - 1 and len(tok) >= 4 and tok[-1] in "ei" and tok[-2] not in "aeiou":
            tok = tok[:-1]
        # Final -h after a vowel is silent ("Anabah" = "Anaba", "Rukhah" = "Rukha").
        if len(tok) >= 3 and tok[-1] == "h" and tok[-2] in "aeiou":
            tok = tok[:-1]
        parts.append(_spell(tok))
    word = "".join(parts)
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    if word[:1] == "y":
        word = "Y" + word[1:]  # an initial y is a consonant
    word = _VOWEL_RUN.sub("a", word).replace("Y", "y")
    return _DOUBLE.sub(r"\1", word)


_CONTEXT_SPLIT = re.compile(
    r"^(?P<name>.+?\S)(?:\s*,\s*|\s+(?:of|in)\s+(?:the\s+)?)(?P<context>[^,]+?)"
    r"(?:\s+(?:province|oblast|state|region|governorate))?\s*$",
    re.IGNORECASE,
)


def split_context(text: str) -> tuple[str, str] | None:
    """("Khost district", "Baghlan") for "Khost district of Baghlan", "Khost, Baghlan
    province" or "Khost district in Baghlan": a name and the area named after it. The name
    part must not itself be a bare generic prefix ("District of Khinj" is one name)."""
    m = _CONTEXT_SPLIT.match(text.strip())
    if m is None:
        return None
    name = m.group("name")
    head = tuple(normalize(name).split())
    if not head or head in GENERIC_PREFIXES or (head[-1],) in GENERIC_PREFIXES:
        return None
    return name, m.group("context")


def match_key(text: str) -> str:
    """Phonetic key of raw text: normalise, strip generic words, key."""
    core, _ = strip_generic(normalize(text))
    return phonetic_key(core)
