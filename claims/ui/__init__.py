"""The dashboard's logic without Streamlit: filters, URL state, map, charts, reader, tables.

``dashboard.py`` only wires widgets to these functions; tests call them directly.
"""

from claims.ui.filters import (
    UNKNOWN_OUTLET,
    DateDomain,
    FilterState,
    claim_dates,
    date_domain,
    filter_claims,
    outlet_counts,
    outlet_of,
    without_dates,
)
from claims.ui.mapbuild import (
    SIDE_COLORS,
    PlaceGroup,
    build_base_map,
    build_map,
    build_place_layer,
    clicked_place_key,
    group_places,
    place_payload,
    tiles_from_env,
)
from claims.ui.state import params_from_state, state_from_params

__all__ = [
    "SIDE_COLORS",
    "UNKNOWN_OUTLET",
    "DateDomain",
    "FilterState",
    "PlaceGroup",
    "build_base_map",
    "build_map",
    "build_place_layer",
    "claim_dates",
    "clicked_place_key",
    "date_domain",
    "filter_claims",
    "group_places",
    "outlet_counts",
    "outlet_of",
    "params_from_state",
    "place_payload",
    "state_from_params",
    "tiles_from_env",
    "without_dates",
]
