"""Tabular reports (CSV, JSON Lines) read through a CSVW mapping straight into RDF.

A table is already structured: running NLP over "Hartford,CT,1200000" would only lose
information, so each row becomes triples directly, with IRIs from the mapping's templates.
Every cell is converted (and so checked) while reading, so a bad row fails the read and never
leaves half a report in the store.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

import pyoxigraph as ox

from kb.facts import Document

from .csvw import Column, TableMapping, expand, load_mapping, mapping_path_for
from .metadata import make_document
from .namespaces import Namespaces, namespaces
from .source import Source

_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
_NUMBER_NOISE = re.compile(r"[\s,$]")


@dataclass
class TableRow:
    """One data row: its line in the file and its cells keyed by column name."""

    line: int
    cells: dict[str, str | None]


@dataclass
class TableDocument:
    """A tabular report: document metadata, the mapping, the rows and the triples they give."""

    document: Document
    mapping: TableMapping
    rows: list[TableRow] = field(default_factory=list)
    triples: list[ox.Triple] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def source(self) -> str | None:
        return self.document.source

    @property
    def title(self) -> str | None:
        return self.document.title


def read_csv(source: Source) -> TableDocument:
    mapping = _mapping(source)
    text = source.text()
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise source.error("empty file, nothing to ingest") from None
    except csv.Error as exc:
        raise source.error(f"bad CSV header ({exc})", 1) from None
    positions = _match_header(source, mapping, header)
    rows = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise source.error(f"{len(cells)} cells but the header has {len(header)}; "
                                   "quote cells that contain commas", line)
            rows.append(TableRow(line, {name: cells[i] for name, i in positions.items()}))
    except csv.Error as exc:
        raise source.error(f"bad CSV ({exc}); fix the quoting", reader.line_num) from None
    return _table_document(source, mapping, rows)


def read_jsonl(source: Source) -> TableDocument:
    mapping = _mapping(source)
    rows = []
    for line_no, line in enumerate(source.text().split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise source.error(f"invalid JSON ({exc.msg}); one JSON object per line",
                               line_no, exc.colno) from None
        if not isinstance(record, dict):
            raise source.error("not a JSON object; each line must be one object", line_no)
        keys = {k.casefold(): k for k in record}
        cells: dict[str, str | None] = {}
        for column in mapping.data_columns:
            key = next((keys[t.casefold()] for t in [column.name, *column.titles]
                        if t.casefold() in keys), None)
            if key is None:
                raise source.error(f"key {column.label()} required by the mapping "
                                   f"{mapping.path.name} is missing; add it or fix the mapping",
                                   line_no)
            value = record[key]
            cells[column.name] = None if value is None else _cell_text(value)
        rows.append(TableRow(line_no, cells))
    return _table_document(source, mapping, rows)


def _cell_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def _mapping(source: Source) -> TableMapping:
    path = mapping_path_for(source.path) if source.path else None
    if path is None:
        expected = f"{source.path.name}-metadata.json" if source.path else "a mapping file"
        raise source.error(f"no CSVW mapping found; write {expected} beside it describing its "
                           "columns (see examples/grants.csv-metadata.json)")
    return load_mapping(path, source.path.name)


def _match_header(source: Source, mapping: TableMapping, header: list[str]) -> dict[str, int]:
    """Column name -> position in the header; a mapped column missing from it is an error."""
    positions = {}
    for column in mapping.data_columns:
        index = next((i for i, cell in enumerate(header) if column.matches(cell)), None)
        if index is None:
            found = ", ".join(repr(h.strip()) for h in header)
            raise source.error(
                f"column {column.label()} required by the mapping {mapping.path.name} is not in "
                f"the header (found {found}); fix the header or the mapping", 1)
        positions[column.name] = index
    return positions


def _table_document(source: Source, mapping: TableMapping, rows: list[TableRow]) -> TableDocument:
    if not rows:
        raise source.error("has a header but no data rows; nothing to ingest")
    document = make_document(source, "", dict(mapping.metadata), kind="report")
    builder = _RowTriples(source, mapping, namespaces())
    triples = list(dict.fromkeys(t for row in rows for t in builder.triples(row)))
    return TableDocument(document=document, mapping=mapping, rows=rows, triples=triples)


class _RowTriples:
    """CSVW's minimal-mode RDF for one row, with kb's slugged templates."""

    def __init__(self, source: Source, mapping: TableMapping, ns: Namespaces) -> None:
        self.source, self.mapping, self.ns = source, mapping, ns
        self.base = urljoin(ns.base, mapping.base) if mapping.base else ns.base
        self._row_prefix = source.id[:12]

    def triples(self, row: TableRow) -> list[ox.Triple]:
        values = self._values(row)
        out = []
        for column in self.mapping.columns:
            if column.suppress:
                continue
            value = values.get(column.name)
            if value is None and not column.virtual:
                continue
            subject = self._subject(column, row, values)
            predicate = self._iri(column.property_url, values, row, column)
            obj = self._object(column, value, values, row)
            if subject is not None and predicate is not None and obj is not None:
                out.append(ox.Triple(subject, predicate, obj))
        return out

    def _values(self, row: TableRow) -> dict[str, str | None]:
        values: dict[str, str | None] = {"_row": str(row.line)}
        for column in self.mapping.columns:
            raw = row.cells.get(column.name)
            value = None if raw is None or raw.strip() in column.null else raw.strip()
            if value is None and column.default is not None:
                value = str(column.default)
            if value is None and column.required:
                raise self.source.error(f"column {column.label()} is empty but the mapping "
                                        "requires it; fill the cell", row.line)
            values[column.name] = value
        return values

    def _subject(self, column: Column, row: TableRow,
                 values: Mapping[str, str | None]) -> ox.NamedNode | ox.BlankNode | None:
        template = column.about_url or self.mapping.about_url
        if template is None:  # CSVW's default: one blank node per row (stable across runs)
            return ox.BlankNode(f"t{self._row_prefix}r{row.line}")
        return self._iri(template, values, row, column)

    def _object(self, column: Column, value: str | None, values: Mapping[str, str | None],
                row: TableRow) -> ox.Literal | ox.NamedNode | None:
        if column.value_url:
            return self._iri(column.value_url, values, row, column)
        if value is None:
            return None
        return self._literal(column, value, row)

    def _iri(self, template: str | None, values: Mapping[str, str | None], row: TableRow,
             column: Column) -> ox.NamedNode | None:
        if template is None:
            return None
        text = expand(template, values)
        if text is None:
            return None
        prefix, _, local = text.partition(":")
        if prefix in self.ns.prefixes and not local.startswith("//"):
            text = self.ns.prefixes[prefix] + local
            if not self.ns.is_known(prefix, text):
                raise self.source.error(
                    f"column {column.label()} of {self.mapping.path.name} uses {prefix}:{local}, "
                    "which the kb ontology does not define; fix the mapping", row.line)
        elif not _ABSOLUTE.match(text):
            text = urljoin(self.base, text)
        try:
            return ox.NamedNode(text)
        except ValueError:
            raise self.source.error(f"column {column.label()} gives the invalid IRI {text!r}; "
                                    "fix the cell or the mapping's template", row.line) from None

    def _literal(self, column: Column, value: str, row: TableRow) -> ox.Literal:
        datatype = column.datatype
        if datatype == "string":
            return ox.Literal(value, language=column.lang) if column.lang else ox.Literal(value)
        lexical = _LEXICAL.get(datatype, _as_is)(value)
        xsd = "double" if datatype == "number" else datatype
        if lexical is None:
            raise self.source.error(f"{value!r} is not a valid {datatype} in column "
                                    f"{column.label()}; fix the cell or the column's datatype in "
                                    f"{self.mapping.path.name}", row.line)
        return ox.Literal(lexical, datatype=ox.NamedNode(self.ns.prefixes["xsd"] + xsd))


def _as_is(value: str) -> str | None:
    return value


def _integer(value: str) -> str | None:
    value = _NUMBER_NOISE.sub("", value)
    return str(int(value)) if re.fullmatch(r"[+-]?\d+", value) else None


def _decimal(value: str) -> str | None:
    value = _NUMBER_NOISE.sub("", value)
    return value if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value) else None


def _double(value: str) -> str | None:
    value = _NUMBER_NOISE.sub("", value)
    try:
        return repr(float(value))
    except ValueError:
        return None


def _boolean(value: str) -> str | None:
    return {"true": "true", "1": "true", "yes": "true",
            "false": "false", "0": "false", "no": "false"}.get(value.casefold())


def _pattern(regex: str):
    compiled = re.compile(regex)
    return lambda value: value if compiled.fullmatch(value) else None


_LEXICAL = {
    "integer": _integer,
    "decimal": _decimal,
    "double": _double,
    "number": _double,
    "boolean": _boolean,
    "date": _pattern(r"\d{4}-\d{2}-\d{2}"),
    "dateTime": _pattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?"),
    "gYear": _pattern(r"\d{4}"),
    "anyURI": _pattern(r"\S+"),
}
