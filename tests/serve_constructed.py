"""Start the dashboard on the constructed corpus of tests/constructed.py (used by the browser
tests through ``conftest.serve_dashboard(..., launcher=...)``).

``python tests/serve_constructed.py run dashboard.py ... -- --corpus DIR``: the arguments are
Streamlit's. Before Streamlit starts, ``claims.load_corpus`` is replaced by one that returns the
constructed claims for DIR (the page imports it when the script first runs); everything else is
the real dashboard. Nothing of ``atlas`` is imported here, before Streamlit's runtime exists:
done that early, the map component was never registered (its frame answered 404); the
constructed corpus is imported inside the first script run instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.web import cli

import claims

TESTS = Path(__file__).resolve().parent


def _load(paths, **_kwargs):
    sys.path.insert(0, str(TESTS))
    import constructed

    return constructed.build(Path(next(iter(paths))))


claims.load_corpus = _load
sys.argv = ["streamlit", *sys.argv[1:]]
sys.exit(cli.main())
