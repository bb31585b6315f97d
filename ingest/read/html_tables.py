"""HTML ``<table>`` elements with their structure: caption, header cells, rows of cells.

trafilatura decides which tables belong to the article (it drops layout and navigation
tables) and writes each kept one as Markdown pipe rows in its text, but those rows lose what
was a caption and what a header (the caption comes out as a first row). The same tables read
with lxml keep both, so each pipe block trafilatura wrote is replaced by the lxml reading of
the table it came from, written as tab-separated lines (see ``text_tables.render_block``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .text_tables import clean_grid


@dataclass
class HtmlTable:
    caption: str | None
    grid: list[list[str]]  # header row (if any) first

    def words(self) -> set[str]:
        return {w.lower() for row in self.grid for cell in row for w in cell.split()}


def html_tables(data: bytes) -> list[HtmlTable]:
    """Every innermost ``<table>`` of the page with at least two rows and two columns."""
    import lxml.html

    try:
        root = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return []
    tables: list[HtmlTable] = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table holding others
        caption_el = table.find(".//caption")
        caption = " ".join(caption_el.text_content().split()) if caption_el is not None else None
        rows = [[cell.text_content() for cell in tr if cell.tag in ("td", "th")]
                for tr in table.iter("tr")]
        grid = clean_grid(rows)
        if len(grid) >= 2 and len(grid[0]) >= 2:
            tables.append(HtmlTable(caption or None, grid))
    return tables


def pipe_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges of the Markdown pipe rows trafilatura wrote for tables."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                j += 1
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def best_match(block: list[str], tables: list[HtmlTable], used: set[int]) -> int | None:
    """The unused lxml table sharing most words with a pipe block (at least half of its)."""
    words = {w.lower() for line in block for w in line.replace("|", " ").split()
             if w.strip("-:")}
    best, best_share = None, 0.5
    for k, table in enumerate(tables):
        if k in used or not words:
            continue
        share = len(words & table.words()) / len(words)
        if share >= best_share:
            best, best_share = k, share
    return best
