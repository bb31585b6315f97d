"""What the extraction tests share: one document's facts JSON from a sentence written for them."""

from __future__ import annotations

from kb.facts import Document, to_schema_json


def facts_of(nlp, text: str, date: str) -> dict:  # noqa: ANN001 - a spaCy Language
    """The facts JSON (../shared/eval/SCHEMA.md) of ``text`` as a document dated ``date``
    (listed office holders are chosen by it)."""
    from ingest.extract import extract

    return to_schema_json(extract(Document(id="t", text=text, date=date), nlp(text)))
