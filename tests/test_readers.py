"""Readers: every format from real files, and every kind of bad input giving one clear line.

Inputs are generated in tmp_path (including real PDFs, written byte by byte) or read from
examples/ and the shared corpus, which is read in place and never copied.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest.read import (
    ReadError,
    TableDocument,
    document_id,
    iter_files,
    read_bytes,
    read_file,
    read_path,
    read_stream,
)
from kb.facts import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"

ARTICLE = """Governor Signs Detainer Bill Into Law

By Jane Roe
The Daily Ledger, Mar 3, 2018 10:15 am

HARTFORD — Governor Dannel Malloy signed a bill on Friday that limits when state police may
hold people for federal immigration agents.

"This is about public safety," Malloy said.
"""


def make_pdf(lines: list[str] | None, title: str = "Annual Grants Report") -> bytes:
    """A minimal valid PDF: one page showing ``lines`` in Helvetica (None: no text at all)."""
    if lines:
        ops = ["BT", "/F1 12 Tf", "72 720 Td"]
        for i, line in enumerate(lines):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(("0 -16 Td " if i else "") + f"({escaped}) Tj")
        ops.append("ET")
    else:  # a filled rectangle: what a scanned page looks like to a text extractor
        ops = ["0.5 g", "72 72 468 648 re", "f"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (%s) /Author (Office of Grants) /CreationDate (D:20170615120000) >>"
        % title.encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref))
    return bytes(out)


def error_of(path: Path, **kwargs) -> str:
    """The one-line message reading ``path`` fails with."""
    with pytest.raises(ReadError) as info:
        read_file(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


# --- plain text -------------------------------------------------------------------------------

def test_text_header_gives_metadata_and_body_starts_after_it(tmp_path):
    path = tmp_path / "detainer.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_file(path)
    assert isinstance(doc, Document)
    assert doc.title == "Governor Signs Detainer Bill Into Law"
    assert (doc.author, doc.publisher, doc.date) == ("Jane Roe", "The Daily Ledger", "2018-03-03")
    assert doc.text.startswith("HARTFORD — Governor Dannel Malloy")
    assert "By Jane Roe" not in doc.text
    assert doc.kind == "news" and doc.source == str(path)
    assert doc.id == document_id(path.read_bytes(), path.resolve().as_posix())


def test_sidecar_metadata_wins_and_gives_url(tmp_path):
    path = tmp_path / "detainer.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "detainer.json").write_text(json.dumps({
        "title": "Malloy signs bill", "date": "2018-03-02", "author": "J. Roe",
        "url": "https://news.example.org/malloy"}), encoding="utf-8")
    doc = read_file(path)
    assert (doc.title, doc.date, doc.author) == ("Malloy signs bill", "2018-03-02", "J. Roe")
    assert doc.publisher == "The Daily Ledger"  # not in the sidecar: the header's value stays
    assert doc.url == "https://news.example.org/malloy"
    assert doc.id == document_id(path.read_bytes(), "https://news.example.org/malloy")


def test_text_without_header_is_left_whole(tmp_path):
    text = ("A photo caption that runs on. File Photo\nAnother caption line. File Photo\n\n"
            "Washington — The attorney general spoke on Monday.\n")
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_file(path)
    assert doc.title is None and doc.date is None
    assert doc.text == text.strip()


def test_corpus_reads_every_article_with_its_sidecar_and_skips_gold_files():
    docs = list(read_path(CORPUS))
    assert all(isinstance(d, Document) for d in docs), docs
    assert len(docs) == len(list(CORPUS.rglob("*.txt")))
    by_name = {Path(d.source).name: d for d in docs}
    court = by_name["01_deblasio_trump_court.txt"]
    assert court.title == "De Blasio To Trump: We'll See You In Court"
    assert (court.date, court.author, court.publisher) == ("2017-01-25", "Emma Whitford",
                                                          "Gothamist")
    assert court.text.startswith("Mayor Bill de Blasio")
    seed = by_name["ctmirror_sessions_sanctuary_2017.txt"]
    assert seed.title is None and "Jeff Sessions" in seed.text
    assert [d.id for d in read_path(CORPUS)] == [d.id for d in docs]  # deterministic


def test_examples_directory_reads_articles_and_report_in_sorted_order():
    items = list(read_path(EXAMPLES))
    assert not [i for i in items if isinstance(i, ReadError)], items
    names = [Path(i.source).name for i in items]
    assert names == sorted(names)
    assert "README.md" not in names and not any(n.endswith(".json") for n in names)
    articles = [i for i in items if isinstance(i, Document)]
    assert 4 <= len(articles) <= 6
    assert any(n.endswith(".html") for n in names)
    for doc in articles:
        assert doc.title and doc.date and 150 <= len(doc.text.split()) <= 400
    assert sum("8 U.S.C. § 1373" in d.text and "threatened" in d.text for d in articles) >= 2
    assert sum(isinstance(i, TableDocument) for i in items) == 1


# --- HTML ---------------------------------------------------------------------------------------

def test_html_main_text_and_metadata():
    doc = read_file(EXAMPLES / "justice_department_letters.html")
    assert doc.title == "Justice Department Gives Nine Jurisdictions a Deadline on Immigration Law"
    assert doc.date == "2017-04-21"
    assert doc.author and doc.publisher
    assert doc.text.startswith("WASHINGTON — The Justice Department")
    assert "Privacy" not in doc.text and "Home |" not in doc.text
    assert "\n\n" in doc.text  # paragraphs separated as in plain text


def test_html_without_article_body(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Site</title></head><body><nav><a href='/'>Home</a> "
                    "<a href='/news'>News</a></nav><footer>(c) 2017</footer></body></html>",
                    encoding="utf-8")
    assert "no article body" in error_of(path)


# --- PDF ----------------------------------------------------------------------------------------

def test_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["The Office of Justice Programs awarded grants to Hartford.",
                               "Mayor Luke Bronin welcomed the award."]))
    doc = read_file(path)
    assert "Office of Justice Programs awarded grants to Hartford." in doc.text
    assert "Luke Bronin" in doc.text
    assert (doc.title, doc.author, doc.date) == ("Annual Grants Report", "Office of Grants",
                                                 "2017-06-15")
    assert doc.kind == "report"


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(None))
    message = error_of(path)
    assert "no text layer" in message and "OCR" in message


def test_damaged_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert "PDF" in error_of(path)


# --- bad input ----------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.html", b"  \n\n "), ("none.pdf", b"")):
        path = tmp_path / name
        path.write_bytes(content)
        assert "empty file" in error_of(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    message = error_of(path)
    assert "binary" in message and "offset 8" in message


def test_invalid_utf8_names_offset_line_and_column(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nThe mayor of San José said no.\n".encode("latin-1"))
    message = error_of(path)
    offset = len(b"Title\n\nThe mayor of San Jos")
    assert f"byte offset {offset}" in message
    assert "line 3, column 21" in message and "UTF-8" in message


def test_twenty_megabyte_text_file_is_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.delenv("KB_MAX_INPUT_MB", raising=False)
    path = tmp_path / "dump.txt"
    with path.open("wb") as out:
        out.write(b"word " * (4 * 1024 * 1024))  # 20 MiB
    message = error_of(path)
    assert "21.0 MB is over the 10 MB input limit" in message
    assert "KB_MAX_INPUT_MB" in message


def test_input_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "detainer.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("KB_MAX_INPUT_MB", "0.0001")
    assert "over the 0.0001 MB input limit" in error_of(path)
    assert read_file(path, max_bytes=1_000_000).title  # an explicit limit wins
    monkeypatch.setenv("KB_MAX_INPUT_MB", "lots")
    with pytest.raises(ReadError, match="KB_MAX_INPUT_MB"):
        read_file(path)


def test_unsupported_extension_and_metadata_files(tmp_path):
    docx = tmp_path / "memo.docx"
    docx.write_bytes(b"PK\x03\x04 not really")
    message = error_of(docx)
    assert "unsupported file type '.docx'" in message and ".txt" in message and ".pdf" in message
    sidecar = tmp_path / "memo.json"
    sidecar.write_text("{}", encoding="utf-8")
    assert "metadata" in error_of(sidecar)


def test_missing_path(tmp_path):
    (item,) = read_path(tmp_path / "nope.txt")
    assert isinstance(item, ReadError) and "no such file" in str(item)


def test_directory_walk_skips_hidden_sidecars_and_other_types_and_goes_on_after_errors(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)] == [
        "a.txt", "b/empty.txt", "b/z.txt"]
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert "empty.txt: empty file" in str(items[1])


# --- stdin and identity -------------------------------------------------------------------------

def test_stdin_is_sniffed(monkeypatch):
    doc = read_stream(io.BytesIO(ARTICLE.encode()))
    assert doc.title == "Governor Signs Detainer Bill Into Law" and doc.source == "-"
    html = (EXAMPLES / "illinois_trust_act.html").read_bytes()
    assert read_stream(io.BytesIO(html)).title == "Rauner Signs Illinois TRUST Act"
    assert "OCR" in str(_error(lambda: read_bytes(make_pdf(None))))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    (doc,) = read_path("-")
    assert doc.title == "Governor Signs Detainer Bill Into Law"


def _error(call) -> ReadError:
    with pytest.raises(ReadError) as info:
        call()
    return info.value


def test_document_id_is_content_plus_source(tmp_path):
    assert document_id(b"text", "a.txt") == document_id("text", "a.txt")
    assert document_id(b"text", "a.txt") != document_id(b"text", "b.txt")
    assert document_id(b"text", "a.txt") != document_id(b"text!", "a.txt")
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two.write_text(ARTICLE, encoding="utf-8")
    assert read_file(one).id == read_file(one).id != read_file(two).id


# --- tabular ------------------------------------------------------------------------------------

def test_csv_report_becomes_triples():
    table = read_file(EXAMPLES / "grants.csv")
    assert isinstance(table, TableDocument)
    assert table.document.kind == "report" and table.document.text == ""
    assert table.title.startswith("National Disaster Resilience Competition awards")
    assert len(table.rows) == 8 and table.rows[0].line == 2
    store = ox.Store()
    for triple in table.triples:
        store.add(ox.Quad(triple.subject, triple.predicate, triple.object))
    rows = list(store.query("""
        PREFIX schema: <https://schema.org/>
        PREFIX kb: <https://w3id.org/civic-kb/ns#>
        SELECT ?funderName ?placeName ?value ?currency WHERE {
          ?g a schema:MonetaryGrant ; schema:funder/schema:name ?funderName ;
             kb:recipient ?place ; schema:amount ?amount .
          ?place a schema:City ; schema:name ?placeName .
          ?amount schema:value ?value ; schema:currency ?currency .
        } ORDER BY ?placeName"""))
    assert [(r["placeName"].value, r["value"].value, r["currency"].value) for r in rows] == [
        ("New Orleans", "141300000", "USD"), ("New York City", "176000000", "USD")]
    assert rows[0]["funderName"].value == "U.S. Department of Housing and Urban Development"
    assert [str(t) for t in read_file(EXAMPLES / "grants.csv").triples] == \
        [str(t) for t in table.triples]  # same input, same triples


def write_table(tmp_path: Path, name: str, data: str) -> Path:
    """A data file next to a copy of the example grants mapping."""
    mapping = json.loads((EXAMPLES / "grants.csv-metadata.json").read_text(encoding="utf-8"))
    mapping["url"] = name
    (tmp_path / f"{name}-metadata.json").write_text(json.dumps(mapping), encoding="utf-8")
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    return path


GOOD_ROW = ("National Disaster Resilience Competition,U.S. Department of Housing and Urban "
            "Development,New Jersey,State,us/nj,NJ,15000000,2016\n")
HEADER = "program,funder,recipient,recipient_type,place_id,state,amount_usd,year\n"


def test_csv_missing_column_names_column_and_line(tmp_path):
    path = write_table(tmp_path, "awards.csv", HEADER.replace(",amount_usd", ",total")
                       + GOOD_ROW)
    message = error_of(path)
    assert "line 1" in message and "'amount_usd'" in message
    assert "awards.csv-metadata.json" in message and "'total'" in message


def test_csv_bad_cell_and_ragged_row_name_the_line(tmp_path):
    path = write_table(tmp_path, "awards.csv",
                       HEADER + GOOD_ROW + GOOD_ROW.replace("15000000", "lots"))
    message = error_of(path)
    assert "line 3" in message and "'lots' is not a valid decimal" in message
    path = write_table(tmp_path, "ragged.csv", HEADER + GOOD_ROW + "a,b,c\n")
    assert "line 3: 3 cells but the header has 8" in error_of(path)
    path = write_table(tmp_path, "gap.csv", HEADER + GOOD_ROW.replace(",us/nj,", ",,"))
    assert "line 2" in error_of(path) and "'place_id' is empty" in error_of(path)


def test_csv_without_mapping(tmp_path):
    path = tmp_path / "orphan.csv"
    path.write_text(HEADER + GOOD_ROW, encoding="utf-8")
    assert "no CSVW mapping" in error_of(path) and "orphan.csv-metadata.json" in error_of(path)


def test_jsonl_report_and_missing_key(tmp_path):
    record = dict(zip(HEADER.strip().split(","), GOOD_ROW.strip().split(","), strict=True))
    path = write_table(tmp_path, "awards.jsonl", json.dumps(record) + "\n")
    table = read_file(path)
    assert isinstance(table, TableDocument) and len(table.triples) > 5
    del record["year"]
    path = write_table(tmp_path, "broken.jsonl", "\n" + json.dumps(record) + "\n")
    message = error_of(path)
    assert "line 2" in message and "'year'" in message
    path = write_table(tmp_path, "syntax.jsonl", '{"program": \n')
    assert "line 1, column" in error_of(path)


def test_mapping_with_unknown_vocabulary_term_or_no_property(tmp_path):
    mapping = json.loads((EXAMPLES / "grants.csv-metadata.json").read_text(encoding="utf-8"))
    mapping["tableSchema"]["columns"][0]["propertyUrl"] = "schema:nam"
    mapping["tableSchema"]["columns"][1]["titles"] = {"en": ["Funder", "funder"]}
    (tmp_path / "typo.csv-metadata.json").write_text(json.dumps(mapping), encoding="utf-8")
    (tmp_path / "typo.csv").write_text(HEADER + GOOD_ROW, encoding="utf-8")
    message = error_of(tmp_path / "typo.csv")
    assert "schema:nam" in message and "line 2" in message
    del mapping["tableSchema"]["columns"][0]["propertyUrl"]
    (tmp_path / "typo.csv-metadata.json").write_text(json.dumps(mapping), encoding="utf-8")
    with pytest.raises(ReadError, match="typo.csv-metadata.json: column 'program' has no "
                                        "propertyUrl"):
        read_file(tmp_path / "typo.csv")


# --- tables inside documents --------------------------------------------------------------------

TABLE_DATA = ROOT / "tests" / "data" / "policing_grants"


@pytest.mark.parametrize("ext", ["html", "txt", "pdf"])
def test_tables_keep_caption_header_rows_and_row_offsets(ext):
    doc = read_file(TABLE_DATA / f"policing_grants_release.{ext}")
    (table,) = doc.tables
    assert table.caption == "Community Policing Partnership grants, 2019"
    assert table.header == ["Town", "Award"]
    assert table.rows[0] == ["Bridgeport", "$412,000"] and table.rows[-1][0] == "Total"
    assert [doc.text[s:e] for s, e in table.spans] == ["\t".join(r) for r in table.rows]
    assert doc.text.count("\n") > len(table.rows)  # one line per row, not one flattened line


def test_text_tables_of_every_syntax_and_prose_left_alone(tmp_path):
    body = ("Spending by department, in thousands:\n\n| Department | Budget |\n|---|---|\n"
            "| Police | 1,200 |\n| Parks | 300 |\n\n"
            "Item        Count    Share\nRoads       12       40%\nBridges     3        10%\n"
            "Tunnels     1        3%\n\nPlain prose.  Two spaces after a period do not make a "
            "table.\nNor does one line.")
    path = tmp_path / "budget.txt"
    path.write_text(f"City budget\nMay 2, 2021\n\n{body}", encoding="utf-8")
    doc = read_file(path)
    pipe, spaced = doc.tables
    assert pipe.header == ["Department", "Budget"] and pipe.rows == [["Police", "1,200"],
                                                                     ["Parks", "300"]]
    assert pipe.caption == "Spending by department, in thousands:"
    assert spaced.header == ["Item", "Count", "Share"] and len(spaced.rows) == 3
    assert doc.text[slice(*spaced.spans[0])].startswith("Roads")


def test_press_release_contacts_end_marks_and_about_sections_are_dropped(tmp_path):
    release = ("City Opens Cooling Centers\nJuly 8, 2022\n\nFOR IMMEDIATE RELEASE\n"
               "Press contact: Dana Lee\n(415) 555-0199 | dana.lee@example.org\n\n"
               "SAN FRANCISCO — The city opened six cooling centers on Friday as temperatures "
               "passed 100 degrees, the Department of Emergency Management said.\n\n"
               "The centers stay open until Sunday night.\n\n"
               "About the Department of Emergency Management\n"
               "The department plans for and responds to disasters in the city.\n\n"
               "- 30 -\n\nMedia inquiries: 415-555-0100\n")
    path = tmp_path / "release.txt"
    path.write_text(release, encoding="utf-8")
    text = read_file(path).text
    assert "555" not in text and "Press contact" not in text and "dana.lee" not in text
    assert "About the" not in text and "- 30 -" not in text and "Media inquiries" not in text
    assert "IMMEDIATE" not in text
    assert "cooling centers on Friday" in text and text.endswith("until Sunday night.")


def test_an_end_mark_with_most_of_the_text_after_it_is_a_divider(tmp_path):
    body = "First part of the story, about the council vote.\n\n###\n\n" + (
        "The second part goes on about the budget and what the mayor said about it. " * 30)
    path = tmp_path / "divided.txt"
    path.write_text(f"Council votes\nJuly 8, 2022\n\n{body}", encoding="utf-8")
    text = read_file(path).text
    assert "what the mayor said" in text and text.startswith("First part")


def test_space_aligned_table_with_right_aligned_figures(tmp_path):
    body = ("Awards by town:\n\nTown          Award\nBridgeport  $412,000\nNew Haven   $385,500\n"
            "Total     $2,200,000\n\nThe awards were announced on Monday.")
    path = tmp_path / "aligned.txt"
    path.write_text(f"Town awards\nMay 2, 2021\n\n{body}", encoding="utf-8")
    doc = read_file(path)
    (table,) = doc.tables
    assert table.header == ["Town", "Award"] and table.caption == "Awards by town:"
    assert table.rows == [["Bridgeport", "$412,000"], ["New Haven", "$385,500"],
                          ["Total", "$2,200,000"]]
