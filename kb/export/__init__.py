"""Export a subgraph of the knowledge base to Gephi (GEXF 1.3) or GraphML.

What a journalist wants to see in Gephi is people, places, bodies and laws connected by what
they did, not the store's fact nodes, mentions and documents. The entity graph of
kb/projection.py (`Projection`: entities as nodes, each fact collapsed into labelled edges that
keep the fact, its date and its evidence) is exactly that picture, so the export is built on it:

1. select (`select.py`): everything, a neighbourhood (`around` + `hops`), entities of some
   classes (`types`, subclasses included), the triples of a CONSTRUCT query, and facts dated
   within `since`/`until`;
2. aggregate (`aggregate.py`, with what the projection does not keep from
   `store_details.py`): relations between the same two entities with the same label become
   one edge whose weight is the number of documents supporting it, with the first and last
   date (GEXF `start`/`end`, so Gephi's timeline filter works) and the evidence sentences;
   with `facts_as_nodes` each fact is a node of its own instead;
3. write: GEXF 1.3 by our own streaming writer (`gexf.py`), or GraphML through networkx
   (`graphml.py`) with plain str/int/float attributes that networkx and igraph read back.

The records all steps share (nodes, edges, categories, colours) are in `model.py`. Every file
validates against the official GEXF 1.3 schema (tests/test_export.py runs
../shared/conformance/validate_gexf.py on each). networkx is imported only when an export
runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kb.errors import UsageError
from kb.export.gexf import write_gexf
from kb.export.graphml import to_networkx, write_graphml
from kb.export.model import (
    FORMATS,
    PALETTE,
    ExportEdge,
    ExportGraph,
    ExportNode,
    ExportReport,
    category,
)
from kb.export.select import export_graph, from_projection

if TYPE_CHECKING:
    from kb.reader import Reader

__all__ = [
    "FORMATS",
    "PALETTE",
    "ExportEdge",
    "ExportGraph",
    "ExportNode",
    "ExportReport",
    "category",
    "export",
    "export_graph",
    "from_projection",
    "to_networkx",
    "write_gexf",
    "write_graphml",
]


# -- the entry point (KnowledgeBase.export) -----------------------------------------------------


def export(
    kb: Reader,
    output: str | os.PathLike[str] | IO[bytes],
    *,
    format: str = "gexf",
    around: Iterable[str] | None = None,
    hops: int | None = None,
    types: Iterable[str] | None = None,
    construct: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    facts_as_nodes: bool = False,
) -> ExportReport:
    """Select a subgraph and write it to `output` (a path, written atomically, or a binary
    stream). See `export_graph` for the selection; an empty selection still writes a valid
    empty file and says so in the report's warnings."""
    fmt = format.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {format!r}: use gexf or graphml")
    with _opened(output) as stream:
        graph = export_graph(
            kb, around=around, hops=hops, types=types, construct=construct,
            since=since, until=until, facts_as_nodes=facts_as_nodes,
        )  # fmt: skip
        (write_gexf if fmt == "gexf" else write_graphml)(graph, stream)
    name = None if hasattr(output, "write") else os.fspath(output)  # type: ignore[arg-type]
    return ExportReport(len(graph.nodes), len(graph.edges), tuple(graph.warnings), fmt, name)


@contextlib.contextmanager
def _opened(output: str | os.PathLike[str] | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream for `output`. A path is written to a temporary file beside it and
    renamed into place at the end, so a failed export never leaves half a file; an output
    that cannot be written fails before the (possibly long) selection runs."""
    if hasattr(output, "write"):
        yield output  # type: ignore[misc]
        return
    path = Path(os.fspath(output))  # type: ignore[arg-type]
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not a file to write")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise UsageError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
