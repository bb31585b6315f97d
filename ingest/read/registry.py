"""Which reader handles which input: one table keyed by format name, looked up by extension
(files) or by sniffing the first bytes (stdin). Adding a format is one module plus one row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kb.errors import ReadError

from .html_page import read_html
from .pdf import read_pdf
from .source import Source
from .text import read_text

if TYPE_CHECKING:
    from kb.facts import Document

    from .tabular import TableDocument


def _read_csv(source: Source) -> TableDocument:
    from .tabular import read_csv

    return read_csv(source)


def _read_jsonl(source: Source) -> TableDocument:
    from .tabular import read_jsonl

    return read_jsonl(source)


@dataclass(frozen=True)
class Reader:
    """A format: its name, the extensions it owns and the function that reads a Source."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[[Source], Document | TableDocument]


READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader("text", (".txt",), read_text),
        Reader("html", (".html", ".htm", ".xhtml"), read_html),
        Reader("pdf", (".pdf",), read_pdf),
        Reader("csv", (".csv",), _read_csv),
        Reader("jsonl", (".jsonl", ".ndjson"), _read_jsonl),
    )
}
EXTENSIONS: dict[str, str] = {ext: r.name for r in READERS.values() for ext in r.extensions}


def supported() -> str:
    """The supported extensions, for messages."""
    return ", ".join(EXTENSIONS)


def reader_named(name: str) -> Reader:
    """A reader by format name (``--format`` on the command line)."""
    try:
        return READERS[name.lower()]
    except KeyError:
        raise ReadError(f"unknown input format {name!r}; use one of: "
                        f"{', '.join(READERS)}") from None


def reader_for_path(path: Path) -> Reader | None:
    """The reader owning this file's extension, or None."""
    name = EXTENSIONS.get(path.suffix.lower())
    return READERS[name] if name else None


def sniff(data: bytes) -> Reader:
    """Guess the format of unnamed input (stdin) from its first bytes: PDF, HTML or text."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return READERS["pdf"]
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return READERS["html"]
    return READERS["text"]
