"""The header of a plain-text article: title, byline, date and publisher lines before the body.

Saved news articles usually start with a one-line headline, then a block of short lines such
as "By Jane Roe" and "The Daily, Mar 27, 2017 3:10 pm", then the body. These rules recognise
such lines by their shape (a "By" prefix, a calendar date, shortness) rather than by any
publisher's layout, and stop at the first line that looks like prose, so a text without a
header (a dateline lede, a photo caption) is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import ISO, WRITTEN, parse_date

_BYLINE = re.compile(r"^by\s+(?P<who>[A-Z].*)$", re.IGNORECASE)
_TITLE_MAX = 200
_META_LINE_MAX = 100
_SHORT_LINE_WORDS = 6


@dataclass
class Header:
    """What the header said; ``body_start`` is the character offset where the body begins."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    publisher: str | None = None
    body_start: int = 0


def find_date(line: str) -> tuple[str, int, int] | None:
    """The first calendar date in a line as ISO (YYYY-MM-DD) with its span, or None."""
    matches = [m for m in (ISO.search(line), WRITTEN.search(line)) if m]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    try:
        found = parse_date(match.group())
    except ValueError:  # 2017-13-45: shaped like a date, but none
        return None
    return (found.isoformat(), match.start(), match.end()) if found else None


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Paragraphs (runs of non-blank lines) with the offset where each starts."""
    blocks: list[tuple[int, list[str]]] = []
    offset = 0
    current: list[str] = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            if not current:
                start = offset
            current.append(line.strip())
        elif current:
            blocks.append((start, current))
            current = []
        offset += len(line) + 1
    if current:
        blocks.append((start, current))
    return blocks


def _is_title(lines: list[str]) -> bool:
    """A headline is one short line that does not end like a sentence."""
    return (len(lines) == 1 and len(lines[0]) <= _TITLE_MAX
            and not lines[0].endswith((".", ":", ";", ",")))


def _is_short(line: str) -> bool:
    return len(line.split()) <= _SHORT_LINE_WORDS and not line.endswith((".", ",", ";"))


def _meta_block(lines: list[str], header: Header) -> bool:
    """Fill ``header`` from a block of byline/date/name lines; False if it is body prose."""
    if any(len(line) > _META_LINE_MAX for line in lines):
        return False
    dated = [find_date(line) for line in lines]
    bylined = [_BYLINE.match(line) for line in lines]
    if not any(dated) and not any(bylined):
        return False
    if not all(d or b or _is_short(line) for line, d, b in zip(lines, dated, bylined, strict=True)):
        return False
    names: list[str] = []
    for line, date, byline in zip(lines, dated, bylined, strict=True):
        if byline:
            who = re.split(r"\s*[|,]\s*", byline["who"], maxsplit=1)
            header.author = header.author or who[0]
            if len(who) > 1 and _is_short(who[1]):
                header.publisher = header.publisher or who[1]
        elif date:
            header.date = header.date or date[0]
            before = line[: date[1]].strip(" ,|-—·")
            if before and _is_short(before):
                header.publisher = header.publisher or before
        else:
            names.append(line)
    for name in names:  # an unlabelled short line: the author if there is no byline
        if header.author is None:
            header.author = name
        elif header.publisher is None:
            header.publisher = name
    return True


def parse_header(text: str) -> Header:
    """Split off the title and byline/date block at the top of an article, if there is one."""
    header = Header()
    blocks = _blocks(text)
    index = 0
    if blocks and _is_title(blocks[0][1]) and len(blocks) > 1:
        header.title = blocks[0][1][0]
        index = 1
    while index < len(blocks) - 1 and index <= 2 and _meta_block(blocks[index][1], header):
        index += 1
    if index and index < len(blocks):
        header.body_start = blocks[index][0]
    return header
