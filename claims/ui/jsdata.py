"""JSON for embedding in a folium template, inert both as HTML and as Jinja source.

branca compiles the *rendered* script of every MacroElement as a Jinja template again
(``Element(script(self, kwargs))``), so a ``{{``/``{%``/``{#`` inside data would be evaluated on
the server, and ``</script>`` would end the script in the browser. :func:`to_js` writes JSON
whose string literals contain no ``{ } < > & '`` (they become ``\\u007b`` … escapes, which
``JSON.parse``/JavaScript read back as the same characters); structural JSON braces are never
followed by ``{``, ``%`` or ``#``, so no template delimiter survives.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans(
    {
        "{": "\\u007b",
        "}": "\\u007d",
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "'": "\\u0027",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def _string(text: str) -> str:
    # json.dumps's own escapes (\" \\ \n \uXXXX) contain none of the characters translated
    return json.dumps(text, ensure_ascii=False).translate(_ESCAPES)


def to_js(value: Any) -> str:
    """``value`` as a JavaScript literal (JSON) safe to paste into a folium/branca template.

    Accepts what JSON does: dict (string keys), list/tuple, str, int, float (finite), bool, None.
    """
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value, allow_nan=False)
    if isinstance(value, dict):
        items = (f"{_string(str(k))}:{to_js(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(to_js(v) for v in value) + "]"
    raise TypeError(f"Expected JSON-like data for the map, instead got: {type(value).__name__}.")
