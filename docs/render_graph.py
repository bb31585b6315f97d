"""Render the seed article's entity graph to docs/seed-graph.png (the picture in the README).

It shows what `kb export` hands to Gephi: the article ingested into a throwaway memory store,
the same export graph `kb export` writes (`kb.export.export_graph`: entities coloured by type
with the export's palette, facts as labelled arrows), drawn with networkx and matplotlib.
Entities the article only mentions, with no fact or relation to another entity (news outlets
quoted as sources, for instance), are left out of the picture. The layout is networkx's
spring layout with a fixed seed, so the same store gives the same picture.

    .venv/bin/python docs/render_graph.py [--corpus DIR] [--out docs/seed-graph.png]
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = REPO.parent / "shared" / "corpus" / "seed"
OUT = REPO / "docs" / "seed-graph.png"

#: Relations drawn quietly (thin, grey, no label): structure, not news.
STRUCTURE = {"contained in place", "jurisdiction", "legislation jurisdiction",
             "sub-organization of", "funder", "recipient"}  # fmt: skip


#: Layout: how much a structural edge pulls (facts pull 1.0), and the spring length.
STRUCTURE_PULL = 0.6
SPREAD = 3.2
FISHEYE = 0.55


def render(corpus: Path, out: Path, seed: int = 2) -> tuple[int, int]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D

    from kb import KnowledgeBase
    from kb.export import PALETTE, export_graph, to_networkx

    kb = KnowledgeBase.open("memory:")
    report = kb.ingest([corpus])
    failed = [r for r in report.results if r.error]
    if failed:
        raise SystemExit(f"ingest failed: {failed[0].name}: {failed[0].error}")
    g = to_networkx(export_graph(kb))
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    pos = _layout(g, seed)

    fig, ax = plt.subplots(figsize=(18, 12), dpi=110)
    news = [(u, v, d) for u, v, d in g.edges(data=True) if d["label"] not in STRUCTURE]
    quiet = [(u, v) for u, v, d in g.edges(data=True) if d["label"] in STRUCTURE]
    sizes = {n: 250 + 160 * g.nodes[n]["degree"] for n in g}
    nx.draw_networkx_edges(g, pos, edgelist=quiet, ax=ax, edge_color="#c8c8c8", width=1.0,
                           arrows=True, arrowsize=8, node_size=[sizes[n] for n in g])  # fmt: skip
    node_size = [sizes[n] for n in g]
    nx.draw_networkx_edges(g, pos, edgelist=[(u, v) for u, v, _ in news], ax=ax,
                           edge_color="#555555", width=1.6, arrows=True, arrowsize=16,
                           node_size=node_size, connectionstyle="arc3,rad=0.08")  # fmt: skip
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[sizes[n] for n in g],
                           node_color=[g.nodes[n]["color"] for n in g],
                           edgecolors="white", linewidths=1.2)  # fmt: skip
    labels = {n: "\n".join(textwrap.wrap(g.nodes[n]["label"], 18)) for n in g}
    texts = nx.draw_networkx_labels(g, pos, labels=labels, ax=ax, font_size=8.5,
                                    verticalalignment="bottom")  # fmt: skip
    for n, text in texts.items():  # just above the node, on a light box so it stays readable
        x, y = pos[n]
        text.set_position((x, y + 0.028 + 0.0006 * sizes[n] ** 0.5))
        text.set_bbox({"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 0.6})
    edge_labels: dict[tuple[str, str], str] = {}
    for u, v, d in news:
        key = (u, v)
        edge_labels[key] = (
            f"{edge_labels[key]} / {d['label']}" if key in edge_labels else d["label"]
        )
    nx.draw_networkx_edge_labels(g, pos, edge_labels=edge_labels, ax=ax, font_size=8,
                                 font_color="#7a1f1f", rotate=False,
                                 bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none",
                                       "pad": 0.3})  # fmt: skip

    present = sorted({g.nodes[n]["type"] for n in g}, key=list(PALETTE).index)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=11, markeredgecolor="white",
                      markerfacecolor=PALETTE[c], label=c) for c in present]  # fmt: skip
    handles += [
        Line2D([], [], color="#555555", lw=1.6, label="what they did (fact)"),
        Line2D([], [], color="#c8c8c8", lw=1.0, label="structure (place, body, grant)"),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=10, frameon=True, title="entity type",
              title_fontsize=10)  # fmt: skip
    ax.set_title(
        f"{corpus.name} corpus: {g.number_of_nodes()} entities, {g.number_of_edges()} relations "
        "(node size = degree) — what `kb export` sends to Gephi",
        fontsize=13,
    )
    ax.axis("off")
    ax.margins(0.06)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, metadata={"Software": None})
    plt.close(fig)
    return g.number_of_nodes(), g.number_of_edges()


def _layout(g, seed: int) -> dict:  # noqa: ANN001 - networkx types are imported lazily
    """Spring layout per connected component, the largest in the middle and the small ones
    in a column on the right (one spring layout of everything flings them to the corners).
    Structural edges pull less than facts, so who-did-what stays close together."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        w = STRUCTURE_PULL if d["label"] in STRUCTURE else 1.0
        if simple.has_edge(u, v):
            w = max(w, simple[u][v]["weight"])
        simple.add_edge(u, v, weight=w)
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), sorted(c)))
    pos: dict = {}
    main = _ordered(simple, parts[0])
    spring = nx.spring_layout(main, seed=seed, k=SPREAD / len(main) ** 0.5, iterations=500,
                              weight="weight")  # fmt: skip
    pos.update(_fisheye(spring, [n for n in main if main.degree(n) > 2]))
    y = 0.9
    for part in parts[1:]:
        sub = _ordered(simple, part)
        local = nx.spring_layout(sub, seed=seed, scale=0.12, center=(1.55, y))
        pos.update(local)
        y -= 0.45
    return pos


def _ordered(graph, nodes: set):  # noqa: ANN001, ANN202
    """The subgraph on `nodes` with nodes and edges in sorted order: networkx's subgraph view
    iterates a small node set in set order, which changes with Python's hash seed, and the
    spring layout depends on node order."""
    import networkx as nx

    sub = nx.Graph()
    sub.add_nodes_from(sorted(nodes))
    sub.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in
                              graph.subgraph(nodes).edges(data=True)))  # fmt: skip
    return sub


def _fisheye(pos: dict, core: list) -> dict:
    """Spread the crowded middle and pull in the long arms: distances from the centre of the
    busy nodes become distance ** FISHEYE (then rescaled to the unit square)."""
    import numpy as np

    centre = np.mean([pos[n] for n in core or pos], axis=0)
    out = {}
    for n, p in pos.items():
        d = np.asarray(p) - centre
        r = float(np.hypot(*d))
        out[n] = centre + (d / r * r**FISHEYE if r > 0 else d)
    span = max(float(np.abs(np.asarray(p) - centre).max()) for p in out.values()) or 1.0
    return {n: (p - centre) / span for n, p in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=2, help="layout seed")
    args = parser.parse_args()
    nodes, edges = render(args.corpus, args.out, args.seed)
    print(f"wrote {args.out} ({nodes} entities, {edges} relations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
