"""The dashboard itself (Streamlit AppTest) on a folder of bad files: the page renders, the good
articles are on it, and the "Data issues" table names every file that could not be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile.badfiles import BAD_FILES, write_bad_files, write_good_files
from streamlit.testing.v1 import AppTest

from claims import load_corpus

REPO = Path(__file__).resolve().parents[1]
HOSTILE_NAME = "<img src=x onerror=alert(1)> {{ 7*7 }}.md"
# the heavy ones are covered in test_hostile_files.py; keep the page quick
SKIP = {"big.txt", "one_line_big.txt", "fm_huge_key.md"}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("apptest_bad")
    write_good_files(folder, 3)
    write_bad_files(folder, tuple(b.name for b in BAD_FILES if b.name not in SKIP))
    (folder / HOSTILE_NAME).write_text(
        "NRF spokesman Fahim Dashti said 200 Taliban were killed in Bazarak on Sunday.\n",
        encoding="utf-8",
    )
    (folder / "dangling.md").symlink_to(folder / "nowhere.md")
    os.mkfifo(folder / "pipe.md")
    return folder


def test_dashboard_renders_a_folder_of_bad_files(bad_folder, monkeypatch):
    monkeypatch.setenv("CLAIM_ATLAS_CORPUS", str(bad_folder))
    monkeypatch.setenv("CLAIM_ATLAS_TILES", "none")
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=90)
    at.session_state["tab"] = "Data issues"
    at.run()
    assert not at.exception, at.exception
    corpus = load_corpus([bad_folder])
    caption = f"{len(corpus.claims)} of {len(corpus.claims)} claims shown"
    assert any(caption in m.value for m in at.markdown), caption
    issues = [df.value for df in at.dataframe if "issue" in getattr(df.value, "columns", ())]
    assert issues, "no Data issues table"
    table = issues[0]
    named = " ".join(table["what"].astype(str)) + " " + " ".join(table["detail"].astype(str))
    for problem in corpus.problems:
        assert Path(problem.file).name in named, f"{problem.file} missing from Data issues"
    for name in ("empty.txt", "random.txt", "fm_date_feb30.md", "dangling.md", "pipe.md"):
        assert name in named, f"{name} missing from Data issues"
    assert str(bad_folder) not in named, "an absolute path in Data issues"
    assert any(Path(a.file).name == HOSTILE_NAME for a in corpus.articles)
