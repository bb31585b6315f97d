"""Plain-text articles (.txt): UTF-8 text, optional title/byline/date header, optional sidecar.

``Document.text`` is the body only (after the header), so evidence offsets point into prose
and a byline never reads as a person in the news; the title goes to ``Document.title``.
"""

from __future__ import annotations

from kb.facts import Document

from .header import parse_header
from .metadata import make_document
from .source import Source


def read_text(source: Source) -> Document:
    text = source.text()
    header = parse_header(text)
    body = text[header.body_start:].strip()
    if not body:
        raise source.error("has a title but no body text; add the article text")
    found = {"title": header.title, "date": header.date, "author": header.author,
             "publisher": header.publisher}
    return make_document(source, body, found, kind="news")
