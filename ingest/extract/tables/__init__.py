"""Award and budget tables (and line-per-recipient lists) as grants and award events.

The readers hand over the tables they found (``Document.tables``: HTML ``<table>``, PDF
tables, tab/pipe/space columns in text); the same text-table finder runs again on the text,
for documents built without a reader, and line-per-recipient award lists are read as tables
of their own. A table becomes facts only when it has a money column and a name column and
something around it (caption, header, title, lead) speaks of funding: a table of crime
counts or of prices is left alone.
"""

from __future__ import annotations

from ingest.extract.context import Context
from ingest.read.text_tables import find_text_tables
from kb.facts import Table

from .awards import TableAwards
from .columns import funding_cue, infer_columns
from .lists import find_award_lists

_LEAD_CHARS = 600
_NEAR_CHARS = 400


def extract_tables(ctx: Context) -> None:
    """Grants and award events from every award table of the document."""
    text = ctx.doc.text
    tables = _merge(ctx.document.tables, find_text_tables(text), find_award_lists(text))
    if not tables:
        return
    awards = TableAwards(ctx)
    lead = text[:_LEAD_CHARS]
    for table in tables:
        cols = infer_columns(table)
        if cols is None:
            continue
        first = table.spans[0][0]
        near = text[max(0, first - _NEAR_CHARS):first]
        if not funding_cue(table.caption, " ".join(table.header), ctx.document.title, lead,
                           near):
            continue
        awards.read(table, cols)
    awards.drop_sentence_grants()


def _merge(*groups: list[Table]) -> list[Table]:
    """Tables of all sources in text order; one found twice (by the reader and again in the
    text) or a list inside a table is kept once, the earlier source winning."""
    kept: list[Table] = []
    for group in groups:
        for table in group:
            if not table.rows or any(_overlap(table, other) for other in kept):
                continue
            kept.append(table)
    return sorted(kept, key=lambda t: t.spans[0][0])


def _overlap(a: Table, b: Table) -> bool:
    return a.spans[0][0] < b.spans[-1][1] and b.spans[0][0] < a.spans[-1][1]
