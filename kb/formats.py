"""Pure formatters: a `QueryResult` in, text or bytes out.

Machine formats follow the W3C specs exactly (SPARQL 1.1 Query Results JSON, CSV/TSV, XML;
RDF serialisations by pyoxigraph) because scripts and other SPARQL tools read them. The table
is for people: IRIs shortened by prefix, literals shown as their text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kb.errors import UsageError
from kb.store.base import RDF_FORMAT_NAMES, QueryResult, Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")


def check_format(result: QueryResult, fmt: str) -> str:
    """Fail early, and say which formats fit, when a format does not fit the query form."""
    if result.kind == "graph":
        if fmt == "table" or fmt in GRAPH_FORMATS:
            return fmt
        raise UsageError(
            f"--format {fmt} is for SELECT/ASK results; a CONSTRUCT/DESCRIBE answer is a graph: "
            f"use one of {', '.join(GRAPH_FORMATS)} (or table)"
        )
    if fmt in RESULT_FORMATS:
        return fmt
    raise UsageError(
        f"--format {fmt} is for graphs; a SELECT/ASK answer takes one of "
        f"{', '.join(RESULT_FORMATS)}"
    )


def render(result: QueryResult, fmt: str, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Serialise a result in a named format (`check_format` lists what fits)."""
    fmt = check_format(result, fmt)
    prefixes = prefixes or {}
    if result.kind == "graph":
        if fmt == "table":
            return table_text(result, prefixes).encode()
        return graph_bytes(result.triples, fmt, prefixes)
    if fmt == "table":
        return table_text(result, prefixes).encode()
    writer = {"json": results_json, "csv": results_csv, "tsv": results_tsv, "xml": results_xml}
    return writer[fmt](result).encode()


def graph_bytes(triples: Iterable[ox.Triple], fmt: str, prefixes: Mapping[str, str]) -> bytes:
    """RDF serialisation of triples by pyoxigraph, using the prefixes where the format can."""
    rdf = RDF_FORMAT_NAMES[fmt]
    use_prefixes = dict(prefixes) if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    out = ox.serialize(list(triples), format=rdf, prefixes=use_prefixes)
    return out or b""


# -- SPARQL 1.1 result formats -----------------------------------------------------------------


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    # RDF-star triple term, as in the SPARQL 1.2 draft JSON format
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def results_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False) + "\n"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def results_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: lossy by design (values only), CRLF line ends as the spec says."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def results_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: every term in its Turtle/N-Triples form, so nothing is lost."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            dt = quoteattr(term.datatype.value)
            return f"<literal datatype={dt}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject>"
        f"<predicate>{_xml_term(term.predicate)}</predicate>"
        f"<object>{_xml_term(term.object)}</object></triple>"
    )


def results_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>")
        out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
        out += ["</head>", "<results>"]
        for row in result.rows:
            out.append("<result>")
            for v, t in zip(result.variables, row, strict=True):
                if t is not None:
                    out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


# -- the table, for people ---------------------------------------------------------------------


def short(term: Term | None, prefixes: Mapping[str, str]) -> str:
    """A term as a person reads it: `schema:Person`, `"text"` without quotes, `_:b0`."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value if not term.language else f"{term.value} @{term.language}"
    return (
        f"<< {short(term.subject, prefixes)} {short(term.predicate, prefixes)} "
        f"{short(term.object, prefixes)} >>"
    )


def shorten_iri(iri: str, prefixes: Mapping[str, str]) -> str:
    """The longest matching namespace wins, so `kbr:person/x` beats a shorter base."""
    best = ""
    best_ns = ""
    for name, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(best_ns):
            best, best_ns = name, ns
    if best_ns:
        return f"{best}:{iri[len(best_ns) :]}"
    return f"<{iri}>"


def table_lines(headers: list[str], rows: list[list[str]], max_width: int = 80) -> list[str]:
    """Aligned columns with a rule under the header; over-long cells are cut with an ellipsis."""
    cells = [[c.replace("\n", " ") for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = min(max(widths[i], len(c)), max_width)

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    def line(values: list[str]) -> str:
        return " | ".join(fit(v, w).ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(headers), "-+-".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    return out


def table_text(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    """The human table of any result, with a row count line."""
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    if result.kind == "graph":
        headers = ["subject", "predicate", "object"]
        rows = [
            [short(t.subject, prefixes), short(t.predicate, prefixes), short(t.object, prefixes)]
            for t in result.triples
        ]
        noun = "triple"
    else:
        headers = list(result.variables)
        rows = [[short(t, prefixes) for t in row] for row in result.rows]
        noun = "row"
    count = len(rows)
    footer = f"({count} {noun}{'' if count == 1 else 's'})"
    if not headers:
        return footer + "\n"
    return "\n".join(table_lines(headers, rows) + [footer]) + "\n"
