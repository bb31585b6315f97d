"""From command-line arguments to documents: files, directories (recursively) and ``-``.

A batch must go on past a bad file and report it, so ``read_path`` yields a ReadError in the
document's place instead of raising. Directory walks are sorted so that two runs over the same
tree ingest in the same order, and they skip what is not a document: hidden files, sidecar
metadata (NAME.json, NAME.gold.json, NAME.csv-metadata.json) and files of other types.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kb.errors import ReadError
from kb.facts import Document

from .limits import check_size, max_input_bytes
from .registry import Reader, reader_for_path, reader_named, sniff, supported
from .source import STDIN_NAME, Source, check_not_empty, load_file
from .tabular import TableDocument

Read = Document | TableDocument

_METADATA_SUFFIXES = (".json", ".jsonld")


def read_path(path: str | Path, *, max_bytes: int | None = None,
              fmt: str | None = None) -> Iterator[Read | ReadError]:
    """Every document under ``path`` (a file, a directory, or ``-`` for stdin), in a stable
    order; unreadable ones come out as ReadError so the caller can report and go on."""
    if str(path) == "-":
        yield _attempt(lambda: read_stream(sys.stdin.buffer, max_bytes=max_bytes, fmt=fmt))
        return
    path = Path(path)
    if path.is_dir():
        for file in iter_files(path):
            yield _attempt(lambda file=file: read_file(file, max_bytes=max_bytes, fmt=fmt))
    elif path.exists():
        yield _attempt(lambda: read_file(path, max_bytes=max_bytes, fmt=fmt))
    else:
        yield ReadError(f"{path}: no such file or directory; check the path")


def read_paths(paths: Iterable[str | Path], *, max_bytes: int | None = None,
               fmt: str | None = None) -> Iterator[Read | ReadError]:
    """``read_path`` over several arguments, in the order given."""
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes, fmt=fmt)


def iter_files(root: Path) -> Iterator[Path]:
    """Document files under ``root``, sorted, without hidden files and sidecars."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            file = Path(dirpath, filename)
            if not filename.startswith(".") and reader_for_path(file) is not None:
                yield file


def read_file(path: str | Path, *, max_bytes: int | None = None,
              fmt: str | None = None) -> Read:
    """One file as a Document (or TableDocument); raises ReadError naming the file."""
    path = Path(path)
    reader = _reader(path, fmt)
    source = load_file(path, max_input_bytes(max_bytes))
    return (reader or sniff(source.data)).read(source)


def read_stream(stream: BinaryIO, *, name: str = STDIN_NAME, max_bytes: int | None = None,
                fmt: str | None = None) -> Read:
    """Unnamed input (stdin): the format from ``fmt`` or sniffed from the first bytes."""
    limit = max_input_bytes(max_bytes)
    data = stream.read(limit + 1)
    check_size(name, len(data), limit)
    return read_bytes(data, name=name, fmt=fmt)


def read_bytes(data: bytes, *, name: str = STDIN_NAME, fmt: str | None = None,
               meta: dict | None = None) -> Read:
    """Bytes already in memory (an upload, a test) read as ``fmt`` or a sniffed format."""
    source = Source(name=name, data=data, meta=dict(meta or {}))
    check_not_empty(source)
    reader = reader_named(fmt) if fmt else sniff(data)
    return reader.read(source)


def _reader(path: Path, fmt: str | None) -> Reader | None:
    """The reader for an explicitly named file; None means "sniff the content"."""
    if fmt:
        return reader_named(fmt)
    reader = reader_for_path(path)
    if reader or not path.suffix:
        return reader
    suffix = path.suffix.lower()
    if suffix in _METADATA_SUFFIXES:
        raise ReadError(f"{path}: {suffix} files are metadata (a NAME.json sidecar or a CSVW "
                        "NAME.csv-metadata.json mapping), not documents; ingest the document "
                        "beside it")
    raise ReadError(f"{path}: unsupported file type {suffix!r}; kb reads {supported()} "
                    "(convert it, e.g. save it as .txt or .pdf)")


def _attempt(read) -> Read | ReadError:
    try:
        return read()
    except ReadError as exc:
        return exc
