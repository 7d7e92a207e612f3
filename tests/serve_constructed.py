"""Start the dashboard on the constructed corpus of tests/constructed.py (used by the browser
tests through ``conftest.serve_dashboard(..., launcher=...)``).

``python tests/serve_constructed.py run dashboard.py ... -- --corpus DIR``: the arguments are
Streamlit's. Before Streamlit starts, ``claims.load_corpus`` is replaced by one that returns the
constructed claims for DIR, and ``store.ingest.ingest`` (how the page puts DIR into its claim
store) by one that stores those claims as DIR's articles (the page imports both when the
script first runs); everything else is the real dashboard. Nothing of ``atlas`` is imported
here, before Streamlit's runtime exists: done that early, the map component was never
registered (its frame answered 404); the constructed corpus is imported inside the first
script run instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

import claims
import store.ingest

TESTS = Path(__file__).resolve().parent


def _load(paths, **_kwargs):
    sys.path.insert(0, str(TESTS))
    import constructed

    return constructed.build(Path(next(iter(paths))))


def _ingest(store, paths, **_kwargs):
    """The constructed claims of the folder, stored as ingestion would name them."""
    import dataclasses

    from store.ingest import Summary, corpus_root
    from store.uploads import put_articles

    folder = Path(next(iter(paths)))
    corpus = _load([folder])
    root = corpus_root(folder)

    def rel(file: str) -> str:
        return Path(file).resolve().relative_to(folder.resolve()).as_posix()

    items = [
        (dataclasses.replace(a, file=rel(a.file)),
         [dataclasses.replace(c, file=rel(c.file)) for c in corpus.claims if c.file == a.file])
        for a in corpus.articles
    ]  # fmt: skip
    put_articles(store, items, root=root)
    return Summary(run_id=0, seen=len(items), added=len(items))


claims.load_corpus = _load
store.ingest.ingest = _ingest
sys.argv = ["streamlit", *sys.argv[1:]]
sys.exit(cli.main())
