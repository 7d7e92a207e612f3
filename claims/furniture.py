"""Page furniture: the parts of a saved web page that are not the article.

General rules of web page layout, not lists of any site's lines:

- *lines* that are navigation, "Read also"/related links, social follow/share prompts,
  subscription and app prompts, comment forms, bylines and update stamps, image credits and
  captions, advertising and legal notices, or that consist mostly of handles, hashtags and links;
- a short line that a caption line right after it repeats ("Fighters in X" then
  "Fighters in X. (Photo courtesy of …)") is the image's alt text;
- everything after an *end-of-article marker* ("Leave a Reply", "Discover more from …",
  "Related posts", "Recent News", "Share this:", "Post navigation", a bare "Check Also") is
  page furniture;
- *sentences* inside a paragraph that only promote the outlet ("Stay tuned to … for more news",
  "Click here to …", "Subscribe to …").

All checks run on text normalised by :func:`claims.sentences.normalise` (straight quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.prefilter import prefiltered

_I = re.IGNORECASE

FURNITURE_LINE = re.compile(
    r"""^\W*(?:
        skip\ to\ (?:main\ )?content
      | (?:read|see)\ (?:also|more)\b | also\ read\b | (?:see|read|watch)\s*:
      | related(?:\ (?:posts?|articles?|stories|news|coverage))?\s*:
      | recommended\b | trending\b | most\ (?:read|popular)\b | editor'?s\ picks?\b
      | follow\ (?:us|me)\b | like\ us\b | join\ (?:us|now|our)\b | subscribe\b | sign\ up\b
      | (?:get|receive)\ the\ latest\b | download\ (?:our|the)\ app\b | get\ the\ app\b
      | share\ (?:this|on|via)\b | tweet\ this\b | (?:email|print)\ this\b
      | leave\ a\ (?:reply|comment)\b | fill\ in\ your\ details\b | you\ are\ commenting\ using\b
      | log\ (?:out|in)\b | connecting\ to\ %s | %d\ bloggers | cancel\ reply\b | notify\ me\b
      | post\ (?:a\ )?comment\b | comments?\s*(?:\(\d+\))?\s*$ | \d+\s+comments?\s*$
      | (?:image|photo|picture|video|graphic)s?\s*(?:credit|courtesy|source|by)?\s*[:|]
      | (?:photo|image|picture)\s+(?:courtesy|credit|by)\b | credits?\s*:
      | (?:©|\(c\)\ ) | copyright\b
      | all\ rights\ reserved | written\ by\b | posted\ by\b | reported\ by\b | edited\ by\b
      | by\ (?-i:[A-Z])[^.!?]{0,60}(?:\||\d{4}\s*$|$)
      | (?:last\ )?updated\b(?:\ on)?\s*:?\s*\w | published\s*(?:on)?\s*:
      | advertisement\b | sponsored\b | cookies?\b | privacy\ policy\b
      | terms\ of\ (?:use|service)\b
      | (?:twitter|facebook|google|wordpress(?:\.com)?|linkedin)\ (?:picture|photo|account)\s*$
      | (?:home|menu|search|logo|next|previous|back\ to\ top|top)\s*$
      | home\s*[»›>/|"]\s*(?-i:[A-Z])   # a breadcrumb "Home » World" (» normalised to ")
      | home(?-i:[A-Z][a-z]+[A-Z])   # one glued together: "HomeWorldAsia"
      | tags?\s*: | filed\ under\b | categor(?:y|ies)\s*:
      | (?:previous|next)\ (?:article|post|story)\b
      | stay\ tuned\b | more\ details\ to\ follow\b
      | the\ post\ .{1,200}\ appeared\ first\ on\b
    )""",
    _I | re.VERBOSE,
)
"""A line that is furniture when it starts like this (checked on short lines only)."""

CAPTION = re.compile(
    # "(Photo: …)", "(AP photo)", "(Reuters file photo)": a credit closing the line
    r"\((?:(?-i:[A-Z])[\w./-]*\s+){0,2}?(?:photo|image|picture|pic|video|file\s+photo)s?\b[^)]*\)\s*$"
    r"|\b(?:photo|image|picture)\s+(?:courtesy|credit)\b"
    r"|\b(?:photo|image|picture)\s*:\s*\S+(?:\s+\S+){0,5}\s*$"
    r"|\bvia\s+(?:getty|reuters|ap|afp|twitter|shutterstock)\b[^.]*$",
    _I,
)
"""A line that carries an image credit is a caption (the whole line is furniture)."""
CAPTION = prefiltered(CAPTION)

END_OF_ARTICLE = re.compile(
    r"""^\W*(?:leave\ a\ (?:reply|comment) | discover\ more\ from\b
      | related\ (?:posts|articles|stories)\b
      | recent\ (?:news|posts|articles|stories)\b | you\ (?:may|might)\ also\ like\b
      | more\ (?:stories|news|from)\b | share\ this\s*: | like\ this\s*: | post\ navigation\b
      | about\ the\ author\b | (?:\d+\s+)?comments?\s*$ | (?:\d+\s+)?responses?\s+to\b
      | check\ also\s*$)""",
    _I | re.VERBOSE,
)
"""After a line like this, the rest of the page is furniture."""

PROMO_SENTENCE = re.compile(
    r"""^\W*(?:stay\ tuned\b | click\ here\b | subscribe\b | sign\ up\b | follow\ us\b
      | join\ (?:us|our)\b
      | read\ (?:more|also)\b | share\ this\b | download\ (?:our|the)\ app\b | don'?t\ forget\ to\b
      | for\ more\ (?:news|updates|stories)\b | we\ will\ (?:be\ )?(?:monitoring|keep|update)\b
      | more\ details\ to\ follow\b | this\ is\ a\ developing\ story\b
      | (?:this\ )?story\ (?:is\ )?developing\b)""",
    _I | re.VERBOSE,
)
"""A sentence inside a paragraph that only promotes the outlet or announces updates."""

PROMO_ANYWHERE = re.compile(
    r"\b(?:join\s+now|subscribe\s+(?:now|to\s+our)|follow\s+us|sign\s+up\s+(?:now|for)"
    r"|download\s+(?:our|the)\s+app|whatsapp\s+(?:tv|channel|group)|telegram\s+channel)\b",
    _I,
)
"""A short line with a call to join, follow or subscribe anywhere in it is furniture."""

SHORT_LINE_WORDS = 30
_TOKEN = re.compile(r"\S+")
_LINKISH_TOKENS = re.compile(r"(?<!\S)(?:[@#]\w|https?://|www\.)", _I)  # tokens so opening


LAYOUT_LINE = re.compile(
    r"""\W*(?:image|photo|picture)\s+(?:for|of)\b          # alt text: "image for <headline>"
      | \s*\|                                          # a link list: "| Other headline"
      | \W*about\s+[\w&-]+\s*:                           # "About HKCM: …" (about the publisher)
      | \W*(?:connect\s+with\s+us|all\s+news|live\s+updates?(?!\s*:\s*\w)|thanks\s+for\s+reading
            |that'?s\s+all\s+for|head\s+to\s+the\b|follow\s+\S+\s+(?:live\s*blog|liveblog)
            |file\s+photo|representative\s+image|left\s+menu|topbar)\b
      | \W*-\s*[^()]{2,60}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$   # an embedded tweet's signature
      | \s*(?-i:[A-Z])[\w-]*\s+&\s+(?-i:[A-Z])[\w-]*\s*$     # a section label: "Conflicts & War"
    """,
    _I | re.VERBOSE,
)
"""Lines that are layout, whatever their length, by how they begin (matched at the start):
alt text, link lists, "about" boxes, embedded tweets' signatures, live-blog prompts, a section
label of two words joined by "&"."""

LAYOUT_INSIDE = (
    (("›", "»"), re.compile(r"\S\s+[›»]\s+\S")),  # a breadcrumb: "Forum › Security"
    (("[",), re.compile(r"\[[^\]]{2,60}/[^\]]{2,60}\]\s*$")),  # a photo credit "[Name/Outlet]"
    (("px",), re.compile(r"\b\d+px\d*\b")),  # template residue
    (("photo",), re.compile(r"(?:^|\s)(?:file\s+photo|photo\s*:)\.?\s*$", _I)),
)
"""Layout marks anywhere in a line, each tried only when its characters occur."""

_CAPTION_WORDS = ("photo", "image", "picture", "pic", "video", "via")


def _layout(line: str) -> bool:
    if LAYOUT_LINE.match(line):
        return True
    lower = line.lower()
    for marks, rx in LAYOUT_INSIDE:
        if any(mark in lower for mark in marks) and rx.search(line):
            return True
    return any(w in lower for w in _CAPTION_WORDS) and CAPTION.search(line) is not None


# "In this photo taken on …", "In this frame grab from video …": a wire caption, however long
_CAPTION_OPENING = re.compile(
    r"^\W*in\s+this\s+(?:[\w-]+\s+){0,2}?(?:photos?|photograph|image|picture|pic|frame\s+grab|"
    r"video\s+grab|screen\s*(?:shot|grab)|still|handout)\b",
    _I,
)


def is_furniture_line(line: str) -> bool:
    """True for a (stripped, normalised) line that is page furniture by itself."""
    if _layout(line) or _CAPTION_OPENING.match(line):
        return True
    tokens = _TOKEN.findall(line)
    if not tokens:
        return True
    if len(tokens) <= SHORT_LINE_WORDS and (
        FURNITURE_LINE.match(line) or PROMO_ANYWHERE.search(line)
    ):
        return True
    linkish = len(_LINKISH_TOKENS.findall(line))
    return linkish * 2 >= len(tokens)


def is_end_of_article(line: str) -> bool:
    """True when everything from this line on is page furniture."""
    return len(line) < 120 and END_OF_ARTICLE.match(line) is not None


def is_promo_sentence(sentence: str) -> bool:
    """True for a sentence that only promotes the outlet or announces future updates."""
    return PROMO_SENTENCE.match(sentence) is not None


def is_alt_text(line: str, next_line: str | None) -> bool:
    """True for a short title-like line repeated by the caption line right after it."""
    if next_line is None or not CAPTION.search(next_line):
        return False
    head = line.rstrip(" .")
    return 0 < len(head) <= 120 and next_line.startswith(head)


_SITE_SUFFIX = re.compile(r"^(?P<title>.{20,}?)\s+\|\s+(?P<site>[^|]{1,40})$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_SPACES = re.compile(r"\s+")


def is_page_title(line: str, others: Sequence[str]) -> bool:
    """The page's title element ("Fighters push back | Daily Trust") above the headline it
    repeats: the site's name after a bar, the rest a line of the article."""
    m = _SITE_SUFFIX.match(line)
    if m is None or len(m["site"].split()) > 4:
        return False
    title = m["title"].strip()
    return any(o.strip() == title for o in others)


def is_teaser(line: str, following: Sequence[str]) -> bool:
    """A summary cut off with an ellipsis ("Heavy fighting has erupted … The fighters have
    been in a...") that the article's next lines then give in full."""
    m = _ELLIPSIS_END.search(line)
    if m is None:
        return False
    head = _SPACES.sub(" ", line[: m.start()]).strip()
    if len(head) < 40:
        return False
    rest = _SPACES.sub(" ", " ".join(following))[: len(head) + 1]
    return rest.startswith(head)
