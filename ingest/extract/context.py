"""Shared state of one extraction run: the parse, the facts so far, and who is mentioned where.

Extractors run in order and each one reads what the earlier ones found through ``Context``:
``key_at(token)`` says which entity a token belongs to, so the event extractor can ask "is the
subject of this verb a known person?" with a dict lookup instead of re-reading the text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ingest.dates import parse_date
from kb.facts import Document, DocumentFacts, Entity, Evidence

#: White space and a dateline's dash (em/en dash or "--") before a sentence's first word.
_EVIDENCE_LEAD = re.compile(r"\s*(?:(?:\u2014|\u2013|--)\s*)?")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@cache
def lexicon() -> dict:
    """ingest/data/lexicon.json: the small word lists the extractors share."""
    text = resources.files("ingest").joinpath("data", "lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def word_list(filename: str) -> frozenset[str]:
    """A one-word-per-line data file (comments with #) as a set."""
    text = resources.files("ingest").joinpath("data", filename).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def squash(text: str) -> str:
    """Comparison form of a name: no case, spaces or punctuation ("DeBlasio" = "de Blasio")."""
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("’", "'").replace("'s", ""))


OPEN_CLOSE = {"“": "”", '"': '"'}


@dataclass
class Mention:
    """A span of tokens [start, end) that refers to an entity."""

    start: int
    end: int
    key: str
    text: str


class ParsedDoc:
    """A spaCy ``Doc`` whose tokens, text and entities are read once.

    spaCy builds a new ``Token`` object on every ``doc[i]`` and every step of ``for t in doc``,
    and rebuilds ``doc.text`` and ``doc.ents`` on every access. The extractors walk a document
    about twenty times, so those rebuilds were a third of extraction time. Integer indexing
    and iteration answer from one list here; slices are real spaCy ``Span`` objects and any
    other attribute is the ``Doc``'s own."""

    __slots__ = ("doc", "tokens", "text", "ents")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        last = self.tokens[-1] if self.tokens else None
        end = last.idx + len(last.text_with_ws) if last is not None else 0
        # the text the Doc was parsed from, when given, saves a join over every token
        self.text: str = text if text is not None and len(text) == end else doc.text
        self.ents: tuple[Span, ...] = doc.ents

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the Span and its Tokens."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx:last.idx + len(last)]

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, key):
        if type(key) is int:
            return self.tokens[key]
        return self.doc[key]

    def __getattr__(self, name: str):
        return getattr(self.doc, name)


