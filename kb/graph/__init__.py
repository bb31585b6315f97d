"""DocumentFacts -> RDF: one document's named graph plus the shared entity descriptions.

Layout (the decision every query and ``kb forget`` relies on):

* **Default graph: shared entity descriptions**, one copy each. A person, place, organisation,
  law or post is described once (``rdf:type``, ``schema:name``, every ``skos:altLabel`` seen,
  place hierarchy, GeoNames ``schema:sameAs``, legislation identifier and jurisdiction, post
  role and jurisdiction). Oxigraph's union default graph does not deduplicate a triple stored in
  several graphs, so descriptions that every document repeats would make ``SELECT ?name
  { ?p schema:name ?name }`` return one row per document; kept in the default graph they are
  stored once and every query sees them once.
* **Named graph ``<document IRI>``: everything only that document says**: the document node
  (type, headline, date, publisher, author, content hash, source), ``<doc> schema:mentions
  <entity>`` for every shared entity it uses (the reference count ``forget`` reads), the
  per-document fact nodes (memberships, quotations, events, grants and their amounts), and the
  evidence: ``kb:Mention`` nodes with ``oa:exact``/``oa:start``/``oa:end``/``kb:rule``/
  ``kb:confidence`` linked by ``kb:evidence`` from facts (the sentence) and from entities (each
  surface form the document used, with its offsets). Every subject in a document graph is
  either the document or a node under its IRI, or the object of ``kb:evidence`` is; so no
  triple of one document graph can be repeated by another one, and the union stays duplicate
  free.

Because every alias is also a surface-form mention in some document graph, the shared aliases
can be recomputed when a document is forgotten: ``kb.forget`` keeps exactly those still
supported by another document. Posts whose body or jurisdiction is unknown ("Sen.") would be
wrongly shared if minted globally, so they stay per document. Non-public roles (a think-tank
director) are not written: the ontology has no term to keep them apart from public posts.

Terms are pyoxigraph terms, the store's own, so nothing is converted on the way in.
"""

from kb.graph.article import build
from kb.graph.table import FACT_CLASSES, table_graph
from kb.graph.values import (
    DOCUMENT_CLASS,
    DocumentGraph,
    content_hash,
    date_literal,
    date_or_expression,
    decimal,
    event_type,
    integer,
)

__all__ = [
    "DOCUMENT_CLASS",
    "FACT_CLASSES",
    "DocumentGraph",
    "build",
    "content_hash",
    "date_literal",
    "date_or_expression",
    "decimal",
    "event_type",
    "integer",
    "table_graph",
]
