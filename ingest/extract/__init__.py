"""Extraction: one parsed document -> DocumentFacts, by extractors run in a fixed order.

Order matters because later extractors read earlier mentions through the Context: places first
(laws and posts are bound to them), then laws, bodies and people, then local resolution of
surnames and titles, and last the relations between them (grants, statements, events).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.extract.context import Context
from ingest.extract.events import extract_events
from ingest.extract.grants import extract_grants
from ingest.extract.laws import extract_laws, extract_policies
from ingest.extract.officials import extract_officials
from ingest.extract.organizations import extract_organizations
from ingest.extract.places import extract_places
from ingest.extract.statements import extract_statements
from ingest.extract.tables import extract_tables
from ingest.resolve_local import resolve_local
from kb.facts import Document, DocumentFacts

if TYPE_CHECKING:
    from spacy.tokens import Doc

STEPS = (extract_places, extract_laws, extract_organizations, extract_officials, resolve_local,
         extract_policies, extract_grants, extract_tables, extract_statements, extract_events)


def extract(document: Document, doc: Doc) -> DocumentFacts:
    """All facts of one document from its single spaCy parse."""
    ctx = Context(document, doc)
    for step in STEPS:
        step(ctx)
    return ctx.facts


def preload() -> None:
    """Load every lexicon and gazetteer the extractors read, now rather than in the middle of
    the first document: a worker pays it once before work starts, and the caller can then
    ``gc.freeze()`` these long-lived tables out of the garbage collector's every pass."""
    from ingest.extract.context import lexicon, word_list
    from ingest.extract.events import verbs
    from ingest.extract.known import first_names, known_posts
    from ingest.extract.law_anaphora import law_nouns
    from ingest.extract.officials import roles
    from ingest.extract.organizations import org_gazetteer
    from ingest.extract.tables.columns import award_words
    from ingest.gazetteer import gazetteer

    lexicon()
    word_list("speech_verbs.txt")
    for load in (verbs, first_names, known_posts, roles, org_gazetteer, gazetteer, award_words,
                 law_nouns):
        load()
