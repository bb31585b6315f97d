"""Plain-text articles (.txt): UTF-8 text, optional title/byline/date header, optional sidecar.

``Document.text`` is the body only (after the header), so evidence offsets point into prose
and a byline never reads as a person in the news; the title goes to ``Document.title``.
Press-release boilerplate (end marks, contact blocks, "About X") is dropped from the body, and
tables written as text (tab, pipe or space-aligned columns) are handed to extraction as
``Document.tables`` whose rows are lines of the body.
"""

from __future__ import annotations

from kb.facts import Document

from .boilerplate import strip_boilerplate
from .header import parse_header
from .metadata import make_document
from .source import Source
from .text_tables import find_text_tables


def read_text(source: Source) -> Document:
    text = source.text()
    header = parse_header(text)
    body = strip_boilerplate(text[header.body_start:])
    if not body:
        raise source.error("has a title but no body text; add the article text")
    found = {"title": header.title, "date": header.date, "author": header.author,
             "publisher": header.publisher}
    document = make_document(source, body, found, kind="news")
    document.tables = find_text_tables(body)
    return document
