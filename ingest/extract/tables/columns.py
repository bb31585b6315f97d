"""Which column of a table is the recipient, the amount, the year and the programme.

Award and budget tables have no fixed layout, but their columns can be told apart by what
the cells hold and what the header says: the amount column holds money (a "$", thousands
separators, or plain numbers under a money header), the year column four-digit years or
"FY 2019", the recipient column names (text, not numbers) under a header such as "Town",
"Grantee" or "Agency", the programme column text under "Program" or "Purpose". A table with
no money column or no name column is not an award table and is left alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kb.facts import Table

_MONEY = re.compile(r"^\(?-?\s*(?:US)?\$?\s?\d[\d,]*(?:\.\d+)?\s*(?:k|m|mn|bn|thousand|million|"
                    r"billion)?\)?$", re.I)
_YEAR = re.compile(r"^(?:FY\s?|fiscal\s+year\s+)?(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?$",
                   re.I)
_SCALE = re.compile(r"\bin\s+(?:\$\s?|dollars,?\s+)?(thousands|millions|billions)\b|"
                    r"\(\s*\$?\s?(000s?|thousands|millions|billions|m|mm|k)\s*\)|"
                    r"\$\s?(000s?|thousands|millions|billions|mm|m|k)\b", re.I)
_YEAR_IN = re.compile(r"\b(?:FY\s?)?(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?\b", re.I)
_WORD = re.compile(r"[a-z$/()0-9-]+")
_MOSTLY = 0.6


@cache
def award_words() -> dict:
    """ingest/data/award_tables.json: header words, total-row words, scales, funding cues."""
    text = resources.files("ingest").joinpath("data", "award_tables.json").read_text(
        encoding="utf-8")
    return {k: (frozenset(v) if isinstance(v, list) else v)
            for k, v in json.loads(text).items() if not k.startswith("_")}


@dataclass
class Columns:
    """Column indexes of an award table (``None`` where the table has no such column)."""

    recipient: int
    amount: int
    year: int | None = None
    programme: int | None = None
    scale: float = 1.0
    amount_year: str | None = None  # "FY2023" when the amount column's header is a year


def header_words(cell: str) -> set[str]:
    return set(_WORD.findall(cell.lower()))


def is_money(cell: str) -> bool:
    return bool(_MONEY.match(cell.strip())) and not _YEAR.match(cell.strip())


def is_year(cell: str) -> bool:
    return bool(_YEAR.match(cell.strip()))


def _share(cells: list[str], test) -> float:
    filled = [c for c in cells if c.strip()]
    return sum(1 for c in filled if test(c)) / len(filled) if filled else 0.0


def scale_of(*texts: str | None) -> float:
    """"in thousands", "($000)", "$ millions" in a header or caption: what a number means."""
    scales = award_words()["scales"]
    for text in texts:
        match = _SCALE.search(text or "")
        if match:
            word = next(g for g in match.groups() if g).lower()
            return float(scales.get(word, 1.0))
    return 1.0


def infer_columns(table: Table) -> Columns | None:
    """The roles of the columns of ``table``, or None if it is not an award/budget table."""
    words = award_words()
    width = len(table.rows[0]) if table.rows else 0
    header = table.header if len(table.header) == width else [""] * width
    cols = [[row[j] for row in table.rows] for j in range(width)]
    heads = [header_words(h) for h in header]
    amount = _amount_column(cols, heads, header, table.caption, words)
    if amount is None:
        return None
    year = next((j for j in range(width) if j != amount and (
        _share(cols[j], is_year) >= _MOSTLY or heads[j] & words["year_headers"] and
        _share(cols[j], is_year) > 0)), None)
    texty = [j for j in range(width) if j not in (amount, year) and
             _share(cols[j], lambda c: not is_money(c) and not is_year(c)) >= _MOSTLY]
    recipient = next((j for j in texty if heads[j] & words["recipient_headers"]), None)
    programme = next((j for j in texty if j != recipient and
                      heads[j] & words["programme_headers"]), None)
    if recipient is None:
        rest = [j for j in texty if j != programme]
        if not rest:
            return None
        recipient = rest[0]  # the first name column: tables lead with what each row is about
    amount_year = _YEAR_IN.search(header[amount])
    return Columns(recipient, amount, year, programme, scale_of(header[amount], table.caption),
                   amount_year.group().strip() if amount_year else None)


def _amount_column(cols, heads, header, caption, words) -> int | None:
    """The money column: money-shaped cells, with a "$" or a money header (or caption); of
    several, the one whose header says amount/award, else the last (the latest figure)."""
    found = []
    for j, cells in enumerate(cols):
        if _share(cells, is_money) < _MOSTLY:
            continue
        if heads[j] & words["label_words"] and not heads[j] & words["funding_cues"]:
            continue  # "Median income", "Cost": money, but nobody is given it
        dollars = any("$" in c for c in cells) or "$" in header[j]
        money_head = bool(heads[j] & words["amount_headers"]) or scale_of(header[j]) != 1.0
        if dollars or money_head or (caption and "$" in caption):
            found.append((j, money_head))
    if not found:
        return None
    named = [j for j, named in found if named]
    return named[0] if named else found[-1][0]


def is_total(cells: list[str], recipient: int) -> bool:
    """A total or subtotal row ("Total", "Grand total", "Subtotal, Region 2", "All states")."""
    first = next((c for c in cells if c.strip()), "")
    for cell in (cells[recipient], first):
        words = header_words(cell)
        lead = cell.strip().lower().split()[:1]
        if words & {"total", "totals", "subtotal", "sub-total"} or (
                lead and lead[0] in award_words()["total_words"] and len(words) <= 3):
            return True
    return False


def funding_cue(*texts: str | None) -> bool:
    """Whether any of the texts (caption, header, title, lead) speaks of awards or funding."""
    cues = award_words()["funding_cues"]
    return any(cues & header_words(t) for t in texts if t)
