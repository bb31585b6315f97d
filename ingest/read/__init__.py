"""Document readers: files, directories and stdin in; Documents (or ReadErrors) out.

    for item in read_path("examples/"):
        if isinstance(item, ReadError): report(item)
        elif isinstance(item, TableDocument): write(item.document, item.triples)
        else: nlp(item)                      # a kb.facts.Document

One module per format (text, html_page, pdf, tabular + csvw), one registry mapping format
names and extensions to readers, and one place for the checks every input gets (size,
empty, binary, UTF-8). See each module for why it reads its format the way it does.
"""

from kb.errors import ReadError

from .csvw import Column, TableMapping, load_mapping
from .identity import document_id
from .limits import DEFAULT_MAX_MB, ENV_VAR, max_input_bytes
from .registry import EXTENSIONS, READERS, Reader, reader_for_path, reader_named, sniff
from .source import Source
from .tabular import TableDocument, TableRow
from .walk import iter_files, read_bytes, read_file, read_path, read_paths, read_stream

__all__ = [
    "DEFAULT_MAX_MB", "ENV_VAR", "EXTENSIONS", "READERS", "Column", "ReadError", "Reader",
    "Source", "TableDocument", "TableMapping", "TableRow", "document_id", "iter_files",
    "load_mapping", "max_input_bytes", "read_bytes", "read_file", "read_path", "read_paths",
    "read_stream", "reader_for_path", "reader_named", "sniff",
]
