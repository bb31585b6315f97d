"""Binding query parameters by rewriting as little as possible of the query text.

Parameters go in as a `VALUES` block at the start of the query's WHERE group, which is
what pre-binding means in SPARQL: the pattern is evaluated joined with those values. The
terms are serialised by pyoxigraph (escaped N-Triples syntax), so a value can never end its
own slot. Oxigraph's native substitutions (SEP-0007) would do the same locally but only for
projected variables, and remote endpoints have nothing alike; one mechanism serves both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

from kb.errors import UsageError

_TOKEN = re.compile(
    r'''(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|'''
    r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|(?P<word>[?$]?[A-Za-z_][\w.:-]*|:[\w.-]*)"
    r"|(?P<open>\{)|(?P<close>\})|(?P<other>.)",
    re.DOTALL,
)


def where_group_start(sparql: str) -> int | None:
    """Offset just after the `{` that opens the query's WHERE group, or None (DESCRIBE <x>).

    A CONSTRUCT template is also a `{...}` group, so the WHERE keyword is looked for first;
    it is optional only in SELECT/ASK, where the first top-level group is the WHERE group.
    """
    depth = 0
    first_group: int | None = None
    after_where = False
    form = None
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind == "word" and depth == 0:
            word = m.group().upper()
            if form is None and word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = word
            if word == "WHERE":
                after_where = True
        elif kind == "open":
            if depth == 0:
                if after_where:
                    return m.end()
                if first_group is None:
                    first_group = m.end()
            depth += 1
        elif kind == "close":
            depth -= 1
    if form in ("SELECT", "ASK"):
        return first_group
    return None


def query_form(sparql: str) -> str | None:
    """The query form (SELECT, ASK, CONSTRUCT or DESCRIBE) of a query, or None when the text
    has none; prefixes, comments and strings are skipped, so `# CONSTRUCT` does not count."""
    forms = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup == "word" and m.group().upper() in forms:
            return m.group().upper()
    return None


def bind_values(sparql: str, bindings: Mapping[str, object] | None) -> str:
    """The query with a VALUES block for `bindings` (pyoxigraph terms) in its WHERE group."""
    if not bindings:
        return sparql
    at = where_group_start(sparql)
    if at is None:
        raise UsageError("cannot bind parameters: the query has no WHERE clause")
    names = " ".join(f"?{ox.Variable(k).value}" for k in bindings)
    values = " ".join(str(v) for v in bindings.values())
    return f"{sparql[:at]} VALUES ({names}) {{ ({values}) }} {sparql[at:]}"
