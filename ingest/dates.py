"""Dates: the document's own date, and relative mentions ("on Monday", "last week") resolved
against it. News uses a bare weekday for the most recent such day up to the publication date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
WRITTEN = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
                     r"(\d{1,2}),?\s+(\d{4})\b")


def parse_date(text: str | None) -> date | None:
    """A calendar date from ISO or written form ("Jan 25, 2017"), else None."""
    if not text:
        return None
    m = ISO.search(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = WRITTEN.search(text)
    if m:
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(m[1].lower()[:3]))
        return date(int(m[3]), month, int(m[2]))
    return None


def resolve(expression: str, anchor: date | None) -> str | None:
    """ISO date for a relative expression against the document date, else None."""
    if anchor is None:
        return None
    low = expression.lower()
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return anchor.isoformat()
    if "yesterday" in low:
        return (anchor - timedelta(days=1)).isoformat()
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            back = (anchor.weekday() - i) % 7
            return (anchor - timedelta(days=back)).isoformat()
    absolute = parse_date(expression)
    return absolute.isoformat() if absolute else None
