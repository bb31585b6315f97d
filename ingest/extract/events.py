"""Events (filled in below)."""
from __future__ import annotations

from ingest.extract.context import Context


def extract_events(ctx: Context) -> None:
    return None
