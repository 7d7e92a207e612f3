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

Two roles, one file. Run as the page (``__main__``: every session's run, and AppTest) it
draws the page. Imported by ``streamlit run`` it is an ``st.App`` serving itself as the page,
whose start-up warms the process (imports and the store's claims, on a thread) while the
first browser is still loading: :mod:`atlas.page.warmup`.
"""

from pathlib import Path

if __name__ == "__main__":
    from atlas.page import warmup

    warmup.wait()
    from atlas.page.app import main

    main(Path(__file__).resolve().parent)
else:
    import streamlit as st

    from atlas.page.warmup import lifespan

    if hasattr(st, "App"):  # a Streamlit without st.App runs this file as the page only
        app = st.App(__file__, lifespan=lifespan)
