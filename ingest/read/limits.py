"""Input size limit: news articles and reports are kilobytes; a multi-megabyte "article" is
almost always a dump or the wrong file, and parsing it would stall a whole batch.

The default is 10 MB per file, raised with ``KB_MAX_INPUT_MB`` or the ``max_bytes`` argument
of the read functions.
"""

from __future__ import annotations

import os

from kb.errors import ReadError

DEFAULT_MAX_MB = 10.0
ENV_VAR = "KB_MAX_INPUT_MB"


def max_input_bytes(override: int | None = None) -> int:
    """The limit in bytes: an explicit override, else the environment, else the default."""
    if override is not None:
        return override
    raw = os.environ.get(ENV_VAR)
    if raw:
        try:
            return int(float(raw) * 1_000_000)
        except ValueError:
            raise ReadError(f"{ENV_VAR}={raw!r} is not a number of megabytes; "
                            "set it to e.g. 50") from None
    return int(DEFAULT_MAX_MB * 1_000_000)


def check_size(name: str, size: int, limit: int) -> None:
    """Refuse a file over the limit before reading it into memory."""
    if size > limit:
        raise ReadError(
            f"{name}: {size / 1_000_000:.1f} MB is over the {limit / 1_000_000:g} MB input "
            f"limit; split the file, or raise the limit with {ENV_VAR}=<megabytes>")
