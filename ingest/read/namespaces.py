"""Prefixes, closed vocabularies and the resource base for mapping templates, from kb.vocab.

Mapping files say ``schema:funder`` or ``kb:recipient``; the namespaces behind those prefixes
and the base that relative resource IRIs resolve against are the knowledge base's own, never
spelled out here. A prefixed name in a closed vocabulary that the ontology does not define
(``schema:fundr``) is refused, so a typo in a mapping cannot write triples nobody can query.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Namespaces:
    prefixes: dict[str, str]
    base: str
    closed: dict[str, object]  # namespace IRI -> kb.vocab.Vocabulary

    def is_known(self, prefix: str, iri: str) -> bool:
        """False only for a term missing from a closed vocabulary."""
        vocabulary = self.closed.get(self.prefixes.get(prefix, ""))
        return vocabulary is None or iri in vocabulary


def namespaces() -> Namespaces:
    from kb import vocab

    closed = {v.base: v for v in vars(vocab).values() if isinstance(v, vocab.Vocabulary)}
    return Namespaces(prefixes=dict(vocab.PREFIXES), base=vocab.RESOURCE_BASE, closed=closed)
