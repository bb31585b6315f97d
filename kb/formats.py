"""Pure formatters: a `QueryResult` in, text or bytes out.

Machine formats follow the W3C specs exactly (SPARQL 1.1 Query Results JSON, CSV/TSV, XML;
RDF serialisations by pyoxigraph) because scripts and other SPARQL tools read them. The table
is for people: IRIs shortened by prefix, literals shown as their text (no language tag, no
datatype), documents by their title and date, and one field per line (`expanded`) when the
table would be wider than the terminal, as psql's `\\x auto` does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kb.errors import UsageError
from kb.store.base import RDF_FORMAT_NAMES, QueryResult, Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")

#: How tables lay out: `off` columns, `on` one field per line, `auto` columns unless wider
#: than the terminal (psql's \x).
EXPANDED_MODES = ("auto", "on", "off")

#: An IRI -> the text people know it by (an entity's name, a document's title), or None.
Lookup = Callable[[str], "str | None"]


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


def render(
    result: QueryResult,
    fmt: str,
    prefixes: Mapping[str, str] | None = None,
    *,
    titles: Lookup | None = None,
    expanded: str = "off",
    width: int | None = None,
) -> bytes:
    """Serialise a result in a named format (`check_format` lists what fits). `titles`,
    `expanded` and `width` shape the table only (see `table_text`)."""
    fmt = check_format(result, fmt)
    prefixes = prefixes or {}
    if fmt == "table":
        return table_text(result, prefixes, titles=titles, expanded=expanded, width=width).encode()
    if result.kind == "graph":
        return graph_bytes(result.triples, fmt, prefixes)
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
        return term.value  # as people read it: the machine formats keep @en and ^^xsd:date
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


def cell_text(
    term: Term | None,
    prefixes: Mapping[str, str],
    names: Lookup | None = None,
    titles: Lookup | None = None,
) -> str:
    """A term as a table cell: a document by its title (and date) instead of its IRI, an
    entity by its prefixed IRI with its name beside it, a literal as its text."""
    if isinstance(term, ox.NamedNode):
        title = titles(term.value) if titles else None
        if title:
            return title
        text = shorten_iri(term.value, prefixes)
        name = names(term.value) if names else None
        return f"{text} ({name})" if name and name != text else text
    return short(term, prefixes)


def record_lines(headers: list[str], rows: list[list[str]], rule: int = 40) -> list[str]:
    """One field per line, each record under a `-[ RECORD n ]---` rule (psql's expanded
    display): for results too wide for the terminal. Values are shown whole."""
    width = max((len(h) for h in headers), default=0)
    out: list[str] = []
    for n, row in enumerate(rows, 1):
        out.append(f"-[ RECORD {n} ]".ljust(max(rule, width + 3), "-"))
        out += [f"{h.ljust(width)} | {c.replace(chr(10), ' ')}".rstrip()
                for h, c in zip(headers, row, strict=True)]  # fmt: skip
    return out


def layout_lines(
    headers: list[str], rows: list[list[str]], expanded: str = "off", width: int | None = None
) -> list[str]:
    """The table as columns, or as records when `expanded` is `on`, or `auto` and the columns
    would be wider than `width` (the terminal; None: no limit)."""
    if expanded not in EXPANDED_MODES:
        raise UsageError(f"expanded display takes {'|'.join(EXPANDED_MODES)}, got {expanded!r}")
    if expanded == "on" and rows:
        return record_lines(headers, rows)
    lines = table_lines(headers, rows)
    if expanded == "auto" and rows and width and max(map(len, lines)) > width:
        return record_lines(headers, rows)
    return lines


def result_table(
    result: QueryResult,
    prefixes: Mapping[str, str],
    names: Lookup | None = None,
    titles: Lookup | None = None,
) -> tuple[list[str], list[list[str]], str]:
    """Headers, cells and the count (`3 rows`) of a SELECT or graph answer, for people."""
    if result.kind == "graph":
        headers = ["subject", "predicate", "object"]
        rows = [
            [cell_text(t, prefixes, names, titles) for t in (x.subject, x.predicate, x.object)]
            for x in result.triples
        ]
        noun = "triple"
    else:
        headers = list(result.variables)
        rows = [[cell_text(t, prefixes, names, titles) for t in row] for row in result.rows]
        noun = "row"
    return headers, rows, f"{len(rows)} {noun}{'' if len(rows) == 1 else 's'}"


def table_text(
    result: QueryResult,
    prefixes: Mapping[str, str],
    *,
    titles: Lookup | None = None,
    expanded: str = "off",
    width: int | None = None,
) -> str:
    """The human table of any result, with a row count line."""
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    headers, rows, count = result_table(result, prefixes, titles=titles)
    footer = f"({count})"
    if not headers:
        return footer + "\n"
    return "\n".join(layout_lines(headers, rows, expanded, width) + [footer]) + "\n"
