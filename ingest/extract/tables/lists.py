"""Line-per-recipient award lists, read as tables with a recipient and an amount column.

Releases list awards without a table as often as with one, in a few shapes:
    Bridgeport: $2.1 million for street lighting     (name, amount, purpose on one line)
    - Town of Canton, $50,000                         (a bullet)
    * Hartford ($250,000) for youth outreach          (the amount in parentheses)
    Alabama, $18.7 million:                           (a heading over a paragraph)
    Port of Portland (Oregon)                         (a name line ...
    $41.4 million for the Oregon Mass Timber Coalition   ... and an amount line under it)
    $300,000 to Cambridge for bike lanes              (the amount first)
An item is a short line (a name, not a sentence) with the amount right after it or on the
next line. Three or more items of one shape make a list; a lone line of that shape is left to
the sentence rules.
"""

from __future__ import annotations

import re

from kb.facts import Table

_BULLET = r"(?:[-*•·–]\s+|\d{1,3}[.)]\s+)?"
_AMOUNT = r"(?:US)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion))?"
_NAME = r"(?P<name>[A-Z][^\n$:;]{1,120}?)"
_STATE = r"(?:\s*\((?P<where>[^()\n]{2,40})\))?"
# "Name[ (State)][,:–] $X[ for ...][:]"
_ONE_LINE = re.compile(rf"^{_BULLET}{_NAME}{_STATE}\s*(?:[,:]|\s[-–—])\s*(?P<amount>{_AMOUNT})"
                       rf"(?P<rest>(?:\s*[:.]?\s*$)|\s*(?:for|to|in)\s[^\n]*$|\s*[:.]\s+[A-Z][^\n]*$)")
# "Name ($X)[ for ...]"
_PAREN_AMOUNT = re.compile(rf"^{_BULLET}{_NAME}\s*\((?P<amount>{_AMOUNT})\)"
                           rf"(?P<rest>(?:\s*[,:]?\s+(?:for|to)\s[^\n]*)?\s*[.;]?)$")
# "$X to Name[ (State)][ for ...]" ("$X for Y" names a purpose, not who gets it)
_AMOUNT_FIRST = re.compile(rf"^{_BULLET}(?P<amount>{_AMOUNT})\s+to\s+(?:the\s+)?"
                           rf"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|and|the|de|la)){{0,9}})"
                           rf"{_STATE}(?P<rest>(?:\s+(?:for|to)\s[^\n]*)?\s*[.;]?)$")
# "Name (State)" then "$X for ..."
_NAME_LINE = re.compile(rf"^{_BULLET}{_NAME}{_STATE}\s*:?\s*$")
_AMOUNT_LINE = re.compile(rf"^{_BULLET}(?P<amount>{_AMOUNT})(?P<rest>(?:\s+(?:for|to|in)\s[^\n]*)?"
                          r"\s*[.:]?)$")
_NAME_WORDS = 12
_MIN_ITEMS = 3
_ITEM_GAP = 2000  # characters of description a list may have under each item
HEADER = ["Recipient", "Amount", "Purpose", "Location"]


def find_award_lists(text: str) -> list[Table]:
    """Award lists in ``text``, one Table per shape with three or more items."""
    lines = _lines(text)
    one_line: list[tuple[list[str], tuple[int, int]]] = []
    paired: list[tuple[list[str], tuple[int, int]]] = []
    amount_first: list[tuple[list[str], tuple[int, int]]] = []
    for k, (pos, line) in enumerate(lines):
        stripped = line.strip()
        match = _ONE_LINE.match(stripped) or _PAREN_AMOUNT.match(stripped)
        if match and _name_like(match["name"]):
            lead = len(line) - len(line.lstrip())
            one_line.append((_cells(match), (pos + lead, pos + len(line.rstrip()))))
            continue
        match = _AMOUNT_FIRST.match(stripped)
        if match:
            lead = len(line) - len(line.lstrip())
            amount_first.append((_cells(match), (pos + lead, pos + len(line.rstrip()))))
            continue
        match = _NAME_LINE.match(stripped)
        if not match or not _name_like(match["name"]):
            continue
        nxt = next(((p, ln) for p, ln in lines[k + 1:k + 3] if ln.strip()), None)
        amount = _AMOUNT_LINE.match(nxt[1].strip()) if nxt else None
        if amount:
            cells = [_name_of(match), amount["amount"], _purpose(amount["rest"]),
                     match["where"] or ""]
            lead = len(line) - len(line.lstrip())
            paired.append((cells, (pos + lead, nxt[0] + len(nxt[1].rstrip()))))
    return [Table(header=list(HEADER), rows=[c for c, _ in items],
                  spans=[s for _, s in items], caption=None)
            for shape in (one_line, paired, amount_first) for items in _groups(shape)
            if len(items) >= _MIN_ITEMS]


def _groups(items: list[tuple[list[str], tuple[int, int]]]) \
        -> list[list[tuple[list[str], tuple[int, int]]]]:
    """Items split where the text between two of them is longer than a paragraph or two
    (a list ends; a later one in the same document is another list)."""
    groups: list[list[tuple[list[str], tuple[int, int]]]] = []
    for item in items:
        if groups and item[1][0] - groups[-1][-1][1][1] <= _ITEM_GAP:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _name_like(name: str) -> bool:
    """A name, not a clause: short, and no sentence punctuation inside."""
    words = name.split()
    return 0 < len(words) <= _NAME_WORDS and not re.search(r"[a-z]{3,}[.!?]\s", name)


def _name_of(match: re.Match) -> str:
    return match["name"].strip().rstrip(",")


def _purpose(rest: str | None) -> str:
    rest = (rest or "").strip().strip(",").strip().rstrip(".:;")
    return re.sub(r"^(?:(?:for|to|in)\s+|[:.]\s+)", "", rest)


def _cells(match: re.Match) -> list[str]:
    where = match.groupdict().get("where") or ""
    return [_name_of(match), match["amount"], _purpose(match["rest"]), where]
