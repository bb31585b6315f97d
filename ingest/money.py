"""Money amounts as written in news prose -> US dollars.

"$4.1 billion" -> 4.1e9, "more than $4 billion" -> 4e9 (the lower bound the text states),
"$500,000" -> 5e5, "$840,284.00" -> 840284.0. Vague amounts ("millions of dollars") give None:
there is no number to store. Ranges ("between $150 and $160 million") give None too, because
a single figure would misstate them.
"""
from __future__ import annotations

import re

SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
         "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
AMOUNT = re.compile(
    r"(?:US)?\$\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion|"
    r"mn|bn|tn|[kmb])?\b|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>thousand|million|billion|"
    r"trillion)?\s+(?:US\s+)?dollars\b", re.I)
RANGE = re.compile(r"\bbetween\b.*\band\b|\d\s*(?:-|–|to)\s*\$?\d", re.I)


def to_usd(text: str) -> float | None:
    """The USD value of the first amount in ``text``, or None when there is no definite one."""
    if RANGE.search(text):
        return None
    m = AMOUNT.search(text)
    if not m:
        return None
    num = m.group("num") or m.group("num2")
    scale = (m.group("scale") or m.group("scale2") or "").lower()
    value = float(num.replace(",", "")) * SCALE.get(scale, 1.0)
    return round(value, 2)
