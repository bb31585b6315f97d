"""kb: a civic knowledge graph. `from kb import KnowledgeBase` is the Python API.

The facade is imported on first use (module `__getattr__`), so `import kb` and the CLI's
start-up stay light: `kb --help` must not pay for pyoxigraph or the store layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.api import KnowledgeBase
    from kb.export import ExportReport

__all__ = ["ExportReport", "KnowledgeBase"]


def __getattr__(name: str) -> object:
    if name == "KnowledgeBase":
        from kb.api import KnowledgeBase

        return KnowledgeBase
    if name == "ExportReport":
        from kb.export import ExportReport

        return ExportReport
    raise AttributeError(f"module 'kb' has no attribute {name!r}")
