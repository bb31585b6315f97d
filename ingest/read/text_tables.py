"""Tables written as text: tab-separated, pipe-delimited (Markdown) or space-aligned columns.

Reports pasted into plain text, Markdown pages and the pipe rows trafilatura writes for an
HTML ``<table>`` all keep one row per line. A run of such lines is a table; each line is
split into cells and keeps its character span, so a fact read from a row can point back to
that line of the document. Prose never has two or more tabs or pipes per line, and column
alignment by runs of spaces is only believed when several lines agree on where the gaps are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb.facts import Table

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")  # |---|:--:|
_SPACE_GAP = re.compile(r"\S(\s{2,})(?=\S)")
_NUMERIC = re.compile(r"^[(\-–$€£]*\s?\d[\d,.]*\s*(%|[kmb]|thousand|million|billion)?\)?$", re.I)
_CAPTION_MAX = 200
_MIN_SPACED_ROWS = 3


def split_cells(line: str, kind: str) -> list[str] | None:
    """The cells of ``line`` in a table of ``kind`` ('tab', 'pipe', 'space'), or None when
    the line is not a row of that kind."""
    stripped = line.strip()
    if kind == "tab":
        cells = [c.strip() for c in stripped.split("\t")]
    elif kind == "pipe":
        if stripped.count("|") < 2 and not (stripped.startswith("|") or stripped.endswith("|")):
            return None
        cells = [c.strip() for c in stripped.strip("|").split("|")]
    else:
        cells = [c.strip() for c in re.split(r"\s{2,}", stripped)]
    return cells if sum(1 for c in cells if c) >= 2 else None


def line_kind(line: str) -> str | None:
    """Which table syntax a line uses, if any."""
    stripped = line.strip()
    if "\t" in stripped:
        return "tab"
    if stripped.count("|") >= 2 or _SEPARATOR.match(stripped):
        return "pipe"
    if _SPACE_GAP.search(stripped):
        return "space"
    return None


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line of ``text``, offsets counted from ``start``."""
    pos = 0
    for line in text.split("\n"):
        yield start + pos, line
        pos += len(line) + 1


def _gap_columns(line: str) -> set[int]:
    """Where the cells of a space-aligned line line up: the column where each cell after a
    run of two or more spaces starts (left-aligned columns), and, as negative numbers, the
    columns where cells end (right-aligned figures: "$2,200,000" under "$412,000")."""
    starts = {m.end(1) for m in _SPACE_GAP.finditer(line)}
    ends = {-m.start(1) for m in _SPACE_GAP.finditer(line)} | {-len(line.rstrip())}
    return starts | ends


def _share_column(lines: list[str]) -> bool:
    columns = [_gap_columns(line) for line in lines]
    return bool(set.intersection(*columns)) if columns else False


def _aligned(lines: list[str]) -> bool:
    """Space-aligned columns: three or more lines with a cell starting (or ending) at a
    column all of them share; a header line over right-aligned figures need not share it."""
    if len(lines) < _MIN_SPACED_ROWS:
        return False
    return _share_column(lines) or _share_column(lines[1:])


def is_numeric(cell: str) -> bool:
    return bool(_NUMERIC.match(cell.strip()))


def find_text_tables(text: str, offset: int = 0) -> list[Table]:
    """Every table written as text in ``text``; spans are offsets into ``text`` + ``offset``."""
    tables: list[Table] = []
    run: list[tuple[int, str]] = []
    kind: str | None = None
    previous: list[tuple[int, str]] = []  # non-blank lines before the current run
    blank_gap = 0
    for pos, line in _lines(text, offset):
        this = line_kind(line) if line.strip() else None
        if this is not None and (kind is None or this == kind and _continues(run, line, kind,
                                                                               blank_gap)):
            kind = this
            run.append((pos, line))
            blank_gap = 0
            continue
        if not line.strip() and run and blank_gap == 0:
            blank_gap = 1  # one blank line may separate rows
            continue
        if run:
            table = _table(run, kind or "", previous)
            if table:
                tables.append(table)
            previous = []
        run, kind, blank_gap = [], None, 0
        if this is not None:  # a line of another syntax opens a new run
            kind = this
            run.append((pos, line))
        elif line.strip():
            previous.append((pos, line))
    if run:
        table = _table(run, kind or "", previous)
        if table:
            tables.append(table)
    return tables


