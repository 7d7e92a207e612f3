"""The Streamlit page: widgets wired to the pure functions of :mod:`atlas`.

``app.main`` builds the page (``dashboard.py`` calls it); ``sidebar`` holds the filters and the
uploader, ``place_panel`` the selected place's claims, ``tabs`` disputes, corroboration, the
claims table, sources and data issues, ``reader`` the whole-article drawer, ``cards`` the HTML
of one claim as every panel shows it.
"""
