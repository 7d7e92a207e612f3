"""Statements that hold claim words but assert no current event (rule ids in the skip reason):

- ``B-history``: the statement places its event in the past (decades, earlier years, "9/11",
  :func:`claims.dates.is_historical`); the history of a paragraph carries on until a sentence
  names the current news window; a speaker's biography ("…, who has sold rice here for three
  decades") does not make the statement history;
- ``B-description``: descriptions and geography ("is led by", "80 km north of Kabul", "sits
  some 20 km up the valley");
- ``B-not-asserted``: generalisations ("Whoever holds X …") and programme cues ("On the
  question of talks.");
- ``B-question``: a question asks, it does not assert ("… - can anyone confirm?" still
  asserts);
- ``B-subheading``: a heading line inside the body that names no place and no speaker (a
  section label such as "Under the invasion", "What we know");
- ``B-repeat``: a heading line that repeats an earlier one (image titles, captions).
"""

from __future__ import annotations

import re
from typing import Any

from claims import dates

_I = re.IGNORECASE

_DESCRIPTION = re.compile(
    r"\b(?:is|are|was)\s+(?:now\s+|being\s+|currently\s+|also\s+)?led\s+by\b|"
    r"\b\d+\s*(?:km|kilomet(?:er|re)s?|miles)\s+(?:\w+\s+)?(?:north|south|east|west|up|down)\w*"
    r"(?:\s+of|\s+the\s+valley)?\b|"
    r"\b(?:is|are|lies|sits)\s+(?:located|situated|some|about|roughly)\b",
    _I,
)
_NOT_ASSERTED = re.compile(
    r"^(?:[A-Z][\w.' -]{0,30}:\s*)?(?:whoever|whichever\s+side|anyone\s+who\b|"
    r"(?:(?:and\s+)?now\s+|turning\s+)?(?:on|to)\s+(?:the\s+)?(?:question|subject|issue|matter|topic)"
    r"\s+of\b[^.,;]{0,40}[.:]?\s*$)",
    _I,
)
_TRAILING_RELATIVE = re.compile(r",\s+(?:who|whose|whom)\s[^\"]*$", _I)
_BACK_REFERENCE = re.compile(
    r"th(?:(?:is|at|ese|ose|e\s+same)\s+(?:\w+\s+)?(?:battles?|attacks?|fighting|clash(?:es)?|"
    r"assaults?|offensive|operation|ambush|raids?|engagement)|e\s+(?:operation|raid|ambush|"
    r"assault|attack|battle))\b",
    _I,
)


def back_reference(text: str) -> bool:
    """"In this battle …", "… in the operation": the event named by the statement before."""
    return _BACK_REFERENCE.search(text) is not None


def is_question(text: str) -> bool:
    """A statement that ends in a question mark, unless the question is only tagged on to an
    assertion ("X still holds Y - can anyone confirm?")."""
    if not text.rstrip().rstrip("\"')").endswith("?"):
        return False
    return " - " not in text and "; " not in text


def _historical(run: Any, layer: Any) -> bool:
    if layer.historical is not None:
        return bool(layer.historical)
    text = layer.text
    bio = _TRAILING_RELATIVE.search(text) if "who" in text else None
    value = dates.is_historical(text[: bio.start()] if bio else text, run.article.meta.published)
    layer.historical = value
    return value


def _paragraph_history(run: Any, layer: Any) -> bool:
    for other in run.layers[: layer.st.index]:
        if other.st.line == layer.st.line and _historical(run, other):
            return not dates.has_current_marker(layer.text)
    return False


def _subheading(run: Any, layer: Any) -> bool:
    st = layer.st
    if not st.heading or st.index == 0 or not run.layers[0].st.heading:
        return False
    return not layer.places.mentions and not layer.frames


def _repeat(run: Any, layer: Any) -> bool:
    if not layer.st.heading:
        return False
    text = " ".join(layer.text.split()).lower()
    return any(
        other.st.heading and " ".join(other.text.split()).lower() == text
        for other in run.layers[: layer.st.index]
    )


def skip_reason(run: Any, layer: Any) -> str:
    """The id of the background rule that drops this statement, or ""."""
    text = layer.text
    if _repeat(run, layer):
        return "B-repeat"
    if _historical(run, layer) or _paragraph_history(run, layer):
        return "B-history"
    if _DESCRIPTION.search(text):
        return "B-description"
    if _NOT_ASSERTED.match(text):
        return "B-not-asserted"
    if is_question(text):
        return "B-question"
    if _subheading(run, layer):
        return "B-subheading"
    return ""