def _continues(run: list[tuple[int, str]], line: str, kind: str, blank_gap: int) -> bool:
    """Whether ``line`` is another row of the run: after a blank line it must have as many
    cells as the row before; space-aligned rows must share a column with it."""
    last = run[-1][1]
    if kind == "space" and not _gap_columns(last) & _gap_columns(line) and not (
            len(run) == 1 and _same_width(last, line, kind)):
        return False  # (a header over right-aligned figures only needs as many cells)
    if not blank_gap:
        return True
    return _same_width(last, line, kind)


def _same_width(a: str, b: str, kind: str) -> bool:
    cells_a, cells_b = split_cells(a, kind), split_cells(b, kind)
    return cells_a is not None and cells_b is not None and len(cells_a) == len(cells_b)


def _table(run: list[tuple[int, str]], kind: str, previous: list[tuple[int, str]]) \
        -> Table | None:
    """A Table from a run of lines of one syntax, or None if the run is not a table."""
    rows = [(pos, line) for pos, line in run if not _SEPARATOR.match(line.strip())]
    if len(rows) < 2 or (kind == "space" and not _aligned([line for _, line in rows])):
        return None
    cells = [split_cells(line, kind) for _, line in rows]
    if any(c is None for c in cells):
        return None
    width = max(len(c) for c in cells)
    if width < 2:
        return None
    grid = [c + [""] * (width - len(c)) for c in cells]
    spans = []
    for pos, line in rows:
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + len(line.rstrip())))
    header: list[str] = []
    if _is_header(grid):
        header, grid, spans = grid[0], grid[1:], spans[1:]
    caption = None
    if previous:
        pos, line = previous[-1]
        if len(line.strip()) <= _CAPTION_MAX and pos + len(line) + 3 >= rows[0][0]:
            caption = line.strip()
    return Table(header=header, rows=grid, spans=spans, caption=caption)


def _is_header(grid: list[list[str]]) -> bool:
    """The first row is a header when none of its cells is a number but a later row has one
    in a column where the first row has text."""
    first = grid[0]
    if any(is_numeric(c) for c in first if c):
        return False
    return any(is_numeric(row[j]) and first[j] for row in grid[1:] for j in range(len(first)))


def clean_grid(rows: list[list[str | None]]) -> list[list[str]]:
    """Cells as one-line strings (PDF and HTML cells may wrap), rows with no text dropped,
    all rows as wide as the widest."""
    grid = [[" ".join((c or "").split()) for c in row] for row in rows]
    grid = [row for row in grid if any(row)]
    width = max((len(row) for row in grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]


def render_block(grid: list[list[str]], caption: str | None) -> str:
    """A table as the text users see: the caption on its own line, then one tab-separated
    line per row (the header first), so every row has a line its evidence can point at."""
    lines = ([caption] if caption else []) + ["\t".join(row) for row in grid]
    return "\n".join(lines)


def locate_table(text: str, grid: list[list[str]], caption: str | None, cursor: int = 0) \
        -> tuple[Table | None, int]:
    """The Table of a grid rendered by ``render_block`` into ``text`` at or after ``cursor``,
    with each row's span found in the text, and the offset after its last row. A grid whose
    rows are not all in the text (cut as boilerplate) gives None."""
    spans: list[tuple[int, int]] = []
    pos = cursor
    for row in grid:
        line = "\t".join(row)
        found = text.find(line, pos)
        if found < 0:
            return None, cursor
        spans.append((found, found + len(line)))
        pos = found + len(line)
    if len(grid) < 2 or len(grid[0]) < 2:
        return None, pos
    header: list[str] = []
    rows = grid
    if _is_header(grid):
        header, rows, spans = grid[0], grid[1:], spans[1:]
    return Table(header=header, rows=rows, spans=spans, caption=caption), pos
