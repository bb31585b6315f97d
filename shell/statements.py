"""Where one shell statement ends: the rules shared by the prompt's Enter key and by scripts.

A line that starts with a backslash is one meta-command. SPARQL runs until a `;` that is
outside braces, parentheses, brackets, strings, IRIs and comments (so `?s a ?t ;` inside a
WHERE group and `GROUP_CONCAT(?x; separator=",")` do not end anything), or until a blank line
after a complete query. The `;` is not part of the query. A SPARQL update of several operations
joined by `;` therefore runs as several updates, one after the other.
"""

from __future__ import annotations

import re

from kb.sparqltext import _TOKEN  # the project's SPARQL tokenizer: strings, IRIs, comments

_COMMENT = re.compile(r"#[^\n]*")
_UPDATE = re.compile(
    r"\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
QUIT_WORDS = ("quit", "exit")


def scan(text: str) -> tuple[int, bool, list[int]]:
    """(nesting depth at the end, whether a quote is left open, offsets of the `;`s at depth 0)."""
    depth = 0
    open_quote = False
    cuts: list[int] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "other":
            c = m.group()
            if c in "([":
                depth += 1
            elif c in ")]":
                depth = max(0, depth - 1)
            elif c in "\"'":
                open_quote = True
            elif c == ";" and depth == 0 and not open_quote:
                cuts.append(m.start())
    return depth, open_quote, cuts


def is_complete(text: str) -> bool:
    """Something to run, with every bracket and quote closed."""
    if not has_content(text):
        return False
    depth, open_quote, _ = scan(text)
    return depth == 0 and not open_quote


def has_content(text: str) -> bool:
    """More than whitespace and comments."""
    return bool(_COMMENT.sub("", text).strip())


def is_meta(text: str) -> bool:
    return text.lstrip().startswith("\\")


def should_run(text: str, on_empty_line: bool) -> bool:
    """What Enter does at the prompt: run (True) or add a line (False).

    It runs a meta-command, `quit`/`exit`, an input ending in a statement-ending `;`, an empty
    input (to get a fresh prompt), or a complete query when the cursor is on an empty line.
    """
    stripped = text.strip()
    if not stripped or stripped.casefold() in QUIT_WORDS:
        return True
    if is_meta(text) and "\n" not in stripped:
        return True
    _, _, cuts = scan(text)
    if stripped.endswith(";") and cuts and cuts[-1] == len(text.rstrip()) - 1:
        return True
    return on_empty_line and is_complete(text)


def split_statements(text: str) -> list[str]:
    """The statements of an input or a script, in order, without their terminating `;`."""
    out: list[str] = []
    buf: list[str] = []

    def flush(piece: str) -> None:
        if has_content(piece):
            out.append(piece.strip())

    for line in text.splitlines():
        if is_meta(line) and not has_content("\n".join(buf)):
            out.append(line.strip())  # comments before it are dropped
            buf = []
            continue
        if not line.strip():
            if buf and is_complete("\n".join(buf)):
                flush("\n".join(buf))
                buf = []
            elif buf:
                buf.append(line)
            continue
        buf.append(line)
        joined = "\n".join(buf)
        _, _, cuts = scan(joined)
        if cuts:
            start = 0
            for cut in cuts:
                flush(joined[start:cut])
                start = cut + 1
            rest = joined[start:]
            buf = [rest] if rest.strip() else []
    if buf:
        flush("\n".join(buf))
    return out


def is_update(text: str) -> bool:
    """Whether a statement is a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP...)."""
    return _UPDATE.match(text) is not None
