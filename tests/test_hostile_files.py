"""Bad files: every one gets a message naming it, the good files beside it still load, nothing
hangs, duplicates count once. The files are generated in tmp_path (tests/hostile/badfiles.py).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hostile.badfiles import (
    BAD_FILES,
    EXPECTED_TITLES,
    GOOD_SENTENCE,
    good_article,
    is_root,
    write_bad_files,
    write_good_files,
)

from claims import load_corpus, read_article, read_bytes
from claims.exc import ClaimsError

N_GOOD = 3
LOAD_TIMEOUT_S = 60


def _load_bounded(paths: list[Path], unblock: list[Path] = ()):
    """load_corpus in a thread; if it has not returned in time (e.g. it opened a FIFO and waits
    for a writer), unblock the FIFOs and fail with a clear message."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["corpus"] = load_corpus(paths)
        except BaseException as exc:
            result["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(LOAD_TIMEOUT_S)
    if worker.is_alive():
        for fifo in unblock:  # open the write end so a blocked open()/read() returns
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        worker.join(10)
        pytest.fail(f"load_corpus did not return within {LOAD_TIMEOUT_S} s (blocked on {unblock})")
    if "error" in result:
        raise AssertionError(f"load_corpus raised {result['error']!r}") from result["error"]
    return result["corpus"]


def _names_file(corpus, name: str) -> list[str]:
    return [
        f"{p.file}: {p.message}" for p in corpus.problems if name in p.file or name in p.message
    ]


def _assert_offsets(corpus) -> None:
    texts = {a.file: a.text for a in corpus.articles}
    for c in corpus.claims:
        assert texts[c.file][c.quote_start : c.quote_end] == c.quote, c.id


def _assert_good_loaded(corpus, folder: Path, n: int = N_GOOD) -> None:
    loaded = {Path(a.file).name for a in corpus.articles}
    for i in range(n):
        assert f"good_{i}.md" in loaded, f"good_{i}.md lost among bad files"
    claimed = {Path(c.file).name for c in corpus.claims}
    assert {f"good_{i}.md" for i in range(n)} <= claimed, "a good file lost its claim"


@pytest.fixture(scope="module")
def bad_folder_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    write_good_files(folder, N_GOOD)
    write_bad_files(folder)
    marker = Path("/tmp/claim_atlas_pwned_yaml")
    marker.unlink(missing_ok=True)
    corpus = _load_bounded([folder])
    return folder, corpus, marker


def test_good_files_survive_every_bad_file(bad_folder_corpus):
    folder, corpus, marker = bad_folder_corpus
    _assert_good_loaded(corpus, folder)
    _assert_offsets(corpus)
    assert not marker.exists(), "a YAML python tag was executed"


@pytest.mark.parametrize("bad", BAD_FILES, ids=[b.name for b in BAD_FILES])
def test_each_bad_file_is_named_or_loaded(bad, bad_folder_corpus):
    folder, corpus, _ = bad_folder_corpus
    loaded = [a for a in corpus.articles if Path(a.file).name == bad.name]
    named = _names_file(corpus, bad.name)
    if bad.expect == "problem":
        assert named, f"{bad.name} ({bad.why}): no problem names the file"
    elif bad.expect == "load":
        assert loaded, f"{bad.name} ({bad.why}) did not load; problems: {named}"
        assert loaded[0].meta.title == EXPECTED_TITLES[bad.name]
    else:
        assert loaded or named, f"{bad.name} ({bad.why}) neither loaded nor reported"
    for message in named:
        assert message.strip(), "empty problem message"
    if loaded:
        text = loaded[0].text
        size = (folder / bad.name).stat().st_size
        if len(text.encode("utf-8")) + 16 < size:  # part of the file was not read: say so
            assert named, f"{bad.name}: {size - len(text.encode())} bytes dropped silently"
        for claim in corpus.claims:
            if Path(claim.file).name == bad.name:
                assert text[claim.quote_start : claim.quote_end] == claim.quote


def test_yaml_bomb_is_cheap_in_a_memory_capped_process(tmp_path):
    """Run the alias bomb with a 1.5 GB address-space cap so a regression cannot take the
    machine down; the reader must answer (load or refuse) quickly."""
    write_bad_files(tmp_path, ("fm_bomb.md",))
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from claims import load_corpus
        corpus = load_corpus([{str(tmp_path)!r}])
        print(len(corpus.articles), len(corpus.problems))
        for p in corpus.problems:
            print(p.file, "|", p.message[:200])
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "fm_bomb.md" in proc.stdout


def test_duplicates_are_counted_once(tmp_path):
    sub = tmp_path / "mirror"
    sub.mkdir()
    text = good_article(7)
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    (sub / "c.md").write_text(text, encoding="utf-8")
    (tmp_path / "other.md").write_text(good_article(8), encoding="utf-8")
    # the same file named twice, and the folder plus a file inside it
    corpus = _load_bounded([tmp_path, tmp_path / "a.md", tmp_path / "a.md", sub / "c.md"])
    same = [a for a in corpus.articles if a.text == text]
    assert len(same) == 1, [a.file for a in same]
    assert any(Path(a.file).name == "other.md" for a in corpus.articles)
    dupe_names = {Path(d).name for d in corpus.duplicates}
    kept = Path(same[0].file).name
    assert {"a.md", "b.md", "c.md"} - {kept} <= dupe_names, corpus.duplicates
    alone = _load_bounded([tmp_path / "a.md"])
    copies = [c for c in corpus.claims if Path(c.file).name in {"a.md", "b.md", "c.md"}]
    assert len(copies) == len(alone.claims) > 0, "claims of a duplicated article counted twice"


# -- files that cannot be read ---------------------------------------------------------------


def _unreadable_cases(folder: Path) -> dict[str, str]:
    """Make entries that cannot be read even by root; returns {name: why}."""
    cases = {}
    (folder / "dangling.md").symlink_to(folder / "does-not-exist.md")
    cases["dangling.md"] = "symlink to nothing"
    os.mkfifo(folder / "pipe.md")
    cases["pipe.md"] = "a FIFO (open() would wait for a writer forever)"
    (folder / "folder.md").mkdir()
    (folder / "folder.md" / "inner.txt").write_text(good_article(9), encoding="utf-8")
    cases["folder.md"] = "a folder with an article-like name (its content may load)"
    (folder / "loop.md").symlink_to(folder / "loop.md")
    cases["loop.md"] = "symlink loop"
    return cases


def test_unreadable_entries_are_reported_and_nothing_hangs(tmp_path):
    write_good_files(tmp_path, N_GOOD)
    cases = _unreadable_cases(tmp_path)
    corpus = _load_bounded([tmp_path], unblock=[tmp_path / "pipe.md"])
    _assert_good_loaded(corpus, tmp_path)
    for name, why in cases.items():
        if name == "folder.md":
            continue
        assert _names_file(corpus, name), f"{name} ({why}) not reported"
    # the same entries named one by one (a file named explicitly is read whatever it is)
    named = [tmp_path / name for name in cases if name != "folder.md"]
    corpus = _load_bounded([*named, tmp_path / "good_0.md"], unblock=[tmp_path / "pipe.md"])
    assert any(Path(a.file).name == "good_0.md" for a in corpus.articles)
    for path in named:
        assert _names_file(corpus, path.name), f"{path.name} named explicitly: not reported"


def test_read_article_names_the_file_it_cannot_read(tmp_path):
    cases = _unreadable_cases(tmp_path)
    for name in cases:
        if name == "pipe.md":
            continue  # read_article on a FIFO is covered through load_corpus with a guard
        with pytest.raises(ClaimsError, match=name.replace(".", r"\.")):
            read_article(tmp_path / name)


@pytest.mark.skipif(is_root(), reason="root ignores chmod 000; the monkeypatched test covers it")
def test_chmod_000_file_and_folder(tmp_path):
    write_good_files(tmp_path, N_GOOD)
    locked = tmp_path / "locked.md"
    locked.write_text(good_article(11), encoding="utf-8")
    locked.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.md").write_text(good_article(12), encoding="utf-8")
    closed.chmod(0)
    try:
        corpus = _load_bounded([tmp_path])
    finally:
        closed.chmod(stat.S_IRWXU)
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    _assert_good_loaded(corpus, tmp_path)
    assert _names_file(corpus, "locked.md")
    assert _names_file(corpus, "closed")


def test_permission_denied_file_is_reported(tmp_path, monkeypatch):
    """Works as root too: opening one particular file raises PermissionError."""
    write_good_files(tmp_path, N_GOOD)
    locked = tmp_path / "locked.md"
    locked.write_text(good_article(11), encoding="utf-8")
    real_open = Path.open
    real_builtin_open = open

    def guarded(path, *args, **kwargs):
        if Path(path).name == "locked.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def guarded_builtin(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike) and Path(file).name == "locked.md":
            raise PermissionError(13, "Permission denied", str(file))
        return real_builtin_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    monkeypatch.setattr(Path, "read_bytes", lambda p: guarded(p, "rb").read())
    monkeypatch.setattr("builtins.open", guarded_builtin)
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    named = _names_file(corpus, "locked.md")
    assert named and any("permission" in m.lower() for m in named), named


def test_permission_denied_folder_is_reported(tmp_path, monkeypatch):
    """Works as root too: listing one sub-folder raises PermissionError, whichever of
    os.scandir / os.listdir / Path.iterdir / os.walk the loader uses."""
    write_good_files(tmp_path, N_GOOD)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.md").write_text(good_article(12), encoding="utf-8")

    def deny(real):
        def wrapper(path=".", *args, **kwargs):
            if Path(path).name == "closed":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(os, "scandir", deny(os.scandir))
    monkeypatch.setattr(os, "listdir", deny(os.listdir))
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "closed":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    assert not any(Path(a.file).name == "inside.md" for a in corpus.articles)
    assert _names_file(corpus, "closed"), [(p.file, p.message) for p in corpus.problems]


def test_missing_path_is_reported(tmp_path):
    write_good_files(tmp_path, 1)
    corpus = _load_bounded([tmp_path / "good_0.md", tmp_path / "nowhere.md", tmp_path / "gone"])
    assert any(Path(a.file).name == "good_0.md" for a in corpus.articles)
    assert _names_file(corpus, "nowhere.md")
    assert _names_file(corpus, "gone")


def test_hostile_sidecar_does_not_break_the_folder(tmp_path):
    write_good_files(tmp_path, N_GOOD)
    (tmp_path / "plain.txt").write_text(GOOD_SENTENCE + "\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '["plain.txt"]\ntitle = ["not", "text"]\npublished = 2021-09-05T10:00:00+04:30\n'
        'url = "javascript:alert(1)"\n["good_0.md"]\n'
        'title = "sidecar must not beat front matter"\n["ghost.txt"] = 3\n',
        encoding="utf-8",
    )
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    plain = [a for a in corpus.articles if a.file.endswith("plain.txt")]
    assert plain and plain[0].meta.title is None
    good0 = next(a for a in corpus.articles if a.file.endswith("good_0.md"))
    assert good0.meta.title == "Good article 0"


def test_broken_sidecar_is_reported(tmp_path):
    write_good_files(tmp_path, N_GOOD)
    (tmp_path / "sources.toml").write_bytes(b'["good_0.md"\ntitle = \xff\n')
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    assert _names_file(corpus, "sources.toml"), [(p.file, p.message) for p in corpus.problems]


@pytest.mark.parametrize("bad", BAD_FILES, ids=[b.name for b in BAD_FILES])
def test_uploads_never_raise_anything_but_claims_errors(bad, tmp_path):
    """read_bytes is what the dashboard calls for an upload: a ClaimsError naming the file is
    fine, any other exception would take the page down."""
    path = tmp_path / bad.name
    bad.make(path)
    try:
        article = read_bytes(bad.name, path.read_bytes())
    except ClaimsError as exc:
        assert bad.name in str(exc)
        return
    assert article.file == bad.name


# Sentences that once crashed extraction (found by the fuzzers); each must cost at most its
# own file.
POISON_SENTENCES = (
    "Taliban were killed in Panjshir  Thursday night, September 2 said .",
    "Fighting over the past 1000000 days killed 40 Taliban in Bazarak, the NRF said.",
    "The NRF said 40 Taliban were killed in Bazarak in the last 99999999999999999999 hours.",
)


@pytest.mark.parametrize("sentence", POISON_SENTENCES)
def test_one_bad_sentence_does_not_sink_the_folder(sentence, tmp_path):
    write_good_files(tmp_path, N_GOOD)
    (tmp_path / "poison.md").write_text(
        f"---\npublished: 2021-09-05\n---\n\n{sentence}\n", encoding="utf-8"
    )
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    _assert_offsets(corpus)


def test_a_crash_inside_extraction_costs_one_file_only(tmp_path, monkeypatch):
    """Whatever bug extraction may still hide, load_corpus reports the file and goes on (the
    fault is injected after the batch's parse, where one article's claims are made)."""
    import claims.extract

    write_good_files(tmp_path, N_GOOD)
    (tmp_path / "unlucky.md").write_text(good_article(5), encoding="utf-8")
    real = claims.extract._finish

    def flaky(run):
        if run.article.file.endswith("unlucky.md"):
            raise RuntimeError("injected fault")
        return real(run)

    monkeypatch.setattr(claims.extract, "_finish", flaky)
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    assert _names_file(corpus, "unlucky.md")


def test_a_crash_inside_extraction_costs_one_upload_only():
    """The dashboard's upload path: a fault in extraction becomes the upload's error."""
    from atlas.uploads import read_upload

    def boom(article):
        raise ValueError("injected fault")

    upload = read_upload("unlucky.md", good_article(5).encode(), extract=boom)
    assert upload.error and "unlucky.md" in upload.error
    assert upload.claims == ()


# Unicode White_Space beyond ASCII: sentencex 1.0.32 panics (pyo3 PanicException, a
# BaseException) on "A<space>." for each of these (FINDINGS F10).
UNICODE_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


@pytest.mark.parametrize(
    "space", list(UNICODE_SPACES), ids=[f"U+{ord(c):04X}" for c in UNICODE_SPACES]
)
def test_unicode_spaces_before_a_full_stop_do_not_sink_the_folder(space, tmp_path):
    write_good_files(tmp_path, N_GOOD)
    (tmp_path / "spaced.md").write_text(
        f"A{space}. The NRF said 40 Taliban were killed in Bazarak{space}.\n", encoding="utf-8"
    )
    corpus = _load_bounded([tmp_path])
    _assert_good_loaded(corpus, tmp_path)
    _assert_offsets(corpus)
    assert any(Path(a.file).name == "spaced.md" for a in corpus.articles)
