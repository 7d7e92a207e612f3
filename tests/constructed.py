"""A small corpus whose claims are constructed, not extracted: it exercises the claim fields the
extractor will fill this round (``stance``, ``figure_scope``, ``rule``, ``on_or_before`` dates)
and the cases the dashboard must get right — a combined figure, a qualifier, a denial, a claim
and a counter-claim of different kinds, a town and a province-level counter-claim, the same
assertion from two outlets, two articles with no outlet.

The articles are real files (read by ``claims.read_article``), so quotes sit in their
paragraphs; each claim's ``quote`` is ``text[quote_start:quote_end]``. ``serve_constructed.py``
starts the dashboard on it.
"""

from __future__ import annotations

from pathlib import Path

from atlas.sample import make_claim
from claims.corpus import Corpus
from claims.model import Claim
from claims.reader import read_article

PANJSHIR = dict(
    place="Panjshir",
    place_mention="Panjshir",
    place_id="province:AF08",
    lat=35.4828,
    lon=69.8819,
    radius_km=34.5,
    place_precision="area",
)
BAZARAK = dict(
    place="Bazarak",
    place_mention="Bazarak",
    place_id="place:bazarak",
    lat=35.3129,
    lon=69.5152,
    radius_km=3.0,
    place_precision="point",
)
KHAWAK = dict(place="Khawak Pass", place_mention="Khawak", place_id="place:khawak-pass",
              lat=35.6631, lon=69.7873, radius_km=2.0, place_precision="point")  # fmt: skip

ARTICLES = {
    "north_wire.md": (
        "---\ntitle: NRF says 600 Taliban killed\noutlet: North Wire\n"
        "url: https://example.org/north\npublished: 2021-09-05\n---\n"
        "The NRF said about 600 Taliban were killed in Bazarak on Saturday.\n\n"
        "The NRF said 1,600 Taliban were dead or captured in Panjshir.\n\n"
        "The NRF said the Taliban attack on Bazarak was repelled on Saturday.\n"
    ),
    "south_agency.md": (
        "---\ntitle: Taliban claim Panjshir\noutlet: South Agency\npublished: 2021-09-05\n---\n\n"
        "A Taliban spokesman said the group took control of Panjshir on Saturday.\n\n"
        "The Taliban denied that 600 of their fighters were killed in Bazarak.\n\n"
        "The NRF said 600 Taliban were killed in Bazarak on Saturday.\n"
    ),
    "valley_notes.md": (
        "---\ntitle: Reports from the valley\npublished: 2021-09-05\n---\n\n"
        "Residents said fighting was heard near the Khawak Pass.\n"
    ),
    "untitled.txt": "A local official said 20 fighters were captured in Panjshir.\n",
}
RULE = "kind=K-casualties-killed speaker=S-subject place=P-named date=D-weekday"


def _claim(folder: Path, file: str, sentence: str, **fields) -> Claim:
    text = read_article(folder / file).text
    start = text.index(sentence)
    meta = read_article(folder / file).meta
    return make_claim(
        file=str(folder / file),
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        published=meta.published.isoformat() if meta.published else None,
        quote=sentence,
        quote_start=start,
        quote_end=start + len(sentence),
        **fields,
    )


def claims_for(folder: Path) -> list[Claim]:
    day = {"date": "2021-09-04", "date_basis": "'on Saturday' resolved against 2021-09-05"}
    return [
        _claim(folder, "north_wire.md",
               "The NRF said about 600 Taliban were killed in Bazarak on Saturday.",
               id="a1", statement_id="n1", claimant="The NRF", side="NRF", kind="casualties",
               figure=600, figure_qualifier="about", rule=RULE, **BAZARAK, **day),
        _claim(folder, "north_wire.md",
               "The NRF said 1,600 Taliban were dead or captured in Panjshir.",
               id="a2", statement_id="n2", claimant="The NRF", side="NRF", kind="casualties",
               figure=1600, figure_scope="dead or captured", reported_by="2021-09-05",
               rule="kind=K-combined speaker=S-subject place=P-named date=D-published",
               **PANJSHIR),
        _claim(folder, "north_wire.md",
               "The NRF said the Taliban attack on Bazarak was repelled on Saturday.",
               id="a3", statement_id="n3", claimant="The NRF", side="NRF", kind="clashes",
               figure=None, rule="kind=K-clash-repelled", **BAZARAK, **day),
        _claim(folder, "south_agency.md",
               "A Taliban spokesman said the group took control of Panjshir on Saturday.",
               id="b1", statement_id="s1", claimant="A Taliban spokesman", side="Taliban",
               kind="territorial_control", figure=None, rule="kind=K-control-took",
               **PANJSHIR, **day),
        _claim(folder, "south_agency.md",
               "The Taliban denied that 600 of their fighters were killed in Bazarak.",
               id="b2", statement_id="s2", claimant="The Taliban", side="Taliban",
               kind="casualties", figure=None, stance="denies", rule="kind=K-denial",
               **BAZARAK, **day),
        _claim(folder, "south_agency.md",
               "The NRF said 600 Taliban were killed in Bazarak on Saturday.",
               id="b3", statement_id="s3", claimant="The NRF", side="NRF", kind="casualties",
               figure=600, rule=RULE, **BAZARAK, **day),
        _claim(folder, "valley_notes.md",
               "Residents said fighting was heard near the Khawak Pass.",
               id="c1", statement_id="v1", claimant="Residents", side="other", kind="clashes",
               figure=None, date=None, date_basis="undated: no day stated", **KHAWAK),
        _claim(folder, "untitled.txt",
               "A local official said 20 fighters were captured in Panjshir.",
               id="d1", statement_id="u1", claimant="A local official", side="unknown",
               kind="captured_people", figure=20, reported_by="2021-09-03", **PANJSHIR),
    ]  # fmt: skip


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(folder: Path) -> Corpus:
    """The corpus of ``folder`` (written by :func:`write_corpus`) with constructed claims."""
    articles = [read_article(folder / name) for name in sorted(ARTICLES)]
    return Corpus(articles=articles, claims=claims_for(folder))
