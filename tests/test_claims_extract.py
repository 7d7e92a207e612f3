"""claims.extract on small articles in several outlets' styles: kinds, sides, claimants,
places, dates, figures and exact quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims import Claim, extract_claims, read_article, read_bytes
from claims.model import CLAIM_FIELDS, DATE_PRECISIONS, KINDS, PLACE_BASES, SIDES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def article(body: str, published: str | None = "2021-09-05", outlet: str | None = "Wire"):
    front = ["---"]
    if published:
        front.append(f"published: {published}")
    if outlet:
        front.append(f"outlet: {outlet}")
    front.append("---")
    return read_bytes("test.md", ("\n".join(front) + "\n" + body).encode())


def only(claims: list[Claim], **want: object) -> list[Claim]:
    return [c for c in claims if all(getattr(c, k) == v for k, v in want.items())]


@pytest.mark.parametrize(
    ("sentence", "kind", "side", "claimant", "figure", "qualifier"),
    [
        ("The NRF said 300 Taliban fighters were killed in Paryan.", "casualties", "NRF",
         "The NRF", 300, None),
        ("Taliban spokesman Bilal Karimi said the Khinj district had been captured.",
         "territorial_control", "Taliban", "Bilal Karimi", None, None),
        ("“We have taken Bazarak,” Zabihullah Mujahid told reporters.",
         "territorial_control", "Taliban", "Zabihullah Mujahid", None, None),
        ("According to resistance sources, about forty Taliban surrendered in Khinj.",
         "captured_people", "NRF", "resistance sources", 40, "about"),
        ("Fighting raged near Bazarak on Saturday, residents said.", "clashes", "other",
         "residents", None, None),
        ("The resistance destroyed a dozen Taliban vehicles near Anaba.", "equipment", "other",
         "Wire", 12, None),
        ("Taliban officials said talks with elders in Bazarak had collapsed.", "negotiation",
         "Taliban", "Taliban officials", None, None),
        ("Internet and phone lines in Bazarak have been cut, locals said.", "infrastructure",
         "other", "locals", None, None),
        ("Hundreds of families fled Bazarak, aid workers said.", "other", "other",
         "aid workers", 100, "hundreds"),
        ("Fahim Dashti, an NRF spokesperson, said the Taliban lost 40 of their men in Khinj.",
         "casualties", "NRF", "Fahim Dashti", 40, None),
        ("Forces loyal to Ahmad Massoud retook Paryan, the group's spokesman claimed.",
         "territorial_control", "NRF", "the group's spokesman", None, None),
    ],
)  # fmt: skip
def test_one_sentence_claims(sentence, kind, side, claimant, figure, qualifier) -> None:
    claims = extract_claims(article(sentence + "\n"))
    hits = only(claims, kind=kind)
    assert hits, [(c.kind, c.side, c.claimant) for c in claims]
    claim = hits[0]
    assert (claim.side, claim.claimant) == (side, claimant)
    assert (claim.figure, claim.figure_qualifier) == (figure, qualifier)
    assert claim.place_basis == "named in the sentence" and claim.place_id


@pytest.mark.parametrize(
    "sentence",
    [
        "Panjshir is roughly 90 miles north of Kabul, deep in the Hindu Kush.",
        "Massoud was assassinated two days before the September 11, 2001 attacks.",
        "The Soviets attacked the valley nine times in the 1980s.",
        "The Taliban will try to capture Bazarak next week.",
        "If the resistance cannot hold Paryan, the valley may fall.",
        "The valley has never been captured by attacking forces.",
        "The resistance is led by Ahmad Massoud.",
        "Stay tuned to Wire for more news.",
        "There were no reports of civilian casualties in Paryan.",
        '"We will fight to the last man in Paryan," a resistance commander said.',
    ],
)
def test_background_predictions_and_descriptions_are_not_claims(sentence: str) -> None:
    assert [c.kind for c in extract_claims(article(sentence + "\n"))] == []


def test_two_places_and_two_kinds_share_a_statement_id() -> None:
    text = "The Taliban said 700 fighters were killed and 600 captured in Khinj and Paryan.\n"
    claims = extract_claims(article(text))
    keys = {(c.kind, c.place, c.figure) for c in claims}
    assert keys == {
        ("casualties", "Khenj", 700),
        ("casualties", "Paryan", 700),
        ("captured_people", "Khenj", 600),
        ("captured_people", "Paryan", 600),
    }
    assert len({c.statement_id for c in claims}) == 1 and len({c.id for c in claims}) == 4


def test_statement_without_place_takes_the_article_place() -> None:
    body = "Fighting was reported in Paryan.\nThe Taliban lost 40 fighters, the NRF said.\n"
    claims = extract_claims(article(body))
    inferred = only(claims, kind="casualties")[0]
    assert inferred.place == "Paryan" and inferred.place_basis == "inferred from the article"
    assert inferred.place_mention is None


def test_unresolved_place_keeps_the_claim_without_coordinates() -> None:
    claims = extract_claims(article("Clashes erupted in the Zorbazak area on Monday.\n"))
    (claim,) = claims
    assert claim.unresolved_place and "Zorbazak" in claim.unresolved_place
    assert claim.place_id is None and claim.lat is None and not claim.located
    assert claim.date_start == "2021-08-30"


def test_undated_blog_post_gives_undated_claims() -> None:
    body = "Today the Taliban attacked Paryan. On Sunday night, clashes followed.\n"
    claims = extract_claims(article(body, published=None, outlet=None))
    assert claims and all(c.date_precision == "unknown" and c.date_start is None for c in claims)
    assert {c.claimant for c in claims} == {"the reporter"}


def test_a_weekday_and_month_day_fix_the_year_inside_the_profile_window() -> None:
    # 2 September fell on a Thursday only in 2021 of the profile's window (2021-2024)
    body = "On Thursday night, September 2, clashes broke out in Paryan.\n"
    (claim,) = extract_claims(article(body, published=None, outlet=None))
    assert (claim.date_start, claim.date_precision) == ("2021-09-02", "day")
    assert "D-window-year" in claim.rule


def test_quote_carried_over_to_the_next_sentence() -> None:
    body = (
        "“Our fighters entered Bazarak at dawn.” Zabihullah Mujahid made the statement on Monday.\n"
    )
    (claim,) = extract_claims(article(body))
    assert (claim.side, claim.claimant, claim.kind) == (
        "Taliban",
        "Zabihullah Mujahid",
        "territorial_control",
    )
    assert claim.quote.endswith("on Monday.")


def test_pronoun_speaker_is_the_previous_speaker() -> None:
    body = "Ali Nazary spoke to reporters in Paryan.\nHe said 50 Taliban were killed.\n"
    claims = extract_claims(article(body))
    assert [(c.claimant, c.side) for c in only(claims, kind="casualties")] == [
        ("Ali Nazary", "NRF")
    ]


def test_bom_file_offsets_hold_with_read_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe Taliban entered Bazarak on Monday, the NRF said.\r\n".encode())
    claims = extract_claims(read_article(path))
    assert claims
    text = Path(claims[0].file).read_text(encoding="utf-8")
    for c in claims:
        assert text[c.quote_start : c.quote_end] == c.quote


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_claims_are_well_formed(path: Path) -> None:
    claims = extract_claims(read_article(path))
    assert claims
    text = path.read_text(encoding="utf-8")
    for c in claims:
        assert tuple(c.to_dict()) == CLAIM_FIELDS
        assert text[c.quote_start : c.quote_end] == c.quote
        assert c.kind in KINDS and c.side in SIDES and c.date_precision in DATE_PRECISIONS
        assert c.place_basis in PLACE_BASES
        assert (c.date_end is None) == (c.date_precision == "unknown")
        assert (c.date_start is None) == (c.date_precision in ("unknown", "on_or_before"))
        assert c.claimant


def test_ids_are_stable_across_runs() -> None:
    first = [c.id for c in extract_claims(read_article(SEEDS[2]))]
    second = [c.id for c in extract_claims(read_article(SEEDS[2]))]
    assert first == second and len(set(first)) == len(first)


def test_article_with_only_furniture_has_no_claims() -> None:
    body = (
        "Skip to content\nRead also: Taliban capture Bazarak\nFollow us on Twitter\nLeave a Reply\n"
    )
    assert extract_claims(article(body)) == []


WIRE_STYLE = """---
title: "Fierce fighting for the valley as Taliban claim breakthrough"
outlet: Eastern Herald
published: 2021-09-03
---

