"""Child processes that end with their parent, even when the parent is killed with SIGKILL.

A process killed with ``kill -9`` runs no clean-up: the Oxigraph server ``kb serve`` started
kept the port and the store, and the parse workers of ``kb ingest`` (each with spaCy loaded,
~0.5 GB) waited forever for work that would never come. Linux lets a child ask the kernel for a
signal when its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere this does nothing.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def parent_death_signal(sig: int = signal.SIGTERM) -> Callable[[], None] | None:
    """A function that, called in a child, has ``sig`` sent to it when its parent dies; None
    where the platform has no such thing. Looked up in the parent, so that it is safe as a
    ``subprocess`` ``preexec_fn`` (importing in a forked child can deadlock on the import
    lock). The signal follows the death of the parent *thread* that forked the child."""
    if sys.platform != "linux":
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(_PR_SET_PDEATHSIG, sig)


def end_with_parent(sig: int = signal.SIGTERM) -> None:
    """In a forked worker: ``sig`` when the parent dies; exit now if it already has (it may
    have died between the fork and this call, and then no signal will come)."""
    parent = os.getppid()
    hook = parent_death_signal(sig)
    if hook is not None:
        hook()
        if os.getppid() != parent:
            os._exit(1)
