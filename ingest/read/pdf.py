"""PDF reports and articles (.pdf): the text layer through pypdf.

A scanned PDF has pages but no text layer; reading it as empty would silently ingest nothing,
so it is an error that says to run OCR first. Pages with drawn tables are written from
pdfplumber's table finder (``pdf_tables``) so each row is a line of the text and a
``Document.tables`` row; press-release boilerplate is dropped as in plain text.
"""

from __future__ import annotations

import io
import logging
import re

from kb.facts import Document

from .boilerplate import strip_boilerplate
from .metadata import make_document
from .pdf_tables import pages_with_tables
from .source import Source
from .text_tables import locate_table

_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})(\d{2})")


def read_pdf(source: Source) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not source.data.lstrip().startswith(b"%PDF"):
        raise source.error("is not a PDF (no %PDF header); check the file or its extension")
    try:
        reader = PdfReader(io.BytesIO(source.data))
        if reader.is_encrypted:
            raise source.error("PDF is encrypted; save an unencrypted copy and ingest that")
        pages = [_clean(page.extract_text() or "") for page in reader.pages]
        info = reader.metadata or {}
    except PdfReadError as exc:
        raise source.error(f"damaged PDF ({exc}); re-export it or save its text as .txt") \
            from None
    tabled = pages_with_tables(source.data)
    for index, (page_text, _) in tabled.items():
        pages[index] = page_text
    text = strip_boilerplate("\n\n".join(page for page in pages if page))
    if not text.strip():
        raise source.error(f"PDF has no text layer ({len(pages)} page(s) of images only); run "
                           "OCR first (e.g. ocrmypdf) and ingest the result")
    found = {
        "title": info.get("/Title"),
        "author": info.get("/Author"),
        "date": _pdf_date(info.get("/CreationDate")),
    }
    document = make_document(source, text, found, kind="report")
    cursor = 0
    for _, (_, grids) in sorted(tabled.items()):
        for grid, caption in grids:
            table, cursor = locate_table(text, grid, caption, cursor)
            if table is not None:
                document.tables.append(table)
    return document


def _clean(page: str) -> str:
    """Trim the trailing spaces pypdf leaves on lines; keep its line and paragraph breaks."""
    return "\n".join(line.rstrip() for line in page.strip().split("\n"))


def _pdf_date(value: object) -> str | None:
    """PDF dates look like D:20170327120000; keep the calendar date."""
    match = _PDF_DATE.match(str(value or ""))
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None
