"""The claim-word rules, read from ``claims/data/cues.toml`` (the table's format is documented
in its header). Each rule's anchor words are expanded (verb forms from
:mod:`claims.vocabulary`), its conditions compiled, and a prefilter derived from the anchors:
a rule is tried on a statement only when one of its anchors' first words occurs in it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.model import KINDS
from claims.vocabulary import alternation, vocabulary

DATA = Path(__file__).resolve().parents[1] / "data" / "cues.toml"
_I = re.IGNORECASE
_FIELDS = frozenset(
    {
        "id",
        "kind",
        "verbs",
        "words",
        "after",
        "before",
        "not_after",
        "not_before",
        "near",
        "window",
        "decide",
        "veto",
        "exempt",
        "shares_span",
        "note",
    }
)
VETOES = frozenset({"clash_word"})
EXEMPTIONS = frozenset({"irrealis", "negation"})


def _decisions() -> frozenset[str]:
    """The decide functions' names (claims.kinds.decide imports this module, so it is read
    when the first rule is built, not at import)."""
    from claims.kinds.decide import DECIDE

    return frozenset(DECIDE)


class RuleError(ValueError):
    """A claim-word rule with a missing or wrong field; the message names the rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str | None  # None: decided by ``decide``
    anchor: re.Pattern[str]
    first_words: frozenset[str]  # the prefilter: one of these words must occur
    after: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    near: re.Pattern[str] | None = None
    window: int = 0
    decide: str | None = None
    veto: str | None = None
    exempt: frozenset[str] = frozenset()
    shares_span: bool = False  # its word may also be another kind's ("repelled the Taliban")


_QUOTED_GAP = r"[’'”\"]?\s+[‘'“\"]?"


@cache
def placeholders() -> dict[str, str]:
    """{people} {forces} {equipment} {facilities} {places} {num} {det}: regex pieces from the
    vocabulary."""
    v = vocabulary()
    numbers = [*v.number_words(), *v.number_scales]
    num = (
        rf"(?:{alternation(numbers)})(?:[\s-]+(?:{alternation(numbers)}))*"
        r"|(?:hundreds|thousands|dozens|scores|tens)\s+of|a\s+dozen|a\s+few|several|many"
    )
    return {
        "people": alternation(v.people_nouns),
        "forces": alternation(v.force_nouns),
        "equipment": alternation(v.equipment_nouns),
        "facilities": alternation(v.facility_nouns),
        "places": alternation(v.place_nouns),
        "num": num,
        "det": r"(?:the|a|an|its|their|his|her|our|all|some|several|many|\d[\d,]*)",
    }


def _expand(pattern: str) -> str:
    out = pattern
    for key, value in placeholders().items():
        out = out.replace("{" + key + "}", f"(?:{value})")
    return out


def _compile(raw: object, rule_id: str, key: str, anchored_end: bool = False) -> re.Pattern[str]:
    if not isinstance(raw, str):
        raise RuleError(f"rule {rule_id}: {key} must be a regular expression, got {raw!r}")
    text = _expand(raw)
    if anchored_end and not text.endswith("$"):
        text = f"(?:{text})$"
    try:
        return re.compile(text, _I)
    except re.error as exc:
        raise RuleError(f"rule {rule_id}: {key} is not a valid pattern ({exc})") from exc


def _anchors(entry: dict, rule_id: str) -> list[str]:
    v = vocabulary()
    words: list[str] = []
    for verb in entry.get("verbs", []):
        head, _, rest = verb.partition(" ")
        for form in v.verb_forms(head):
            words.append(f"{form} {rest}" if rest else form)
    words.extend(entry.get("words", []))
    if not words:
        raise RuleError(f"rule {rule_id}: no verbs and no words")
    return words


def _near(entry: dict, rule_id: str) -> re.Pattern[str] | None:
    items = entry.get("near")
    if not items:
        return None
    parts = [placeholders()[w[1:-1]] if w.startswith("{") else re.escape(w) for w in items]
    body = "|".join(p.replace(r"\ ", r"\s+") for p in parts)
    return re.compile(rf"\b(?:{body})\b", _I)


def _rule(entry: dict) -> Rule:
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id.startswith("K-"):
        raise RuleError(f"rule with a missing or bad id: {entry!r}")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise RuleError(f"rule {rule_id}: unknown field(s) {', '.join(sorted(unknown))}")
    kind = entry.get("kind")
    decide = entry.get("decide")
    if kind is None and decide is None:
        raise RuleError(f"rule {rule_id}: needs a kind or a decide function")
    if kind is not None and kind not in KINDS:
        raise RuleError(f"rule {rule_id}: unknown kind {kind!r}")
    if decide is not None and decide not in _decisions():
        raise RuleError(f"rule {rule_id}: unknown decide function {decide!r}")
    veto = entry.get("veto")
    if veto is not None and veto not in VETOES:
        raise RuleError(f"rule {rule_id}: unknown veto {veto!r}")
    exempt = frozenset(entry.get("exempt", []))
    if not exempt <= EXEMPTIONS:
        raise RuleError(f"rule {rule_id}: unknown exemption(s) {sorted(exempt - EXEMPTIONS)}")
    words = _anchors(entry, rule_id)
    # a headline's scare quotes may cut a phrase: "claims ‘complete capture’ of X"
    body = alternation(words).replace(r"\s+", _QUOTED_GAP)
    anchor = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", _I)
    optional = {
        key: _compile(entry[key], rule_id, key, anchored_end=key in ("before", "not_before"))
        for key in ("after", "before", "not_after", "not_before")
        if key in entry
    }
    return Rule(
        id=rule_id,
        kind=kind,
        anchor=anchor,
        first_words=frozenset(re.split(r"[\s-]+", w.lower())[0] for w in words),
        near=_near(entry, rule_id),
        window=int(entry.get("window", 0)),
        decide=decide,
        veto=veto,
        exempt=exempt,
        shares_span=bool(entry.get("shares_span", False)),
        **optional,
    )


@cache
def rules() -> tuple[Rule, ...]:
    """Every claim-word rule, in the order they are tried."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    table = tuple(_rule(entry) for entry in data.get("rule", []))
    ids = [r.id for r in table]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuleError(f"duplicate rule id(s): {', '.join(sorted(duplicates))}")
    return table
