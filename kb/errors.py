"""One small error hierarchy for the whole library.

Front ends catch `KBError` and print its message as one line; anything else is a bug and
keeps its traceback. Each subclass carries the exit code the CLI should use, so the mapping
lives with the error rather than in every command.
"""

from __future__ import annotations


class KBError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(KBError):
    """The caller asked for something that cannot work as given (bad option, bad input)."""

    exit_code = 2


class QuerySyntaxError(UsageError):
    """A SPARQL query or update that does not parse; carries the position for editors."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class RDFSyntaxError(UsageError):
    """An RDF file that does not parse; the message names the file, line and column."""


class StoreError(KBError):
    """The store cannot be opened, read or written (missing, locked, unreachable)."""


class StoreLocked(StoreError):
    """Another process is writing to the store."""


class StoreNotFound(StoreError):
    """No knowledge base exists where the store spec points."""


class EndpointError(StoreError):
    """A remote SPARQL endpoint failed, timed out or refused the request."""


class UnknownEntity(UsageError):
    """A name, alias or IRI that matches nothing (or too many things) in the store."""


class ReadError(KBError):
    """An input document that cannot be read; the message names the file and the reason."""

    exit_code = 2
