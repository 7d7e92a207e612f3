"""The whole-article reader: a drawer on the right, opened at the claim (earlier paragraphs
folded above it), every claim of the article marked."""

from __future__ import annotations

import streamlit as st

from atlas.reader_view import article_html
from atlas.session import SessionData

READER_KEY = "_reader"


def open_reader(file: str, claim_id: str) -> None:
    """Button callback: remember what to open; the next run opens the drawer."""
    st.session_state[READER_KEY] = (file, claim_id)


@st.dialog("Article", width=760, position="right")
def _drawer(data: SessionData, file: str, claim_id: str) -> None:
    article = data.articles.get(file)
    if article is None:
        st.warning("This article is no longer loaded.")
        return
    current = data.by_id.get(claim_id)
    body = article_html(article, data.by_file.get(file, ()), current, data.relative(file))
    st.caption("Every claim of the article is marked; the one you came from is darker.")
    st.html(f'<div class="ca-article">{body}</div>')


def show_reader(data: SessionData) -> None:
    """Open the drawer when a "Read in context" button asked for it in this run."""
    request = st.session_state.pop(READER_KEY, None)
    if request:
        _drawer(data, *request)
