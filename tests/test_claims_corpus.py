"""claims.corpus.load_corpus: folders, problems, duplicates, process pool."""

from __future__ import annotations

from pathlib import Path

from claims import load_corpus

ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\npublished: 2021-09-05\noutlet: Wire\n---\n{body}\n", encoding="utf-8")
    return path


def test_folder_with_problems_and_duplicates(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "The Taliban entered Bazarak, the NRF said.")
    write(tmp_path, "b.md", "The Taliban entered Bazarak, the NRF said.")
    write(tmp_path, "c.txt", "Clashes erupted in Paryan on Saturday.")
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert sorted(Path(a.file).name for a in corpus.articles) == ["a.md", "c.txt"]
    assert [Path(d).name for d in corpus.duplicates] == ["b.md"]
    assert [Path(p.file).name for p in corpus.problems] == ["d.txt"]
    assert {Path(c.file).name for c in corpus.claims} == {"a.md", "c.txt"}


def test_missing_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    corpus = load_corpus([tmp_path / "nope"])
    assert corpus.articles == [] and corpus.problems[0].message == "no such file or folder"


def test_furniture_only_and_empty_files_get_notes(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("Skip to content\nFollow us on Twitter\n", encoding="utf-8")
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    messages = {Path(p.file).name: p.message for p in corpus.problems}
    assert "furniture" in messages["f.txt"] and "empty" in messages["e.txt"]
    assert not any(p.fatal for p in corpus.problems)


def test_process_pool_gives_the_same_claims_as_serial() -> None:
    serial = load_corpus([ROOT / "seeds"], workers=1)
    pooled = load_corpus([ROOT / "seeds"], workers=2)
    assert [c.id for c in pooled.claims] == [c.id for c in serial.claims]
    done: list[tuple[int, int]] = []
    load_corpus([ROOT / "seeds"], workers=1, progress=lambda d, t: done.append((d, t)))
    assert done[-1] == (5, 5)


def test_an_extraction_bug_costs_only_its_own_file(tmp_path: Path, monkeypatch) -> None:
    import claims.extract as extract_module

    write(tmp_path, "a.md", "The Taliban entered Bazarak, the NRF said.")
    write(tmp_path, "b.md", "Clashes erupted in Paryan on Saturday.")
    real = extract_module._finish

    def flaky(run):
        if run.article.file.endswith("b.md"):
            raise RuntimeError("boom")
        return real(run)

    monkeypatch.setattr(extract_module, "_finish", flaky)
    corpus = load_corpus([tmp_path], workers=1)
    assert {Path(c.file).name for c in corpus.claims} == {"a.md"}
    (problem,) = corpus.problems
    assert problem.file.endswith("b.md") and "RuntimeError: boom" in problem.message


def test_a_batch_gives_each_article_the_claims_it_gets_alone() -> None:
    from claims import extract_batch, extract_claims, read_article

    articles = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    alone = [extract_claims(a) for a in articles]
    assert sum(len(c) for c in alone) > 20
    assert extract_batch(articles) == alone
