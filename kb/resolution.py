"""What resolution hands the graph builder: local entity keys of one document -> IRIs.

The records live in the core, beside the facts they resolve, because the graph builder
(`kb.graph`) reads them and the core never imports the ingest pipeline; `ingest.resolve`
fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlaceInfo:
    """What the graph builder needs to describe a place: its path and its parent."""

    iri: str
    name: str
    type: str
    path: tuple[str, ...]
    parent: str | None
    geonames_id: int | None


@dataclass
class Resolution:
    """Local key -> IRI for one document, plus the places (with implicit ancestors such as the
    state of a city) and the canonical names the store already has for reused IRIs."""

    iri: dict[str, str] = field(default_factory=dict)
    places: dict[str, PlaceInfo] = field(default_factory=dict)
    stored_names: dict[str, str] = field(default_factory=dict)

    def of(self, key: str | None) -> str | None:
        return self.iri.get(key) if key else None
