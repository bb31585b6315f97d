"""Merging document metadata from its sources: the sidecar file wins over what the reader
found in the document itself, because a sidecar is written on purpose and a header is guessed.
"""

from __future__ import annotations

from kb.facts import Document

from .header import find_date
from .source import Source

_FIELDS = ("title", "date", "author", "publisher")
KINDS = ("news", "report")


def make_document(source: Source, text: str, found: dict[str, str | None],
                  kind: str) -> Document:
    """A Document with ``found`` metadata overridden by the sidecar's non-empty values."""
    meta = source.meta
    values = {key: _clean(meta.get(key)) or _clean(found.get(key)) for key in _FIELDS}
    if values["date"]:
        iso = find_date(values["date"])
        values["date"] = iso[0] if iso else values["date"]
    sidecar_kind = meta.get("kind")
    if sidecar_kind in KINDS:
        kind = sidecar_kind
    return Document(id=source.id, text=text, url=source.url or _clean(found.get("url")),
                    source=str(source.path) if source.path else "-", kind=kind, **values)


def _clean(value: object) -> str | None:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
