"""The kb ontology as package data: the Turtle files every IRI in the code comes from.

Kept tiny and free of heavy imports at module level, because `kb --help` must start fast and
only validation and tests need the files parsed (``load_graph`` imports rdflib when called).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import rdflib

FILES = ("kb.ttl", "events.ttl", "shapes.ttl", "prefixes.ttl")


def path(name: str) -> Path:
    """The file ``name`` (one of FILES) on disk, for loaders that want a path."""
    if name not in FILES:
        raise ValueError(f"unknown ontology file {name!r}; expected one of {', '.join(FILES)}")
    resource = files(__name__) / name
    if not isinstance(resource, Path):  # only a zipped install would get here
        raise RuntimeError(f"ontology file {name} is not on the file system; install kb unzipped")
    return resource


def read_text(name: str) -> str:
    """The Turtle text of ``name`` (one of FILES)."""
    return path(name).read_text(encoding="utf-8")


def load_graph(*names: str) -> rdflib.Graph:
    """Parse the given files (all of FILES when none are named) into one rdflib graph."""
    import rdflib

    graph = rdflib.Graph()
    for name in names or FILES:
        graph.parse(data=read_text(name), format="turtle")
    return graph