KABUL (Eastern Herald) — Taliban forces said on Thursday they had broken through at Gulbahar, \
while opposition commanders insisted the attackers had been repulsed with heavy casualties.

"Our mujahideen have captured Gulbahar and dozens of enemy fighters have laid down their \
weapons," Taliban spokesman Zabiullah Mujahid wrote on Twitter.

The National Resistance Front rejected the claim. In a statement, it said that more than 350 \
Taliban had been killed and 40 vehicles destroyed in the Shutul district overnight.
"""

DIARY_STYLE = """Panjsher diary, day 5

Locals tell me the Talibs shelled the hills above Khenj all night. A shepherd said seven houses \
were hit and two children wounded.

Later a resistance fighter named Aziz told me that his unit ambushed a Taliban convoy near Dara \
and captured twelve fighters.
"""


def test_wire_style_article() -> None:
    claims = extract_claims(read_bytes("wire.md", WIRE_STYLE.encode()))
    summary = {(c.kind, c.side, c.place, c.figure) for c in claims}
    assert ("territorial_control", "Taliban", "Gulbahar", None) in summary
    assert ("captured_people", "Taliban", "Gulbahar", 12) in summary  # "dozens of"
    assert ("casualties", "NRF", "Shutul", 350) in summary  # "it" = the NRF
    assert ("equipment", "NRF", "Shutul", 40) in summary
    assert ("casualties", "NRF", "Gulbahar", None) in summary  # "opposition commanders"
    assert all(c.place != "Kabul" for c in claims), "the dateline is not where it happened"
    assert {c.date_start for c in claims if c.kind == "casualties" and c.figure is None} == {
        "2021-09-02"
    }


def test_undated_diary_with_unseen_spellings() -> None:
    claims = extract_claims(read_bytes("diary.txt", DIARY_STYLE.encode()))
    summary = {(c.kind, c.side, c.claimant, c.place, c.figure) for c in claims}
    assert ("clashes", "other", "Locals", "Khenj", None) in summary  # "Talibs shelled"
    assert ("casualties", "unknown", "A shepherd", "Panjshir", 2) in summary  # not 7 houses
    assert any(k == "captured_people" and s == "NRF" and f == 12 for k, s, _, _, f in summary)
    assert all(c.date_precision == "unknown" for c in claims)


STATEMENT_STYLE = """---
title: Taliban say Rokha district has fallen; NRF denies
outlet: Valley Post
published: 2021-09-06
---

