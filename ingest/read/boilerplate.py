"""Press-release boilerplate that is not content: end marks, contact blocks, "About X" closers.

A release ends with "###" or "- 30 -" and is followed (or preceded) by a media contact block
and an "About the Agency" paragraph that describes the publisher in general terms. Read as
prose they give false facts: the spokesperson in the contact block becomes an official of the
story, and the "About" paragraph's programmes and figures become grants of this release. They
are recognised by their shape (a mark alone on a line, a line opening with "Contact",
phone/e-mail lines, a short "About <Name>" heading near the end), never by a publisher's name.
"""

from __future__ import annotations

import re

_END_MARK = re.compile(r"^\s*(?:#{3,}|-+\s*30\s*-+|\*{3,}\s*end\s*\*{3,}|-?\s*end\s*-)\s*$",
                       re.I | re.M)
_CONTACT = re.compile(r"^\s*(?:(?:media|press|news)\s+)?contacts?\s*(?::|$)|"
                      r"^\s*(?:media|press)\s+(?:inquiries|office)\s*:|^\s*for\s+more\s+"
                      r"information,?\s+contact\b", re.I)
_RELEASE_LINE = re.compile(r"^\s*(?:for\s+(?:immediate\s+)?release|embargoed\s+until)\b", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_ABOUT = re.compile(r"^\s*[Aa]bout\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,9}\s*:?\s*$")
_CONTACT_LINE_WORDS = 8
_TAIL_MAX_CHARS = 1500  # after an end mark: contacts and an "About" paragraph or two
_ABOUT_TAIL = 0.5  # an "About" heading only counts in the second half of the text


def strip_boilerplate(text: str) -> str:
    """``text`` without end marks and what follows them, contact blocks and a closing
    "About X" section; the rest is returned unchanged (line breaks kept)."""
    text = _cut_at_end_mark(text)
    lines = text.split("\n")
    lines = _drop_contact_blocks(lines)
    lines = _cut_about(lines)
    return "\n".join(lines).strip()


def _cut_at_end_mark(text: str) -> str:
    """What follows the last end mark is contacts and publisher boilerplate, if it is short
    (a "###" with most of the text after it is a section divider, not the end)."""
    marks = list(_END_MARK.finditer(text))
    if not marks:
        return text
    head = text[:marks[-1].start()]
    tail = len(text) - marks[-1].end()
    if not head.strip() or tail > max(_TAIL_MAX_CHARS, len(head) // 2):
        return text
    return head


def _is_contact_detail(line: str) -> bool:
    """A line of a contact block: a phone number, an e-mail address or a short name line."""
    stripped = line.strip()
    if not stripped:
        return False
    if _PHONE.search(stripped) or _EMAIL.search(stripped):
        return True
    return len(stripped.split()) <= _CONTACT_LINE_WORDS and not stripped.endswith((".", "?", "!"))


def _drop_contact_blocks(lines: list[str]) -> list[str]:
    """Remove a "Contact:" line and the name, phone and e-mail lines right under it, and
    release marks ("FOR IMMEDIATE RELEASE")."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _CONTACT.match(lines[i]) and len(lines[i].split()) <= 2 * _CONTACT_LINE_WORDS:
            i += 1
            while i < len(lines) and _is_contact_detail(lines[i]):
                i += 1
            continue
        if not (_RELEASE_LINE.match(lines[i]) and len(lines[i].split()) <= _CONTACT_LINE_WORDS):
            out.append(lines[i])  # "FOR IMMEDIATE RELEASE" is a mark, not a sentence
        i += 1
    return out


def _cut_about(lines: list[str]) -> list[str]:
    """Drop a closing "About X" heading and everything after it."""
    total = sum(len(line) + 1 for line in lines)
    pos = 0
    for i, line in enumerate(lines):
        if pos >= total * _ABOUT_TAIL and _ABOUT.match(line):
            return lines[:i]
        pos += len(line) + 1
    return lines
