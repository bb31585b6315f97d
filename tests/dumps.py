"""Comparing two stores by their N-Quads dumps: the scale-out tests (bulk files, Virtuoso,
the Dask cluster) all promise "the same triples as a local ingest"."""

from __future__ import annotations

import io
import re
from decimal import Decimal

_BLANK = re.compile(r"_:[A-Za-z0-9_.-]+")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBER = re.compile(r'"([^"]*)"\^\^<' + re.escape(_XSD) + r'(?:decimal|integer|int|long)>')


def _number(m: re.Match) -> str:
    return f'"{Decimal(m.group(1)).normalize()}"^^<number>'


def canonical_nquads(data: bytes | str, *, numbers_by_value: bool = False) -> list[str]:
    """Sorted N-Quads lines with blank node labels masked: the only blank nodes are the
    ontology's OWL lists, which every store relabels on load. ``numbers_by_value`` compares
    integers and decimals by value (Virtuoso keeps numbers as SQL values: an integral
    xsd:decimal reads back as xsd:integer)."""
    text = data.decode() if isinstance(data, bytes) else data
    lines = (_BLANK.sub("_:b", line) for line in text.splitlines() if line.strip())
    if numbers_by_value:
        lines = (_NUMBER.sub(_number, line) for line in lines)
    return sorted(lines)


def store_lines(kb, *, numbers_by_value: bool = False) -> list[str]:  # noqa: ANN001 - a KnowledgeBase
    """The canonical dump of a knowledge base."""
    out = io.BytesIO()
    kb.dump(out, format="nquads")
    return canonical_nquads(out.getvalue(), numbers_by_value=numbers_by_value)
