"""One input as the readers see it: its bytes, its name for messages, its sidecar metadata.

The checks every text format shares (empty, binary, invalid UTF-8) live here so that each
reader only parses its own format, and so that every message names the file the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import ReadError

from .identity import document_id
from .limits import check_size

STDIN_NAME = "<stdin>"
_SNIFF_BYTES = 8192


@dataclass
class Source:
    """Raw input plus where it came from. ``meta`` is the sidecar NAME.json, if any."""

    name: str
    data: bytes
    path: Path | None = None
    meta: dict = field(default_factory=dict)

    @property
    def origin(self) -> str:
        """What identifies the source: its URL when the metadata gives one, else its path."""
        url = self.url
        if url:
            return url
        if self.path is not None:
            return self.path.resolve().as_posix()
        return "stdin"

    @property
    def url(self) -> str | None:
        for key in ("url", "url_or_origin"):
            value = self.meta.get(key)
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                return value
        return None

    @property
    def id(self) -> str:
        return document_id(self.data, self.origin)

    def error(self, reason: str, line: int | None = None, column: int | None = None) -> ReadError:
        """A ReadError whose one-line message starts with the file (and position)."""
        where = self.name
        if line is not None:
            where += f": line {line}"
            if column is not None:
                where += f", column {column}"
        return ReadError(f"{where}: {reason}")

    def check_not_binary(self) -> None:
        """Text formats never contain NUL; one in the first 8 KB means a binary file."""
        offset = self.data.find(b"\0", 0, _SNIFF_BYTES)
        if offset >= 0:
            raise self.error(f"looks like a binary file (NUL byte at offset {offset}), not "
                             "text; give kb UTF-8 text, HTML, PDF, CSV or JSON Lines")

    def text(self) -> str:
        """Decode as UTF-8 (a BOM is dropped), failing with the byte offset, line and column."""
        self.check_not_binary()
        try:
            text = self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, column = _position(self.data, exc.start)
            raise self.error(
                f"invalid UTF-8 at byte offset {exc.start} (byte 0x{self.data[exc.start]:02x}); "
                "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                line, column) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def sidecar_path(path: Path) -> Path:
    """The corpus convention: metadata for NAME.txt lives in NAME.json beside it."""
    return path.with_suffix(".json")


def load_sidecar(path: Path) -> dict:
    """Read NAME.json beside a document; absent means no metadata, malformed is an error."""
    meta_path = sidecar_path(path)
    if meta_path == path or not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"{meta_path}: metadata sidecar is not valid UTF-8 JSON ({exc}); "
                        "fix it or remove it") from None
    if not isinstance(meta, dict):
        raise ReadError(f"{meta_path}: metadata sidecar must be a JSON object; fix it or "
                        "remove it")
    return meta


def load_file(path: Path, limit: int, name: str | None = None) -> Source:
    """Read a file after the size check; empty (or whitespace-only) files are refused here."""
    name = name or str(path)
    try:
        size = path.stat().st_size
        check_size(name, size, limit)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{name}: cannot read ({exc.strerror or exc}); check the path and "
                        "its permissions") from None
    source = Source(name=name, data=data, path=path, meta=load_sidecar(path))
    check_not_empty(source)
    return source


def check_not_empty(source: Source) -> None:
    if not source.data.strip():
        raise source.error("empty file, nothing to ingest; check that it was saved completely")
