"""Open a store from a spec: a directory, `memory:`, or a SPARQL endpoint URL.

Every front end resolves the location the same way: an explicit spec (`--store`), else the
`KB_STORE` environment variable, else `store/` under the user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from kb.store.base import QueryResult, Store, rdf_format

__all__ = ["QueryResult", "Store", "default_location", "open_store", "rdf_format", "resolve_spec"]


def default_location() -> Path:
    """The store used when nothing says otherwise: the platform's user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("kb", appauthor=False)) / "store"


def resolve_spec(spec: str | os.PathLike[str] | None = None) -> str:
    """Apply the precedence rule: explicit spec, then KB_STORE, then the user data dir."""
    if spec:
        return str(spec)
    env = os.environ.get("KB_STORE")
    if env:
        return env
    return str(default_location())


def open_store(
    spec: str | os.PathLike[str] | None = None,
    *,
    create: bool = False,
    update_url: str | None = None,
    timeout: float | None = None,
    in_memory: bool = False,
) -> Store:
    """Open the store a spec names.

    `create` makes a missing on-disk store (writers pass it; readers get a clear
    "no knowledge base at ..." error instead of an empty store conjured from a typo).
    `in_memory` makes an on-disk store answer queries from a private in-memory copy
    (`KB_IN_MEMORY=1` does the same), refreshed whenever the store changes.
    """
    text = resolve_spec(spec)
    if text == "memory:" or text == ":memory:":
        from kb.store.embedded import MemoryStore

        return MemoryStore()
    if text.startswith(("http://", "https://")):
        from kb.store.remote import RemoteStore

        return RemoteStore(text, update_url=update_url, timeout=timeout)
    from kb.store.embedded import DiskStore

    in_memory = in_memory or os.environ.get("KB_IN_MEMORY", "") not in ("", "0")
    return DiskStore(text, create=create, in_memory=in_memory)
