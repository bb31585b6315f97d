"""HTML pages (.html, .htm): the article's main text and metadata through trafilatura.

Boilerplate removal is a solved problem with many edge cases (menus, comment threads, cookie
banners, JSON-LD and Open Graph metadata); trafilatura is the maintained solution, so nothing
here strips tags by hand. Paragraphs come back one per line; they are joined with blank lines
so that HTML and plain-text documents look alike to the NLP pipeline. Tables trafilatura keeps
are read again with lxml for their caption and header (``html_tables``) and written one row
per line, so ``Document.tables`` rows point at lines of the text; press-release boilerplate
(end marks, contact blocks, "About X") is dropped as in plain text.
"""

from __future__ import annotations

import logging

from kb.facts import Document, Table

from .boilerplate import strip_boilerplate
from .html_tables import best_match, html_tables, pipe_blocks
from .metadata import make_document
from .source import Source
from .text_tables import locate_table, render_block

_MIN_BODY_CHARS = 40


def read_html(source: Source) -> Document:
    source.check_not_binary()
    import trafilatura  # heavy (0.3 s): only when an HTML file is read

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    extracted = trafilatura.bare_extraction(
        source.data, url=source.url, with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, favor_precision=True)
    body = (getattr(extracted, "text", None) or "").strip()
    title = getattr(extracted, "title", None)
    lines = [p.strip() for p in body.split("\n") if p.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # the <h1> repeats the title; keep it as metadata only
    paragraphs, grids = _with_tables(lines, source.data)
    text = strip_boilerplate("\n\n".join(paragraphs))
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
    document = make_document(source, text, found, kind="news")
    document.tables = _locate(text, grids)
    return document


def _with_tables(lines: list[str], data: bytes) \
        -> tuple[list[str], list[tuple[list[list[str]], str | None]]]:
    """Paragraphs with each pipe block trafilatura wrote replaced by its lxml table (one
    paragraph of tab-separated rows), and the grids placed, in text order."""
    blocks = pipe_blocks(lines)
    if not blocks:
        return lines, []
    tables = html_tables(data)
    used: set[int] = set()
    paragraphs: list[str] = []
    grids: list[tuple[list[list[str]], str | None]] = []
    last = 0
    for start, end in blocks:
        paragraphs.extend(lines[last:start])
        k = best_match(lines[start:end], tables, used)
        if k is None:
            paragraphs.extend(lines[start:end])  # left as pipe rows; kept as text
        else:
            used.add(k)
            paragraphs.append(render_block(tables[k].grid, tables[k].caption))
            grids.append((tables[k].grid, tables[k].caption))
        last = end
    paragraphs.extend(lines[last:])
    return paragraphs, grids


def _locate(text: str, grids: list[tuple[list[list[str]], str | None]]) -> list[Table]:
    found: list[Table] = []
    cursor = 0
    for grid, caption in grids:
        table, cursor = locate_table(text, grid, caption, cursor)
        if table is not None:
            found.append(table)
    return found