The Taliban on Monday claimed full control of Panjshir's Rokha district, according to a \
statement posted by the group's ministry of defence. The statement said at least 12 resistance \
fighters were killed and three hundred surrendered.

NRF leader Ahmad Massoud called the claim "false" and urged Afghans to rise up. His forces still \
held "strategic positions" across the valley, he said.

An airstrike on Sunday night hit a compound near Darah, killing at least 12 civilians, a local \
health official told the Valley Post.

Resistance fighters ambushed a convoy on the Salang highway on Saturday, a resistance commander \
claimed, destroying four Humvees.

The Taliban have offered talks, but the resistance says it will not negotiate.
"""


@pytest.mark.parametrize(
    ("kind", "side", "claimant", "figure", "date_start"),
    [
        # the subject of "claimed" speaks; the statement it was posted in is its source
        ("territorial_control", "Taliban", "The Taliban", None, "2021-09-06"),
        ("captured_people", "Taliban", "the group's ministry of defence", 300, "2021-09-06"),
        ("casualties", "other", "a local health official", 12, "2021-09-05"),
        ("equipment", "NRF", "a resistance commander", 4, "2021-09-04"),
        ("negotiation", "NRF", "the resistance", None, "2021-09-06"),
    ],
)
def test_statement_style_article(kind, side, claimant, figure, date_start) -> None:
    claims = extract_claims(read_bytes("statement.md", STATEMENT_STYLE.encode()))
    assert any(
        (c.kind, c.side, c.claimant, c.figure, c.date_start or c.date_end)
        == (kind, side, claimant, figure, date_start)
        for c in claims
    ), sorted((c.kind, c.side, c.claimant, c.figure, c.date_start or c.date_end) for c in claims)
    held = [c for c in claims if c.quote.startswith("His forces")]
    assert held and held[0].side == "NRF" and held[0].claimant == "Ahmad Massoud"


AGENCY_STYLE = """---
title: Resistance claims it repelled assault on Khawak Pass
outlet: Asia Desk
published: 2021-09-02
---

