"""The tabular mapping: a subset of W3C CSVW metadata ("Metadata Vocabulary for Tabular Data").

A report such as ``grants.csv`` is described by ``grants.csv-metadata.json`` beside it (the
CSVW naming convention; a directory-wide ``csv-metadata.json`` also works). Supported:

- table: ``url``, ``tableSchema``, ``dc:title`` / ``dc:publisher`` / ``dc:date`` /
  ``dc:creator`` (document metadata), ``@context`` with an optional ``@base``;
- ``tableSchema``: ``columns``, ``aboutUrl`` (the row's subject);
- column: ``name``, ``titles`` (header cells it matches, case-insensitively), ``datatype``
  (string, integer, decimal, double, number, boolean, date, dateTime, gYear, anyURI),
  ``propertyUrl``, ``valueUrl``, ``aboutUrl``, ``virtual``, ``suppressOutput``, ``required``,
  ``null``, ``default``, ``lang``.

URI templates are RFC 6570 level 1: ``{name}`` inserts a column's value as a kb slug
(lower-case words joined by "-", so "New Orleans" -> new-orleans and a row's place IRI is the
one articles mint), ``{+name}`` inserts it verbatim, and ``{_row}`` is the row number.
Expanded IRIs may be prefixed names (``schema:funder``, ``kb:recipient``: the kb vocabulary's
prefixes), absolute IRIs, or relative ones resolved against the knowledge base's resource base.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import ReadError

_TEMPLATE = re.compile(r"\{(\+?)([A-Za-z_][\w.]*)\}")
_DATATYPES = ("string", "integer", "decimal", "double", "number", "boolean", "date",
              "dateTime", "gYear", "anyURI")
_METADATA_KEYS = {
    "title": ("dc:title", "dcterms:title", "schema:name"),
    "publisher": ("dc:publisher", "dcterms:publisher", "schema:publisher"),
    "date": ("dc:date", "dcterms:issued", "dcterms:date", "schema:datePublished"),
    "author": ("dc:creator", "dcterms:creator", "schema:author"),
}


@dataclass
class Column:
    """One column of the mapping (or a virtual column that only adds a triple per row)."""

    name: str
    titles: list[str] = field(default_factory=list)
    datatype: str = "string"
    property_url: str | None = None
    value_url: str | None = None
    about_url: str | None = None
    virtual: bool = False
    suppress: bool = False
    required: bool = False
    null: list[str] = field(default_factory=lambda: [""])
    default: str | None = None
    lang: str | None = None

    def matches(self, header_cell: str) -> bool:
        cell = header_cell.strip().casefold()
        return any(cell == t.strip().casefold() for t in [self.name, *self.titles])

    def label(self) -> str:
        return repr(self.titles[0] if self.titles else self.name)


@dataclass
class TableMapping:
    """A parsed CSVW table description."""

    path: Path
    columns: list[Column]
    about_url: str | None = None
    url: str | None = None
    base: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def data_columns(self) -> list[Column]:
        """The columns that must be present in the data (not virtual)."""
        return [c for c in self.columns if not c.virtual]


def mapping_path_for(data_path: Path) -> Path | None:
    """``NAME.csv-metadata.json`` beside ``NAME.csv``, else ``csv-metadata.json`` in its folder."""
    for candidate in (data_path.with_name(data_path.name + "-metadata.json"),
                      data_path.with_name("csv-metadata.json")):
        if candidate.is_file():
            return candidate
    return None


def load_mapping(path: Path, data_name: str) -> TableMapping:
    """Parse a CSVW metadata file; every problem is a ReadError naming the mapping file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"{path}: mapping is not readable UTF-8 JSON ({exc}); fix it") from None
    if not isinstance(raw, dict):
        raise ReadError(f"{path}: mapping must be a JSON object (a CSVW table description)")
    table = _select_table(raw, path, data_name)
    schema = table.get("tableSchema")
    if not isinstance(schema, dict) or not isinstance(schema.get("columns"), list):
        raise ReadError(f"{path}: mapping has no tableSchema.columns; list the table's columns "
                        "(see examples/grants.csv-metadata.json)")
    columns = [_column(c, i, path) for i, c in enumerate(schema["columns"], start=1)]
    context = raw.get("@context")
    base = None
    if isinstance(context, list):
        for item in context:
            if isinstance(item, dict) and isinstance(item.get("@base"), str):
                base = item["@base"]
    metadata = {}
    for key, names in _METADATA_KEYS.items():
        for name in names:
            value = table.get(name, raw.get(name))
            if isinstance(value, str) and value.strip():
                metadata[key] = value.strip()
                break
    return TableMapping(path=path, columns=columns, about_url=schema.get("aboutUrl"),
                        url=table.get("url"), base=base, metadata=metadata)


def _select_table(raw: dict, path: Path, data_name: str) -> dict:
    """A table description, or the one for ``data_name`` in a table group."""
    tables = raw.get("tables")
    if not isinstance(tables, list):
        return raw
    for table in tables:
        if isinstance(table, dict) and Path(str(table.get("url", ""))).name == data_name:
            return table
    raise ReadError(f"{path}: no table with url {data_name!r} in this table group; add one")


def _column(raw: object, index: int, path: Path) -> Column:
    if not isinstance(raw, dict):
        raise ReadError(f"{path}: column {index} must be a JSON object")
    titles = raw.get("titles", [])
    if isinstance(titles, dict):  # CSVW natural-language property: {"en": [...], "fr": ...}
        titles = [t for v in titles.values() for t in ([v] if isinstance(v, str) else v)]
    titles = [titles] if isinstance(titles, str) else list(titles)
    name = raw.get("name") or (titles[0] if titles else None)
    if not name:
        raise ReadError(f"{path}: column {index} has neither name nor titles; add a name")
    datatype = raw.get("datatype", "string")
    if isinstance(datatype, dict):
        datatype = datatype.get("base", "string")
    if datatype not in _DATATYPES:
        raise ReadError(f"{path}: column {name!r} has unsupported datatype {datatype!r}; use "
                        f"one of {', '.join(_DATATYPES)}")
    null = raw.get("null", [""])
    column = Column(
        name=name, titles=[str(t) for t in titles], datatype=datatype,
        property_url=raw.get("propertyUrl"), value_url=raw.get("valueUrl"),
        about_url=raw.get("aboutUrl"), virtual=bool(raw.get("virtual", False)),
        suppress=bool(raw.get("suppressOutput", False)),
        required=bool(raw.get("required", False)),
        null=[null] if isinstance(null, str) else [str(n) for n in null],
        default=raw.get("default"), lang=raw.get("lang"))
    if not column.suppress and not column.property_url:
        raise ReadError(f"{path}: column {name!r} has no propertyUrl; add one (e.g. "
                        '"schema:name") or set "suppressOutput": true')
    if column.virtual and not (column.value_url or column.default is not None):
        raise ReadError(f"{path}: virtual column {name!r} needs a valueUrl or a default")
    return column


def slug(value: str) -> str:
    """The readable slug used in resource IRIs: "New Orleans" -> "new-orleans"."""
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")


def expand(template: str, values: Mapping[str, str | None]) -> str | None:
    """Fill a URI template; None when a variable it needs is empty (no triple, not a bad IRI)."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(match[2])
        if value is None or value == "":
            missing = True
            return ""
        return value if match[1] else slug(value)

    result = _TEMPLATE.sub(fill, template)
    return None if missing else result
