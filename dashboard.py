"""Claim Atlas dashboard.

    streamlit run dashboard.py                      # the bundled seed articles
    streamlit run dashboard.py -- --corpus DIR      # another folder of articles
    CLAIM_ATLAS_CORPUS=DIR streamlit run dashboard.py
    streamlit run dashboard.py -- --db URL          # a claim store as it is (CLAIM_ATLAS_DB)
    streamlit run dashboard.py -- --profile NAME    # a conflict profile (or a .toml file)
    CLAIM_ATLAS_TILES=none ...                      # no map tiles (offline; outlines only)
    CLAIM_ATLAS_TIMING=1 ...                        # print each rerun's time to stderr

Thin on purpose: loading is ``claims``, everything shown is ``atlas`` (the page itself is
``atlas.page.app``).
"""

from pathlib import Path

from atlas.page.app import main

main(Path(__file__).resolve().parent)
