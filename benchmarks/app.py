"""A minimal Streamlit app for the browser figures at a given number of claims.

It does what ``dashboard.py`` does for the map, with the same ``atlas`` functions and the same
``st_folium`` call, on synthetic claims read from the JSON-lines file named by
``CLAIM_ATLAS_BENCH_CLAIMS``. The harness copies it into ``benchmarks/out/app/`` and runs it
there; ``atlas.assets`` copies Leaflet, jQuery and our ``static/atlas/`` files into its
``static/`` folder, served at ``/app/static/``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from atlas import assets
from atlas.filters import FilterState, filter_claims
from atlas.mapbuild import build_base_map, build_place_layer
from atlas.places import group_places
from claims.model import Claim

CLAIMS_ENV = "CLAIM_ATLAS_BENCH_CLAIMS"


@st.cache_resource
def _static_ready() -> bool:
    assets.ensure_vendor_assets(Path(__file__).parent / "static")
    return True


@st.cache_data
def _claims(path: str) -> list[Claim]:
    with open(path, encoding="utf-8") as fh:
        return [Claim(**json.loads(line)) for line in fh if line.strip()]


st.set_page_config(page_title="Claim Atlas benchmark", layout="wide")
_static_ready()
claims = _claims(os.environ[CLAIMS_ENV])
shown = filter_claims(claims, FilterState())
st.caption(f"{len(shown):,} claims")
left, right = st.columns([3, 2])  # the dashboard's layout: map on the left
with left:
    st_folium(
        build_base_map(claims, tiles=None),
        key="map",
        height=430,
        use_container_width=True,
        feature_group_to_add=build_place_layer(group_places(shown)),
        returned_objects=["last_active_drawing"],
    )
