"""RocksDB's bulk loader behind a checkpoint: about 2x faster than the transactional loader on
disk, made all-or-nothing by restoring the checkpoint (hard links, so it costs almost nothing)
when any file fails."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kb.store.base import rdf_format, rdf_syntax_error


def bulk_load_all(
    path: Path,
    db_path: Path,
    open_writer: Callable[[], ox.Store],
    sources: list[tuple[str, bytes | Path]],
    format: ox.RdfFormat | None,
    target: ox.NamedNode | ox.BlankNode | ox.DefaultGraph,
    base_iri: str | None,
) -> None:
    """Bulk-load `sources` into the database at `db_path` (inside the store directory
    `path`); the caller holds the exclusive lock. The bulk loader is not transactional, so on
    any failure the checkpoint goes back."""
    backup = path / f".checkpoint-{os.getpid()}"
    shutil.rmtree(backup, ignore_errors=True)
    store = open_writer()
    failed = True
    try:
        store.backup(str(backup))
        for name, data in sources:
            _bulk_load(store, name, data, format, target, base_iri)
        store.flush()
        failed = False
    finally:
        del store
        gc.collect()  # closes RocksDB before its directory is swapped
        if failed and backup.is_dir():
            shutil.rmtree(db_path)
            os.replace(backup, db_path)
        shutil.rmtree(backup, ignore_errors=True)


def _bulk_load(
    store: ox.Store,
    name: str,
    data: bytes | Path,
    format: ox.RdfFormat | None,
    target: ox.NamedNode | ox.BlankNode | ox.DefaultGraph,
    base_iri: str | None,
) -> None:
    fmt = format or rdf_format(path=name)
    try:
        if isinstance(data, Path):
            base = base_iri or data.absolute().as_uri()  # as_uri() rejects relative paths
            store.bulk_load(path=str(data), format=fmt, base_iri=base, to_graph=target)
        else:
            store.bulk_load(data, format=fmt, base_iri=base_iri, to_graph=target)
    except SyntaxError as err:
        raise rdf_syntax_error(err, name) from None
