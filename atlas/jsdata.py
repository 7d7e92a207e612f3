"""JSON for embedding in a folium template, inert both as HTML and as Jinja source.

branca compiles the *rendered* script of every MacroElement as a Jinja template again
(``Element(script(self, kwargs))``), so a ``{{``/``{%``/``{#`` inside data would be evaluated on
the server, and ``</script>`` would end the script in the browser. :func:`to_js` writes JSON
whose string literals contain no ``< > & '`` and no ``{`` that opens a Jinja delimiter (they
become ``\\u003c`` … ``\\u007b`` escapes, which ``JSON.parse``/JavaScript read back as the same
characters); structural JSON braces are never followed by ``{``, ``%`` or ``#``, so no template
delimiter survives.
"""

from __future__ import annotations

import json
import re
from typing import Any

_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "'": "\\u0027",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)
# A brace that opens a Jinja delimiter ({{ {% {#) can only stand inside a string literal:
# structural JSON braces are followed by a quote or a closing brace.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def to_js(value: Any) -> str:
    """``value`` as a JavaScript literal (JSON) safe to paste into a folium/branca template.

    Accepts what JSON does: dict (string keys), list/tuple, str, int, float (finite), bool, None.
    One ``json.dumps`` call, then the characters that matter to HTML or Jinja are replaced by
    ``\\uXXXX`` escapes, which only occur inside string literals.
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"Expected JSON-like data for the map, instead got: {type(value).__name__} ({err})."
        ) from err
    return _JINJA_OPEN.sub(r"\\u007b", text.translate(_ESCAPES))
