"""Dates: the document's own date, and relative mentions ("on Monday", "last week") resolved
against it. News uses a bare weekday for the most recent such day up to the publication date.

A time expression that cannot be resolved (no document date, or no calendar unit for it, such
as "last week") is kept as written by ``date_value``: "Monday" is what the text says, and a
guessed calendar date would be a fact nobody stated.
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
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(st|nd|rd|th)?\b", re.I)
MONTH_ONLY = re.compile(rf"^(?:last |early |late |mid-?|the end of |the beginning of )?{_MONTH}$",
                        re.I)
YEAR = re.compile(r"^(?:in |the year )?((?:19|20)\d{2})$")
RELATIVE = re.compile(r"\b(last|this|next|past)\s+(week|weekend|month|year)\b", re.I)
# what makes a DATE mention a point in time rather than a length of time or a frequency
POINT = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + r"|today|tonight|yesterday|tomorrow|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|" + "|".join(MONTHS) +
    r"|(19|20)\d{2}|(last|this|next|past)\s+(week|weekend|month|year))\b", re.I)
DURATION = re.compile(r"\b(every|each|per|annual|annually|weekly|daily|monthly|yearly|"
                      r"hours|minutes|days|weeks|months|years|decades|fiscal|fy)\b", re.I)


def parse_date(text: str | None) -> date | None:
    """A calendar date from ISO or written form ("Jan 25, 2017"), else None."""
    if not text:
        return None
    try:
        m = ISO.search(text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = WRITTEN.search(text)
        if m:
            month = next(
                i for i, name in enumerate(MONTHS, 1) if name.startswith(m[1].lower()[:3])
            )
            return date(int(m[3]), month, int(m[2]))
    except ValueError:  # "2017-13-45", "Feb 30, 2017": not a date, never a crash
        return None
    return None


def month_number(word: str) -> int:
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word.lower()[:3]))


def resolve(expression: str, anchor: date | None) -> str | None:
    """ISO value for a time expression: absolute forms ("Jan. 25, 2017", "March 2017",
    "2013") on their own, relative ones ("Monday", "yesterday", "in January", "last year")
    against the document date; None when that cannot be done without guessing."""
    low = expression.lower().strip()
    absolute = parse_date(expression)
    if absolute:
        return absolute.isoformat()
    m = MONTH_YEAR.search(low)
    if m:
        return f"{m[2]}-{month_number(m[1]):02d}"
    m = YEAR.match(low)
    if m:
        return m[1]
    if anchor is None:
        return None
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return anchor.isoformat()
    if "yesterday" in low:
        return (anchor - timedelta(days=1)).isoformat()
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            back = (anchor.weekday() - i) % 7
            return (anchor - timedelta(days=back)).isoformat()
    m = MONTH_DAY.search(low)
    if m and 1 <= int(m[2]) <= 31:
        try:
            return date(anchor.year, month_number(m[1]), int(m[2])).isoformat()
        except ValueError:
            return None
    m = MONTH_ONLY.match(low)
    if m:  # the most recent such month up to the document date
        month = month_number(m[1])
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year}-{month:02d}"
    m = RELATIVE.search(low)
    if m and m[2] in ("month", "year"):
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[m[1]]
        if m[2] == "year":
            return str(anchor.year + step)
        month = anchor.month - 1 + step
        return f"{anchor.year + month // 12}-{month % 12 + 1:02d}"
    return None


def point_in_time(expression: str) -> bool:
    """A DATE mention that names when something happened ("Monday", "in 2013", "last week"),
    not how long ("48 hours", "10 years") or how often ("every year", "weekly")."""
    return bool(POINT.search(expression)) and not DURATION.search(expression)


def date_value(expression: str, anchor: date | None) -> str | None:
    """The date of a time expression: ISO where it resolves, else the expression as written
    (without a possessive or leading preposition); None if it is not a point in time."""
    text = re.sub(r"(’s|'s)$", "", " ".join(expression.split()))
    text = re.sub(r"^(on|in|at|since|by|during|the)\s+", "", text, flags=re.I).strip(" ,.")
    if not text or not point_in_time(text):
        return None
    return resolve(text, anchor) or text
