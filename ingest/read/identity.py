"""Document identity: one function, so every reader names documents the same way.

The id hashes the bytes *and* where they came from: the same text saved under two paths (or
fetched from two URLs) is two documents, and an edited file is a new document. That is what
lets re-ingesting unchanged input be a no-op and a changed file replace its old graph.
"""

from __future__ import annotations

import hashlib


def document_id(content: bytes | str, source: str) -> str:
    """sha256 (hex) of ``source`` (path or URL), a NUL separator, then the content bytes."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    digest = hashlib.sha256()
    digest.update(source.encode("utf-8"))
    digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()