"More than 40 Taliban fighters were killed and 20 others wounded," NRF spokesman Fahim Dashti \
told Asia Desk by phone on Wednesday.

A Taliban commander in neighbouring Parwan province, who spoke on condition of anonymity, \
disputed the toll but admitted his men had suffered "some casualties".

Talks between the two sides, mediated by religious scholars, broke down last week.
"""


def test_agency_style_article() -> None:
    claims = extract_claims(read_bytes("agency.md", AGENCY_STYLE.encode()))
    told = next(c for c in claims if c.quote.startswith('"More than 40'))
    assert (told.claimant, told.side, told.figure, told.figure_qualifier) == (
        "Fahim Dashti", "NRF", 40, "more than",
    )  # fmt: skip
    assert told.date_start == "2021-09-01"  # Wednesday before a Thursday publication
    admitted = next(c for c in claims if c.quote.startswith("A Taliban commander"))
    assert (admitted.kind, admitted.side) == ("casualties", "Taliban")
    talks = next(c for c in claims if c.kind == "negotiation")
    assert (talks.date_start, talks.date_end, talks.date_precision) == (
        "2021-08-23", "2021-08-29", "range",
    )  # fmt: skip


def test_country_is_only_a_last_resort_place() -> None:
    body = "Fighting raged across Afghanistan on Sunday, officials said.\n"
    (claim,) = extract_claims(article(body))
    assert (claim.place, claim.place_basis) == ("Afghanistan", "inferred from the article")
    body = "Fighting raged in Paryan, the Islamic Emirate of Afghanistan said.\n"
    assert {c.place for c in extract_claims(article(body))} == {"Paryan"}


BLOG_STYLE = """Taliban, resistance trade claims over Panjsher's Dara district
Published: 4 September 2021
By Reza Karimi

The Taliban's Ministry of Defence claimed on Saturday that its forces had "cleansed" Dara \
district and killed dozens of "rebels". Resistance spokesman Ali Maisam Nazary dismissed this, \
tweeting that Dara remained "firmly in our hands".

Eyewitnesses in Jangalak said Taliban vehicles were seen retreating south towards Gulbahar.

According to the UN, at least 3,000 families have been displaced from the valley.
"""


def test_blog_style_article_without_front_matter() -> None:
    art = read_bytes("blog.txt", BLOG_STYLE.encode())
    assert str(art.meta.published) == "2021-09-04"  # from the "Published:" line
    claims = extract_claims(art)
    summary = {(c.kind, c.side, c.place, c.figure, c.figure_qualifier) for c in claims}
    assert ("territorial_control", "Taliban", "Dara", None, None) in summary
    assert ("casualties", "Taliban", "Dara", 12, "dozens") in summary
    assert ("territorial_control", "NRF", "Dara", None, None) in summary  # "in our hands"
    assert ("territorial_control", "other", "Gulbahar", None, None) in summary  # eyewitnesses
    assert ("other", "other", "Panjshir Valley", 3000, "at least") in summary  # "3,000"
    assert all("Reza Karimi" not in c.quote for c in claims)
