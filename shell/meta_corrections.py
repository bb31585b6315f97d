"""`\\merge`, `\\split`, `\\reject` and `\\corrections [undo ID]`: the CLI's corrections in the
shell, registered in the meta-command registry (so `\\help` and Tab completion list them, and
entity names complete in their arguments like in `\\describe`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from kb.errors import UsageError
from shell.meta import Session, meta_command, options
from shell.render import Result

if TYPE_CHECKING:
    from collections.abc import Callable

    from kb.corrections_commands import Row


def _recorded(make: Callable[[], Row], verb: str = "recorded") -> list[Result]:
    started = time.perf_counter()
    row = make()
    return [Result(status=f"{verb} correction {row.id}: {row.kind} {row.what}",
                   elapsed=time.perf_counter() - started, note=True)]


@meta_command("\\merge", "A B [--note TEXT]",
              "B is the same entity as A: B's facts are A's, B's names A's aliases.")
def merge(session: Session, args: list[str]) -> list[Result]:
    ends, opts = options("\\merge", args, {"--note": str})
    if len(ends) != 2:
        raise UsageError('\\merge takes two entities: \\merge "Jeff Sessions" "Jefferson Sessions"')
    return _recorded(lambda: session.kb.merge(ends[0], ends[1], note=opts.get("--note")))


@meta_command("\\split", "A --name NAME [--document DOC] [--note TEXT]",
              "The mentions of A written NAME (in DOC) are a different entity.")
def split(session: Session, args: list[str]) -> list[Result]:
    spec = {"--name": str, "--document": str, "--note": str}
    entity, opts = options("\\split", args, spec)
    if len(entity) != 1 or "--name" not in opts:
        raise UsageError('\\split takes one entity and --name: \\split "Rahm Emanuel" --name Rahm')
    return _recorded(lambda: session.kb.split(entity[0], opts["--name"],
                                              document=opts.get("--document"),
                                              note=opts.get("--note")))


@meta_command("\\reject", "FACT [--note TEXT]",
              "A fact (event, statement, membership, grant, by IRI) is wrong: it disappears.")
def reject(session: Session, args: list[str]) -> list[Result]:
    fact, opts = options("\\reject", args, {"--note": str})
    if len(fact) != 1:
        raise UsageError("\\reject takes one fact IRI: \\reject kbr:document/.../event/1")
    return _recorded(lambda: session.kb.reject(fact[0], note=opts.get("--note")))


@meta_command("\\corrections", "[undo ID]",
              "The corrections made (id, kind, what, who, when, note); undo ID takes one back.")
def corrections(session: Session, args: list[str]) -> list[Result]:
    if args and args[0] == "undo":
        if len(args) != 2:
            raise UsageError("\\corrections undo takes one id: \\corrections undo 3")
        return _recorded(lambda: session.kb.undo_correction(args[1]), "undid")
    if args:
        raise UsageError("\\corrections takes nothing, or undo ID")
    from kb.corrections_commands import COLUMNS

    started = time.perf_counter()
    rows = tuple(tuple(str(v) for v in r.as_dict().values()) for r in session.kb.corrections())
    return [Result(headers=COLUMNS, rows=rows, elapsed=time.perf_counter() - started)]
