"""Constant regular expressions in a SPARQL query that the engine cannot compile.

SPARQL makes an invalid pattern an evaluation error, not a syntax error: ``FILTER(regex(?x,
"("))`` is an error on every row, the FILTER drops every row, and the query answers nothing
without a word, which reads as "no data". So before a query runs, every ``REGEX``/``REPLACE``
whose pattern (and flags) are string constants is tried once, and a warning names each one
that does not compile; the query still runs, unchanged.

The judge is Oxigraph itself: the constants are pasted, exactly as written (same escapes,
same quotes), into ``SELECT (REGEX("", pattern, flags) AS ?ok) {}`` on a small in-memory
store, and an unbound answer means the engine rejects them. A second regex dialect here
(Python's ``re`` knows neither ``\\p{L}`` nor XPath's flags) would warn about valid patterns.

Warnings go to the ``kb.query`` logger. With no logging configured (the CLI, the shell) Python
prints them on stderr, one line each; a Python user's own logging set-up decides otherwise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyoxigraph as ox

from kb.sparqltext import _TOKEN as SPARQL_TOKEN

_FUNCTIONS = {"REGEX": (1, 2), "REPLACE": (1, 3)}
"""Function -> (index of the pattern argument, index of the flags argument)."""


@dataclass(frozen=True)
class BadRegex:
    """One call whose constant pattern or flags the engine rejects."""

    function: str
    pattern: str
    flags: str | None
    line: int

    def message(self) -> str:
        flags = f" with flags {self.flags}" if self.flags else ""
        effect = ("so a FILTER on it keeps no row" if self.function == "REGEX"
                  else "so its result is unbound")
        return (f"warning: line {self.line}: {self.pattern}{flags} is not a valid regular "
                f"expression; {self.function} fails on every row, {effect}")


def invalid_regexes(sparql: str) -> list[BadRegex]:
    """Every REGEX/REPLACE call of ``sparql`` whose pattern is a string constant (and whose
    flags, if any, are one too) that does not compile; variables and expressions are left
    alone (they are only known per row)."""
    found = []
    for function, args, offset in _calls(sparql):
        pattern_at, flags_at = _FUNCTIONS[function]
        pattern = _constant(args, pattern_at)
        flags = _constant(args, flags_at) if len(args) > flags_at else None
        if pattern is None or (len(args) > flags_at and flags is None):
            continue
        if not _compiles(pattern, flags):
            found.append(BadRegex(function, pattern, flags, sparql.count("\n", 0, offset) + 1))
    return found


def warn_invalid_regexes(sparql: str) -> list[BadRegex]:
    """Log one warning per invalid constant regular expression (see the module docstring);
    returns them too. Cheap when the query has no REGEX or REPLACE: one substring test."""
    upper = sparql.upper()
    if "REGEX" not in upper and "REPLACE" not in upper:
        return []
    found = invalid_regexes(sparql)
    if found:
        import logging  # only now: the shell's start-up does not pay for it

        for bad in found:
            logging.getLogger("kb.query").warning(bad.message())
    return found


def _calls(sparql: str) -> list[tuple[str, list[list[str]], int]]:
    """(function, arguments as token texts, offset) of each REGEX/REPLACE call. Strings,
    IRIs and comments are single tokens, so commas and parentheses inside them never count."""
    tokens = [(m.lastgroup, m.group(), m.start()) for m in SPARQL_TOKEN.finditer(sparql)
              if not m.group().isspace()]
    calls = []
    for i, (kind, text, offset) in enumerate(tokens):
        name = text.upper()
        if kind != "word" or name not in _FUNCTIONS or i + 1 >= len(tokens) \
                or tokens[i + 1][1] != "(":
            continue
        args: list[list[str]] = [[]]
        depth = 0
        for _, tok, _ in tokens[i + 1:]:
            if tok == "(":
                depth += 1
                if depth == 1:
                    continue
            elif tok == ")":
                depth -= 1
                if depth == 0:
                    break
            elif tok == "," and depth == 1:
                args.append([])
                continue
            args[-1].append(tok)
        calls.append((name, args, offset))
    return calls


def _constant(args: list[list[str]], index: int) -> str | None:
    """The argument at ``index`` as written, when it is one plain string literal."""
    if index >= len(args) or len(args[index]) != 1:
        return None
    token = args[index][0]
    return token if token[:1] in ('"', "'") else None


@functools.lru_cache(maxsize=256)
def _compiles(pattern: str, flags: str | None) -> bool:
    query = f"SELECT (REGEX(\"\", {pattern}{', ' + flags if flags else ''}) AS ?ok) {{}}"
    try:
        solutions = list(_probe().query(query))
    except (SyntaxError, ValueError, OSError):
        return True  # not ours to judge: the query itself will report its syntax
    return bool(solutions) and solutions[0]["ok"] is not None


@functools.cache
def _probe() -> ox.Store:
    """An empty in-memory store, only to ask the engine whether a pattern compiles."""
    return ox.Store()
