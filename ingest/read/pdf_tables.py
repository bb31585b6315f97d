"""Tables drawn in PDF pages, through pdfplumber's table finder.

A PDF has no table element: a table is text placed in a grid of drawn lines. pypdf's text
layer runs each row's cells together ("Bridgeport $250,000"), so a page where pdfplumber finds
tables is written from pdfplumber instead: the text above, between and below the tables, and
each table as a caption line and one tab-separated line per row (``text_tables.render_block``).
Pages without tables keep pypdf's text.
"""

from __future__ import annotations

import io

from .text_tables import clean_grid, render_block

_CAPTION_MAX = 200

Grid = tuple[list[list[str]], str | None]


def pages_with_tables(data: bytes) -> dict[int, tuple[str, list[Grid]]]:
    """{page index: (page text with its tables written as rows, the tables' grids)} for the
    pages where pdfplumber finds a table of two or more rows and columns."""
    import pdfplumber

    out: dict[int, tuple[str, list[Grid]]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages):
                found = [t for t in page.find_tables() if _big_enough(t)]
                if found:
                    out[index] = _page_text(page, sorted(found, key=lambda t: t.bbox[1]))
    except Exception:  # noqa: BLE001 - a table finder failure must not lose pypdf's text
        return {}
    return out


def _big_enough(table) -> bool:
    rows = table.extract()
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2


def _page_text(page, tables: list) -> tuple[str, list[Grid]]:
    parts: list[str] = []
    grids: list[Grid] = []
    top = 0.0
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        above = _region_text(page, top, t_top)
        grid = clean_grid(table.extract())
        caption = None
        if above:
            last = above.rsplit("\n", 1)[-1].strip()
            caption = last if len(last) <= _CAPTION_MAX else None
            parts.append(above)
        parts.append(render_block(grid, None))
        grids.append((grid, caption))
        top = t_bottom
    below = _region_text(page, top, page.height)
    if below:
        parts.append(below)
    return "\n\n".join(parts), grids


def _region_text(page, top: float, bottom: float) -> str:
    if bottom - top < 1:
        return ""
    region = page.crop((0, max(top, 0), page.width, min(bottom, page.height)))
    text = region.extract_text() or ""
    return "\n".join(line.rstrip() for line in text.strip().split("\n")).strip()
