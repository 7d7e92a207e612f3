"""claims.reader: decoding, BOM and newline offsets, front matter, sidecar, hostile input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claims import read_article, read_bytes
from claims.exc import ClaimsError, DecodeError, ReadError
from claims.reader import MAX_BYTES

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_text_equals_read_text_for_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffTitle line\r\nBody “quoted”\rend\r\n".encode())
    article = read_article(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.text.startswith("\ufeff")
    assert article.body_start == 1


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", DecodeError, "binary"),
        ("caf\u00e9 in Latin-1".encode("latin-1"), DecodeError, "not UTF-8"),
        (b"\x00" * 100, DecodeError, "binary"),
    ],
)
def test_undecodable_bytes_raise_naming_the_file(data: bytes, error: type, words: str) -> None:
    with pytest.raises(error) as info:
        read_bytes("upload.txt", data)
    assert "upload.txt" in str(info.value) and words in str(info.value)
    assert isinstance(info.value, ClaimsError) and isinstance(info.value, ValueError)


def test_missing_file_and_folder_raise_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_article(tmp_path)
    assert issubclass(ReadError, OSError)


def test_unreadable_file_raises_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ReadError, match="permission denied"):
        read_article(path)


def test_empty_file_loads_with_a_note() -> None:
    article = read_bytes("empty.txt", b"")
    assert article.text == "" and any("empty" in n for n in article.notes)


def test_huge_file_is_cut_at_a_character_boundary_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    unit = "Fighting in Panjshir — é ".encode()
    path.write_bytes(unit * (MAX_BYTES // len(unit) + 50))
    article = read_article(path)
    assert any("larger than" in n for n in article.notes)
    assert path.read_text(encoding="utf-8").startswith(article.text)
    assert len(article.text.encode()) <= MAX_BYTES


FRONT = "---\n{}\n---\nBody text.\n"


@pytest.mark.parametrize(
    ("yaml_text", "expected", "note"),
    [
        (
            "title: T\noutlet: O\nurl: https://x.org/a\npublished: 2021-09-05\nauthor: A",
            {"title": "T", "outlet": "O", "url": "https://x.org/a", "published": date(2021, 9, 5)},
            None,
        ),
        ("published: 2021-02-30", {"published": None}, "not a valid date"),
        ("published: September 5, 2021", {"published": date(2021, 9, 5)}, None),
        ("title: [1, 2]\noutlet: Wire", {"title": None, "outlet": "Wire"}, "expected text"),
        ("published: {a: 1}", {"published": None}, "expected a date"),
        ("url: javascript:alert(1)", {"url": "javascript:alert(1)"}, None),
        ("a: &x [1, 2]\nb: *x\ntitle: T", {"title": None}, "aliases"),
        ("- just\n- a list", {"title": None}, "key: value"),
        ("title: [unclosed", {"title": None}, "not valid YAML"),
        ("title: " + "[" * 5000, {"title": None}, "front matter ignored"),
    ],
)
def test_front_matter(yaml_text: str, expected: dict, note: str | None) -> None:
    article = read_bytes("a.md", FRONT.format(yaml_text).encode())
    for key, value in expected.items():
        assert getattr(article.meta, key) == value, (key, article.meta, article.notes)
    if note is None:
        assert not article.notes
    else:
        assert any(note in n for n in article.notes), article.notes
    assert article.text[article.body_start :].startswith("Body text.")


def test_yaml_bomb_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]\n"
    article = read_bytes("bomb.md", FRONT.format(bomb).encode())
    assert any("aliases" in n for n in article.notes)


def test_unclosed_front_matter_is_read_as_body() -> None:
    article = read_bytes("a.md", b"---\ntitle: T\nno closing line\n")
    assert article.body_start == 0 and any("closing" in n for n in article.notes)


def test_seed_metadata_comes_from_the_sidecar() -> None:
    article = read_article(SEEDS / "002_e1696c1e9824bb27.txt")
    assert article.meta.published == date(2021, 9, 5)
    assert article.meta.author == "Siddhant Pandey"
    assert read_article(SEEDS / "001_fd501387bb3d053f.txt").meta.published is None


def test_broken_sidecar_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("this is = = not toml", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    article = read_article(tmp_path / "a.txt")
    assert any("sources.toml" in n for n in article.notes)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Title\nSeptember 5, 2021\n\nBody.", date(2021, 9, 5)),
        (" date 2021-09-05 Title\n\nBody.", date(2021, 9, 5)),
        ("Title\nBy X Last updated on Sep 05, 2021, 09:47 am\nBody.", date(2021, 9, 5)),
        ("Title\n\nBody with no date at all.", None),
        ("Title\nSeptember 31, 2021\nBody.", None),
    ],
)
def test_date_line_near_the_top_gives_the_publication_date(
    head: str, expected: date | None
) -> None:
    assert read_bytes("a.txt", head.encode()).meta.published == expected


def test_a_month_only_publication_date_is_the_months_last_day_and_says_so() -> None:
    from claims import extract_claims

    art = read_bytes(
        "m.md",
        b"---\npublished: 2024-12\n---\nThe resistance said its fighters attacked a Taliban "
        b"post in Parwan on Thursday, December 19, killing four.\n",
    )
    assert art.meta.published == date(2024, 12, 31)
    assert any("month only" in n and "2024-12-31" in n for n in art.notes)
    claims = extract_claims(art)
    assert claims and {c.date_start for c in claims} == {"2024-12-19"}