class Context:
    """The document, its parse and the facts being built, plus mention and quote indexes."""

    def __init__(self, document: Document, doc: Doc) -> None:
        self.document = document
        self.doc = ParsedDoc(doc, document.text)
        self.facts = DocumentFacts(document)
        text = self.doc.text
        self.anchor = parse_date(document.date) or parse_date(text[:300])
        self.body_start = body_start(document)
        self.quotes = find_quotes(text)
        self._quote_starts = [start for start, _ in self.quotes]
        self.mentions: list[Mention] = []
        self.tok_key: dict[int, str] = {}
        self.sents = list(doc.sents)
        self.sent_of: list[int] = [0] * len(self.doc)
        for si, sent in enumerate(self.sents):
            self.sent_of[sent.start:sent.end] = [si] * (sent.end - sent.start)
        self._sent_text: dict[int, tuple[str, int]] = {}

    # ---- zones -------------------------------------------------------------------------
    def in_body(self, token: Token) -> bool:
        return token.idx >= self.body_start

    def quote_of(self, token: Token) -> tuple[int, int] | None:
        """The (start, end) character span of the quotation holding ``token``, if any."""
        # quotations do not overlap and are sorted, so only the last one opening at or before
        # the token can hold it
        k = bisect_right(self._quote_starts, token.idx) - 1
        if k >= 0 and token.idx < self.quotes[k][1]:
            return self.quotes[k]
        return None

    # ---- mentions ----------------------------------------------------------------------
    def mark(self, start: int, end: int, key: str) -> None:
        """Record that tokens [start, end) mention entity ``key`` (first claim wins)."""
        taken = {self.tok_key[i] for i in range(start, end) if i in self.tok_key}
        if key in taken:
            taken.discard(key)
        if taken:
            # a longer name may contain shorter ones ("Connecticut's Trust Act"); never the
            # other way round, and never a partial overlap
            inside = all(
                start <= m.start and m.end <= end
                for m in self.mentions
                if m.key in taken and any(start <= i < end for i in range(m.start, m.end))
            )
            if not inside or end - start <= 1:
                return
        for i in range(start, end):
            self.tok_key[i] = key
        self.mentions.append(Mention(start, end, key, self.doc[start:end].text))

    def move_mentions(self, old: str, new: str) -> None:
        """Every token and mention of entity ``old`` now refers to ``new`` (``old`` was read
        twice, once wrongly, or is another name of ``new``)."""
        for i, k in list(self.tok_key.items()):
            if k == old:
                self.tok_key[i] = new
        for m in self.mentions:
            if m.key == old:
                m.key = new

    def key_at(self, token: Token | None) -> str | None:
        return self.tok_key.get(token.i) if token is not None else None

    def keys_in(self, tokens) -> list[str]:
        """Entity keys mentioned by ``tokens``, in text order, each once."""
        out: list[str] = []
        for t in sorted(tokens, key=lambda t: t.i):
            key = self.tok_key.get(t.i)
            if key and key not in out:
                out.append(key)
        return out

    def mentions_before(self, token_i: int, prefix: str, window: int | None = None) -> list[str]:
        """Keys of kind ``prefix`` mentioned before token ``token_i``, nearest first."""
        out = []
        for m in reversed(self.mentions):
            if m.start < token_i and m.key.startswith(prefix) and m.key not in out:
                if window is not None and token_i - m.start > window:
                    continue
                out.append(m.key)
        return sorted(
            out,
            key=lambda k: -max(m.start for m in self.mentions if m.key == k and m.start < token_i),
        )

    # ---- evidence ----------------------------------------------------------------------
    def sentence(self, token: Token) -> Span:
        return self.sents[self.sent_of[token.i]]

    def evidence(self, token: Token, rule: str, confidence: float = 1.0) -> Evidence:
        """The sentence as evidence, without the dash a dateline leaves in front of it
        ("WASHINGTON — Officials said ...") and without edge white space; the offsets are
        moved with the text, so `document.text[start:end]` is always the evidence text."""
        si = self.sent_of[token.i]
        if si not in self._sent_text:
            sent = self.sents[si]
            text = self.doc.text[sent.start_char:sent.end_char]  # = sent.text, without a Token each
            lead = _EVIDENCE_LEAD.match(text).end()
            self._sent_text[si] = (text[lead:].rstrip(), sent.start_char + lead)
        body, start = self._sent_text[si]
        return Evidence(body, start, start + len(body), rule, confidence)

    def entity(self, key: str | None) -> Entity | None:
        return self.facts.entity(key)


def body_start(document: Document) -> int:
    """Offset where the article body starts: after a leading title line and the byline/date
    lines under it, which name the publisher and author rather than anything reported."""
    text = document.text
    title = (document.title or "").strip()
    if not title or not text.lstrip().startswith(title[: max(10, len(title) // 2)]):
        return 0
    pos = text.find("\n", text.find(title[:10])) + 1 if "\n" in text else len(text)
    skipped = 0
    while skipped < 3 and pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos : nl if nl >= 0 else len(text)]
        stripped = line.strip()
        if not stripped:
            pos = (nl + 1) if nl >= 0 else len(text)
            continue
        if len(stripped.split()) > 10 or stripped[-1] in '.?!"”':
            break
        skipped += 1
        pos = (nl + 1) if nl >= 0 else len(text)
    return pos


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of direct quotations, quote marks included. Straight quotes pair up
    within a paragraph; an unclosed quote runs to the paragraph's end (news convention for a
    quotation that continues in the next paragraph)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            if ch in OPEN_CLOSE:
                close = OPEN_CLOSE[ch]
                j = para.find(close, i + 1)
                if ch == "“":
                    j2 = para.find("“", i + 1)
                    if j < 0 or (0 <= j2 < j):
                        j = (j2 - 1) if j2 >= 0 else n - 1
                end = (j + 1) if j >= 0 else n
                if end - i > 2:
                    spans.append((pos + i, pos + end))
                i = end
            else:
                i += 1
        pos += len(para) + 1
    return spans


_LEAD_WORDS = frozenset(("the", "a", "an", "this", "that"))
_TAIL_WORDS = frozenset(("'s", "’s", "'"))


def clean_span(span: Span) -> Span:
    """Trim determiners, possessive endings and punctuation off an entity span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end:
        t = doc[start]
        if not (t.lower_ in _LEAD_WORDS or t.is_punct or t.is_space):
            break
        start += 1
    while end > start:
        t = doc[end - 1]
        if not (t.is_punct or t.lower_ in _TAIL_WORDS or t.is_space):
            break
        end -= 1
    if start == span.start and end == span.end:
        return span
    return doc[start:end]
