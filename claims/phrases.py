"""Speaker phrases: a phrase split into core, head, complements, appositions and relative
clauses (from plain text, :func:`phrase_from_text`; the parse gives them in
:mod:`claims.frames.subjects`), the identity read from one, and the helpers that read names and
mentions out of it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.actors import ActorMention
from claims.speakers import Number

# ---------------------------------------------------------------- speaker phrases


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase split into its parts (offsets into the statement)."""

    start: int
    end: int
    core: tuple[int, int]  # determiners, modifiers and the head
    head: str  # lower case
    complements: tuple[tuple[int, int], ...] = ()  # "for the NRF", "of the resistance"
    appositions: tuple[tuple[int, int], ...] = ()
    relatives: tuple[tuple[int, int], ...] = ()
    plural: bool = False
    age: bool = False  # "X, 52," — a private person given with an age
    before: str = ""  # the reported text before a post-posed phrase (for "a spokesman")
    context: str = ""  # the statement text before the phrase (for "the group", "the latter")


@dataclass(frozen=True, slots=True)
class Identity:
    claimant: str
    side: str | None  # None: the phrase alone does not tell (a bare role)
    rule: str
    number: Number
    head: str
    party: str | None = None


_SPLIT = re.compile(
    r"\s+(?:of|for|from|in|at|with|within|close\s+to|loyal\s+to|against)\s+|,\s*"
    r"|\s+(?=(?:fighting|battling|resisting|opposing)\s)",  # "a commander fighting X"
    re.IGNORECASE,
)


def phrase_from_text(text: str, start: int, end: int) -> Phrase:
    """A speaker phrase from plain text (no parse): the core up to the first preposition or
    comma, then complements, appositions and relative clauses."""
    piece = text[start:end]
    cut = _SPLIT.search(piece)
    core_end = start + (cut.start() if cut else len(piece.rstrip()))
    words = re.findall(r"[\w'-]+", text[start:core_end])
    head = words[-1].lower() if words else ""
    complements: list[tuple[int, int]] = []
    appositions: list[tuple[int, int]] = []
    relatives: list[tuple[int, int]] = []
    pos = core_end
    for m in _SPLIT.finditer(piece, cut.start() if cut else len(piece)):
        nxt = _SPLIT.search(piece, m.end())
        part = (start + m.end(), start + (nxt.start() if nxt else len(piece)))
        chunk = text[part[0] : part[1]].lower()
        if chunk.startswith(("who ", "whom ", "which ")):
            relatives.append(part)
        elif m.group(0).strip() == ",":
            appositions.append(part)
        else:
            complements.append(part)
        pos = part[1]
    del pos
    age = any(re.fullmatch(r"\s*\d{1,3}\s*", text[s:e]) for s, e in appositions)
    plural = head.endswith("s") and not head.endswith("ss")
    return Phrase(start, end, (start, core_end), head, tuple(complements), tuple(appositions),
                  tuple(relatives), plural, age, context=text[:start])  # fmt: skip


_NAME_PART = re.compile(r"^[A-Z][\w'.-]*$")
HONORIFICS = "Mr|Mrs|Ms|Dr|Gen"  # before a surname ("Mr. Ahmadi"); claims.run uses them too
_HONORIFIC = re.compile(rf"^(?:{HONORIFICS})\.?\s+(?=[A-Z])")
_TITLE_WORDS = re.compile(
    r"^(?:gen\.?|general|commander|mr\.?|ms\.?|mrs\.?|"
    r"engineer|col\.?|colonel|maj\.?|major|lt\.?|capt\.?|defen[cs]e|minister|spokes\w+|former|"
    r"deputy|chief|president|vice|leader|head|official|amir|emir|governor)$",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    return text.strip(" ,;:-–—\"'“”‘’()[]")


def _trailing_name(text: str) -> str | None:
    """The run of capitalised words that ends ``text``, past titles ("Taliban spokesman
    Zabihullah Mujahid" → "Zabihullah Mujahid"; "Defense Minister Gen. Bismillah Mohammadi" →
    "Bismillah Mohammadi")."""
    run: list[str] = []
    for word in reversed(text.split()):
        bare = word.strip(",.\"'“”’")
        if not _NAME_PART.match(bare) or _TITLE_WORDS.match(bare):
            break
        run.append(bare)
    if not run:
        return None
    return " ".join(reversed(run))


def _is_definite(core: str) -> bool:
    return core.lower().startswith(("the ", "this ", "that ", "these ", "those ", "one of "))


def _within(mentions: list[ActorMention], span: tuple[int, int], shift: int) -> list[ActorMention]:
    """Mentions that start inside ``span`` ("the National Resistance Front of Afghanistan"
    names the party even when the parse puts "of Afghanistan" outside the core)."""
    return [m for m in mentions if span[0] <= m.start + shift < span[1]]


def _strongest(mentions: list[ActorMention]) -> ActorMention:
    return max(mentions, key=lambda m: (m.strength, -m.start))
