"""Work done once per server process before the first page asks for it.

``streamlit run dashboard.py`` serves ``dashboard.py`` as an ``st.App`` whose start-up
(:func:`lifespan`) calls :func:`start`: a thread imports the page's modules (Streamlit's map
component, folium, pandas, SQLAlchemy, the store: ~1.2 s on the reference machine) and loads
the store's claims into the page's caches, while the browser is still fetching and starting
Streamlit's own scripts (~1 s). The first page run waits for that thread (:func:`wait`)
instead of doing the same work itself. Whatever fails here is left for the page run to meet
again and report at its place; nothing is shown from this thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

_CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"
_done = threading.Event()
_started = threading.Event()


def register_components() -> None:
    """Register the map component with the runtime. Streamlit registers a component when
    its module is imported inside a page run only; imported here, outside one, its frame
    would answer 404."""
    import streamlit_folium
    from streamlit.components.v1.custom_component import CustomComponent
    from streamlit.runtime import Runtime

    registry = Runtime.instance().component_registry
    for value in vars(streamlit_folium).values():
        if isinstance(value, CustomComponent):
            registry.register_component(value)


def _warm(app_dir: Path) -> None:
    # Streamlit's caches warn of a "missing ScriptRunContext" for every call made outside a
    # page run; here that is the point, so the warning is held back while this runs.
    quiet = logging.getLogger(_CONTEXT_LOGGER)
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        from atlas.page import app

        register_components()
        app.warm(app_dir)
    except Exception:  # the page run meets the same problem and reports it at its place
        pass
    finally:
        quiet.setLevel(level)
        _done.set()


def start(app_dir: Path) -> None:
    """Warm the process up on a daemon thread (once)."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_warm, args=(app_dir,), name="claim-atlas-warmup", daemon=True).start()


QUIET_WAIT_S = 1.5  # a wait this short shows nothing (a spinner would cost the browser more)


def wait(timeout_s: float = 120.0) -> None:
    """Until the warm-up started by :func:`start` has finished (at once when none was). A
    longer wait (a large corpus folder being ingested) shows a spinner saying so; after
    ``timeout_s`` the page goes on, and meets the work still running in Streamlit's caches."""
    if not _started.is_set() or _done.wait(QUIET_WAIT_S):
        return
    import streamlit as st

    with st.spinner("Starting: opening the claim store and reading its claims…"):
        _done.wait(timeout_s)


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """``st.App``'s start-up hook: the runtime is up (so the map component registers), the
    server not yet listening; the warm-up runs beside it."""
    start(Path(app.script_path).resolve().parent)
    yield
