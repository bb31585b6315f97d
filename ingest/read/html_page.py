"""HTML pages (.html, .htm): the article's main text and metadata through trafilatura.

Boilerplate removal is a solved problem with many edge cases (menus, comment threads, cookie
banners, JSON-LD and Open Graph metadata); trafilatura is the maintained solution, so nothing
here strips tags by hand. Paragraphs come back one per line; they are joined with blank lines
so that HTML and plain-text documents look alike to the NLP pipeline.
"""

from __future__ import annotations

import logging

from kb.facts import Document

from .metadata import make_document
from .source import Source

_MIN_BODY_CHARS = 40


def read_html(source: Source) -> Document:
    source.check_not_binary()
    import trafilatura  # heavy (0.3 s): only when an HTML file is read

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    extracted = trafilatura.bare_extraction(
        source.data, url=source.url, with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, favor_precision=True)
    body = (getattr(extracted, "text", None) or "").strip()
    title = getattr(extracted, "title", None)
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the <h1> repeats the title; keep it as metadata only
    text = "\n\n".join(paragraphs)
    if len(text) < _MIN_BODY_CHARS:
        raise source.error("HTML page has no article body (only navigation or boilerplate); "
                           "save the article page itself, or its text as .txt")
    found = {
        "title": title,
        "date": getattr(extracted, "date", None),
        "author": getattr(extracted, "author", None),
        "publisher": getattr(extracted, "sitename", None),
        "url": getattr(extracted, "url", None),
    }
    return make_document(source, text, found, kind="news")
