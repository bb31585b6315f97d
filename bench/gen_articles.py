"""A corpus of distinct news-length articles for the ingest benchmark, varied from real texts.

Why varied copies of real articles: throughput depends on what the text holds (long quoted
sentences, dense names, citations, dollar amounts), and synthetic word salad would parse and
extract at a different speed than news does. So every generated article is an actual article
of the shared corpus (seed, dev) or of ``examples/`` with its paragraphs shuffled, sometimes
topped up with paragraphs of another article to news length (400-1,200 words), and with US
states, cities, given names and numbers substituted from small lists, so that no two articles
(and no two content hashes) are the same and resolution sees many entities, not one.

The output goes to ``bench/out/`` (gitignored): the corpus texts are never committed.
Deterministic: one ``random.Random(seed)``, sorted inputs, so the same arguments give the same
files.

    .venv/bin/python bench/gen_articles.py --docs 500        # bench/out/articles-500-s7/
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from ingest.read.header import parse_header  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"
SOURCES = (SHARED / "seed", SHARED / "dev", REPO / "examples")
OUT = REPO / "bench" / "out"

STATES = ("California", "Connecticut", "Maryland", "Illinois", "Oregon", "Colorado",
          "Minnesota", "Virginia", "Vermont", "New Mexico", "Washington", "Massachusetts",
          "New Jersey", "Pennsylvania", "Michigan", "Arizona", "Nevada", "Wisconsin")
CITIES = ("Hartford", "Chicago", "Baltimore", "Denver", "Portland", "Seattle", "Boston",
          "Philadelphia", "Minneapolis", "Sacramento", "Providence", "Albuquerque", "Newark",
          "Phoenix", "Madison", "Burlington", "Richmond", "Detroit", "New Haven", "Austin")
GIVEN = ("Jeff", "Bill", "Andrew", "Dannel", "Rahm", "Jerry", "Maria", "Susan", "Carlos",
         "Karen", "David", "Linda", "James", "Patricia", "Robert", "Elena", "Thomas", "Nancy")
MIN_WORDS, MAX_WORDS = 400, 1200


def source_texts() -> list[tuple[str, str, list[str]]]:
    """(name, header, body paragraphs) of every .txt article of the sources, sorted."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            start = parse_header(text).body_start
            paras = [p.strip() for p in re.split(r"\n\s*\n", text[start:]) if p.strip()]
            out.append((path.stem, text[:start].strip(), paras))
    return out


def _swap_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len,
                                                                     reverse=True)) + r")\b")


_PATTERNS = [(_swap_pattern(words), words) for words in (STATES, CITIES, GIVEN)]
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_NUMBER = re.compile(r"(?<![\d.,§:/-])\d{1,3}(?:,\d{3})*(?![\d§:/-])")


def vary(text: str, rng: random.Random, mapping: dict[str, str]) -> str:
    """Substitute states, cities and given names by a per-article permutation, and numbers
    (not years, not statute sections after §) by random ones of the same length."""
    for pattern, _words in _PATTERNS:
        text = pattern.sub(lambda m: mapping.get(m.group(1), m.group(1)), text)

    def number(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        if (len(digits) == 4 and digits.startswith(("19", "20"))) or \
                _MONTH.search(m.string, 0, m.start()):
            return m.group(0)  # a year or a day of the month: keep dates parseable
        new = str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1,
                              10 ** len(digits) - 1))
        return f"{int(new):,}" if "," in m.group(0) else new

    return _NUMBER.sub(number, text)


def article(n: int, sources: list[tuple[str, str, list[str]]], rng: random.Random) -> str:
    """Article ``n``: a base article's header and shuffled paragraphs, topped up to news length
    from other articles, with its own substitutions."""
    name, header, paras = sources[n % len(sources)]
    body = paras[:1] + rng.sample(paras[1:], len(paras) - 1)
    while sum(len(p.split()) for p in body) < MIN_WORDS:
        _, _, more = rng.choice(sources)
        body += rng.sample(more, min(len(more), rng.randint(3, 8)))
    while sum(len(p.split()) for p in body) > MAX_WORDS and len(body) > 3:
        body.pop()
    mapping = {}
    for _pattern, words in _PATTERNS:
        mapping.update(zip(words, rng.sample(words, len(words)), strict=True))
    text = (header + "\n\n" if header else "") + "\n\n".join(body) + "\n"
    return vary(text, rng, mapping)


def generate(docs: int, seed: int = 7, out: Path | None = None) -> Path:
    """Write ``docs`` distinct articles (unique content hashes) into a fresh directory."""
    out = out or OUT / f"articles-{docs}-s{seed}"
    if out.exists() and len(list(out.glob("*.txt"))) == docs:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    sources = source_texts()
    seen: set[str] = set()
    n = 0
    while len(seen) < docs:
        text = article(n, sources, rng)
        n += 1
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        (out / f"a{len(seen):05d}.txt").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    out = generate(args.docs, args.seed)
    words = sum(len(p.read_text().split()) for p in out.glob("*.txt"))
    print(f"{out}: {args.docs} articles, {words:,} words ({words / args.docs:.0f} per article)")


if __name__ == "__main__":
    main()
