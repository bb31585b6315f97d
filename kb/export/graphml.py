"""The GraphML writer: through networkx, with plain str/int/float attributes that networkx,
igraph, yEd, Cytoscape and Gephi read back. networkx is imported only when it runs.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from kb.export.model import PALETTE, ExportGraph, node_size

if TYPE_CHECKING:
    import networkx as nx


def to_networkx(graph: ExportGraph) -> nx.MultiDiGraph:
    """The export as a networkx MultiDiGraph with str/int/float attributes only (what GraphML
    can type, and what igraph reads back); absent values are left out, never None."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in graph.nodes:
        data: dict[str, object] = {
            "label": n.label, "type": n.category, "class": n.classes, "iri": n.id,
            "degree": n.degree, "color": PALETTE.get(n.category, PALETTE["other"]),
            "size": float(node_size(n.degree)),
        }  # fmt: skip
        if n.geonames is not None:
            data["geonames"] = n.geonames
        if n.ocd:
            data["ocd"] = n.ocd
        if n.start:
            data["start"] = n.start
        if n.end:
            data["end"] = n.end
        g.add_node(n.id, **data)
    for e in graph.edges:
        data = {
            "label": e.label, "kind": e.label, "fact": e.fact, "relation": e.relation,
            "facts": e.facts, "weight": e.weight, "sources": e.sources, "documents": e.documents,
        }  # fmt: skip
        if e.start:
            data["start"] = e.start
        if e.end:
            data["end"] = e.end
        g.add_edge(e.source, e.target, key=e.id, **data)
    return g


def write_graphml(graph: ExportGraph, stream: IO[bytes]) -> None:
    """GraphML through networkx (readable by networkx, igraph, yEd, Cytoscape, Gephi)."""
    import networkx as nx

    nx.write_graphml(to_networkx(graph), stream, encoding="utf-8")
