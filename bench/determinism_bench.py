"""Is the store a function of the set of documents? Prints how many quads differ between
stores built from the same documents in different ways (issue 12's test as a new user ran it):

* forward in one batch vs reversed, one ``kb ingest`` call per document;
* forward vs shuffled in one batch;
* forward vs ``kb forget`` of every fifth document followed by its re-ingest;
* the store of all minus those documents vs the full store after ``kb forget`` of them;
* and how many SHACL violations ``kb validate`` finds on the forward store.

The documents: generated articles (``bench/gen_articles.py``: real corpus paragraphs with names
and places substituted, so names collide across documents), the shared corpora and the
examples' texts. Runs in one process on in-memory stores (the model is loaded once).

    .venv/bin/python bench/determinism_bench.py              # 72 documents
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.gen_articles import generate  # noqa: E402
from kb.api import KnowledgeBase  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"


def documents(total: int, seed: int) -> list[Path]:
    fixed = [*sorted(SHARED.glob("*/*.txt")), *sorted((REPO / "examples").glob("*.txt")),
             *sorted((REPO / "examples").glob("*.html"))]
    made = sorted(generate(max(1, total - len(fixed)), seed=seed).glob("*.txt"))
    return [*fixed, *made][:total]


def dump(kb: KnowledgeBase) -> set[str]:
    out = io.BytesIO()
    kb.dump(out, format="nquads")
    return {line for line in out.getvalue().decode().splitlines() if line.strip()}


def built(batches: list[list[Path]], forget: list[Path] = (), again: bool = False,  # type: ignore[assignment]
          ) -> tuple[set[str], int]:
    with KnowledgeBase.open("memory:") as kb:
        for batch in batches:
            kb.ingest(batch)
        for doc in forget:
            kb.forget(str(doc))
        if again and forget:
            kb.ingest(list(forget))
        return dump(kb), len(kb.validate().violations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=72)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    docs = documents(args.docs, args.seed)
    started = time.perf_counter()
    forward, violations = built([docs])
    gone = docs[::5]
    rows = [
        ("reversed, one call per document", built([[d] for d in docs[::-1]])[0]),
        ("shuffled, one batch", built([random.Random(args.seed).sample(docs, len(docs))])[0]),
        (f"forget {len(gone)} documents, re-ingest them", built([docs], gone, again=True)[0]),
    ]
    print(f"{len(docs)} documents, {len(forward)} quads; SHACL violations after ingest: "
          f"{violations}")
    for label, other in rows:
        print(f"{label:45} {len(forward ^ other):6} quads differ from the forward batch")
    rest = built([[d for d in docs if d not in gone]])[0]
    after = built([docs], gone)[0]
    print(f"{'forget ' + str(len(gone)) + ' vs never ingested':45} {len(rest ^ after):6} "
          "quads differ")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
