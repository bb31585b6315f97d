"""Valid by construction (issue 12, item 2): whatever ingest writes passes `kb validate`.

Ingest checks each document's graph against ontology/shapes.ttl, compiled into direct checks
(kb/shapecheck.py), before it writes, and drops what violates them with a warning
(kb/shaperepair.py). These tests ingest real corpora into a real on-disk store, write facts
records crafted to violate the shapes, and hold the compiled checks to pyshacl's verdict.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from ingest.pipeline import IngestReport, ensure_ontology, write_facts
from ingest.resolve import NameBook, resolve
from kb.facts import Document, DocumentFacts, Event, Evidence, Law, Person, Statement
from kb.graph import build
from kb.shapecheck import Triples, View, _compile, check
from kb.store import open_store
from kb.validate import validate_graph
from kb.vocab import KB, OA, ORG, PREFIXES, RDF, SCHEMA, SEM, XSD, prefixed

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
KB_EXE = str(Path(sys.executable).with_name("kb"))
USC = "8 U.S.C. § 1373"


def kb(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KB_EXE, *args], capture_output=True, text=True, timeout=900)


def test_corpora_and_examples_ingest_valid(tmp_path: Path) -> None:
    """Before: 34 violations on these documents (grants with neither funder nor recipient)."""
    store = str(tmp_path / "store")
    r = kb("ingest", str(CORPUS / "seed"), str(CORPUS / "dev"), str(ROOT / "examples"),
           "--store", store)
    assert r.returncode == 0, r.stderr
    assert " warning(s)" in r.stderr  # the summary counts the repairs
    counted = int(re.search(r"(\d+) warning\(s\)", r.stderr).group(1))
    shown = [line for line in r.stderr.splitlines() if line.startswith("kb: warning: ")]
    assert len(shown) == counted  # and each repair is said, one line naming its document
    v = kb("validate", "--store", store)
    assert v.returncode == 0, v.stdout + v.stderr


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, title=doc_id, date="2017-03-27")


def _ev(text: str, rule: str = "test") -> Evidence:
    return Evidence(text, 0, len(text), rule, 0.9)


def law_doc(doc_id: str, law_type: str) -> DocumentFacts:
    text = f"The Justice Department cited {USC} on Monday."
    facts = DocumentFacts(_doc(doc_id, text))
    facts.laws["law:usc"] = Law("law:usc", USC, evidence=[_ev(text)], type=law_type)
    return facts


def violating_doc() -> DocumentFacts:
    """The same law typed differently from the stored one (a second schema:legislationType),
    a quotation nobody said and a threat nobody made: three facts the shapes reject."""
    text = (f"Congress passed {USC}. \"We will not comply,\" the statement read. "
            "Grants were threatened.")
    facts = law_doc("crafted-bad", "bill")
    facts.document.text = text
    facts.people["person:malloy"] = Person("person:malloy", "Dannel Malloy", evidence=[_ev(text)])
    facts.statements.append(Statement("statement:1", None, "We will not comply",
                                      evidence=[_ev(text, "statement.quote")]))
    facts.events.append(Event("event:1", "threaten", None, cameo="1311",
                              evidence=[_ev(text, "event.verb")]))
    facts.events.append(Event("event:2", "sue", "person:malloy", about_law="law:usc",
                              evidence=[_ev(text, "event.verb")]))
    return facts


def test_violating_facts_are_dropped_with_a_warning(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    store = open_store(path, create=True)
    first = write_facts(store, law_doc("crafted-good", "statute"))
    assert first.error is None and first.warnings == ()
    result = write_facts(store, violating_doc())
    assert result.error is None
    assert len(result.warnings) == 3, result.warnings
    text = "\n".join(result.warnings)
    assert "schema:legislationType" in text and "A statement needs a speaker" in text \
        and "A threat event needs an agent" in text
    assert "3 warning(s)" in IngestReport([first, result]).summary()
    assert result.facts == 1  # the lawsuit stays

    def values(query: str) -> list[str]:
        return sorted(str(row[0].value) for row in store.query(query, prefixes=PREFIXES).rows)

    # one type, the same whichever document came first: the smaller term (kb:bill) won
    assert values("SELECT ?t { ?l schema:legislationType ?t }") == [KB.bill]
    assert "replaced the stored schema:legislationType kb:statute" in text
    assert values("SELECT ?q { ?q a schema:Quotation }") == []
    assert values("SELECT ?e { ?e a sem:Event }") == [f"{result.iri}/event/2"]
    # the dropped facts' evidence went with them: every mention is somebody's evidence
    assert values("SELECT ?m { ?m a kb:Mention FILTER NOT EXISTS { ?x kb:evidence ?m } }") == []
    store.close()
    v = kb("validate", "--store", path)
    assert v.returncode == 0, v.stdout + v.stderr


def _graph_with_every_kind_of_violation() -> list[ox.Quad]:
    """The crafted document's graph as built (before any repair), the stored law type beside
    the document's, and value-level faults added by hand."""
    store = open_store("memory:")
    ensure_ontology(store)
    write_facts(store, law_doc("crafted-good", "statute"))
    facts = violating_doc()
    graph = build(facts, resolve(facts, NameBook.from_store(store)))
    quads = [*graph.quads, *graph.shared]
    n = ox.NamedNode
    mention = next(q.subject for q in graph.quads if q.predicate.value == OA.start)
    event = next(q.subject for q in graph.quads if q.object.value == SEM.Event)
    law = next(q.subject for q in graph.shared if q.predicate.value == SCHEMA.legislationType)
    doc = n(graph.iri)
    quads += [
        ox.Quad(law, n(SCHEMA.legislationType), n(KB.statute), ox.DefaultGraph()),
        ox.Quad(mention, n(OA.start), ox.Literal("5000", datatype=n(XSD.integer)), doc),
        ox.Quad(mention, n(KB.confidence), ox.Literal("2.5", datatype=n(XSD.decimal)), doc),
        ox.Quad(event, n(SEM.eventType), n(KB.statute), doc),  # a second type, no concept
        ox.Quad(n(f"{graph.iri}/membership/9"), n(RDF.type), n(ORG.Membership), doc),
    ]
    return quads


def test_compiled_checks_agree_with_pyshacl() -> None:
    """Every (focus node, property) pyshacl reports on a graph with many kinds of faults,
    the compiled checks report too, and nothing else."""
    quads = _graph_with_every_kind_of_violation()
    data = Triples((q.subject, q.predicate, q.object) for q in quads)
    ours = {(f.focus.value, prefixed(f.path) if f.path else None)
            for f in check(View(data, Triples()), list(data.by_subject))}
    g = rdflib.Graph()
    g.parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads), format="nt")
    theirs = {(v.focus, v.path) for v in validate_graph(g).violations}
    assert len(theirs) >= 6
    assert ours == theirs


def test_a_shape_using_what_the_compiler_lacks_is_refused() -> None:
    """The ingest check never silently covers less than kb validate."""
    ttl = b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
    <urn:s> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minLength 3 ] ."""
    src = Triples((q.subject, q.predicate, q.object)
                  for q in ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    with pytest.raises(NotImplementedError, match="minLength"):
        _compile(src, ox.NamedNode("urn:s"), {})
