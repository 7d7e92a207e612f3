"""The Claim Atlas dashboard: everything ``dashboard.py`` shows, in modules testable without
Streamlit, plus the Streamlit page itself in :mod:`atlas.page`.

Data and rules (pure functions, no Streamlit):

- ``settings`` — ``--corpus`` and the ``CLAIM_ATLAS_*`` variables the dashboard reads;
- ``when`` — how a claim is dated ("on 5 Sep", "3–5 Sep", "reported by 5 Sep", "undated");
- ``words`` — the words shown for codes: kinds, figures with qualifier and scope, precision;
- ``sources`` — outlet, title, date and link per article; unknown outlets kept apart;
- ``filters``, ``state`` — what is shown, and the URL that reproduces it (selection included);
- ``places`` — claims per place (one marker each);
- ``palette`` — side colours and labels from the conflict profile, contrast and
  colour-blindness checks;
- ``labels``, ``outlines`` — the offline base map: gazetteer place names, province outlines;
- ``mapdata``, ``mapbuild``, ``jsdata``, ``assets`` — the map's JSON data, its folium
  elements (the drawing itself is ``static/atlas/map.js``), and the offline Leaflet copy;
- ``panels`` — what the place panel, disputes, corroboration and tables list;
- ``reader_view``, ``charts``, ``tables`` — escaped HTML of articles, Altair charts, tables;
- ``uploads``, ``session`` — uploaded articles; one session's data and memo;
- ``sample`` — synthetic claims for tests and benchmarks.

The Streamlit page (``atlas.page``) only wires widgets to these functions.
"""
