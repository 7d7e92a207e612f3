"""The floor of a cold start on this machine (``benchmarks.dashboard_store``): a page with a
title and one folium map through streamlit-folium, nothing else, served the way
``dashboard.py`` is (an ``st.App`` whose start-up imports folium and registers the map
component on a thread). What no claim, filter or panel costs: Streamlit's server start, its
scripts in the browser, the map component's frame."""

from __future__ import annotations

if __name__ == "__main__":
    import folium
    import streamlit as st
    from streamlit_folium import st_folium

    st.title("Floor")
    st_folium(folium.Map(location=(35.3, 69.5), zoom_start=7, tiles=None), height=400, key="map")
else:
    import contextlib
    import threading
    from collections.abc import AsyncIterator
    from typing import Any

    import streamlit as st

    def _warm() -> None:
        from atlas.page.warmup import register_components

        register_components()

    @contextlib.asynccontextmanager
    async def _lifespan(_app: Any) -> AsyncIterator[None]:
        threading.Thread(target=_warm, daemon=True).start()
        yield

    app = st.App(__file__, lifespan=_lifespan)
