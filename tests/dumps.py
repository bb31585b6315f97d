"""Comparing two stores by their N-Quads dumps: the scale-out tests (bulk files, Virtuoso,
the Dask cluster) all promise "the same triples as a local ingest"."""

from __future__ import annotations

import io
import re

_BLANK = re.compile(r"_:[A-Za-z0-9_.-]+")


def canonical_nquads(data: bytes | str) -> list[str]:
    """Sorted N-Quads lines with blank node labels masked: the only blank nodes are the
    ontology's OWL lists, which every store relabels on load."""
    text = data.decode() if isinstance(data, bytes) else data
    return sorted(_BLANK.sub("_:b", line) for line in text.splitlines() if line.strip())


def store_lines(kb) -> list[str]:  # noqa: ANN001 - a KnowledgeBase
    """The canonical dump of a knowledge base."""
    out = io.BytesIO()
    kb.dump(out, format="nquads")
    return canonical_nquads(out.getvalue())
