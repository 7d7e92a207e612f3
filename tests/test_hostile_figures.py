"""Numbers that are not counts: HTML character references left in scraped text
(``&#8211;`` for a dash, ``&#8217;`` for an apostrophe) must not become a claim's figure —
a figure of 8211 would also create a false "figures differ" dispute."""

from __future__ import annotations

import pytest

from claims import extract_claims, read_bytes

FRONT = "---\npublished: 2021-09-05\n---\n\n"
CASES = [
    ("Taliban officials said talks in Charikar collapsed on Thursday &#8211; the NRF said.", 8211),
    ("The NRF said the Taliban&#8217;s fighters were killed in Bazarak on Sunday.", 8217),
    ("&#8220;Forty Taliban were killed in Bazarak,&#8221; the NRF said on Sunday.", 8220),
    ("The NRF said 40 Taliban were killed in Bazarak on Sunday &#160;.", 160),
]


@pytest.mark.parametrize(("sentence", "reference"), CASES)
def test_html_character_references_are_not_figures(sentence, reference):
    claims = extract_claims(read_bytes("a.md", (FRONT + sentence + "\n").encode()))
    assert claims, "the sentence is a claim"
    figures = {c.figure for c in claims}
    assert reference not in figures, f"&#{reference}; read as a figure: {figures}"
